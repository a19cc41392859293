package org.wayfarer.journey.infra.embedded;

import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.wayfarer.journey.dispatch.SendRateLimiter;

/**
 * In-process token bucket per (channel, account) for embedded mode. Uses the monotonic {@link System#nanoTime()}:
 * rate limiting measures elapsed time, not business time, so it is not driven by the engine clock.
 */
public final class TokenBucketRateLimiter implements SendRateLimiter {

    private final double permitsPerSecond;
    private final double burst;
    private final ConcurrentMap<String, Bucket> buckets = new ConcurrentHashMap<>();

    public TokenBucketRateLimiter(double permitsPerSecond, double burst) {
        if (permitsPerSecond <= 0 || burst < 1) {
            throw new IllegalArgumentException("rate must be positive and burst at least 1");
        }
        this.permitsPerSecond = permitsPerSecond;
        this.burst = burst;
    }

    @Override
    public Duration tryAcquire(String channel, String account) {
        return buckets.computeIfAbsent(channel + '|' + account, k -> new Bucket(burst)).take(permitsPerSecond, burst);
    }

    private static final class Bucket {
        private double tokens;
        private long last = System.nanoTime();

        Bucket(double tokens) {
            this.tokens = tokens;
        }

        synchronized Duration take(double rate, double burst) {
            long now = System.nanoTime();
            tokens = Math.min(burst, tokens + (now - last) / 1e9 * rate);
            last = now;
            if (tokens >= 1) {
                tokens -= 1;
                return Duration.ZERO;
            }
            return Duration.ofNanos((long) Math.ceil((1 - tokens) / rate * 1e9));
        }
    }
}
