package org.wayfarer.journey.dispatch;

import java.time.Duration;

/**
 * Per (channel, account) send budget (port), so the platform never causes its own 45009 / 45011. Embedded mode: an
 * in-process token bucket; cluster mode: a shared limiter.
 */
public interface SendRateLimiter {

    /**
     * Takes one permit if one is free now. Returns {@link Duration#ZERO} when taken, otherwise how long until one is
     * likely free (the caller defers the send by that much rather than dropping it). Thread-safe.
     */
    Duration tryAcquire(String channel, String account);
}
