package org.wayfarer.journey.channel;

import java.time.Duration;

/** What a provider said about one send. */
public sealed interface SendReceipt {

    /** Taken by the provider; {@code providerMessageId} (e.g. WeChat msgid) may be {@code null}. */
    record Accepted(String providerMessageId) implements SendReceipt {
    }

    /** Refused for good (e.g. 43004 recipient unfollowed, 40037 bad template); never retried. */
    record Rejected(String code, String reason) implements SendReceipt {
    }

    /** Not taken now (e.g. -1 busy, 45009 quota, connection refused); retry no sooner than {@code after}. */
    record RetryLater(String code, String reason, Duration after) implements SendReceipt {
    }

    /** The request may have reached the provider but no answer came (read timeout): reported, never resent. */
    record Unknown(String reason) implements SendReceipt {
    }
}
