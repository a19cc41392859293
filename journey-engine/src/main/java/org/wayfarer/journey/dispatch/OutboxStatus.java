package org.wayfarer.journey.dispatch;

/** Where a delivery is. */
public enum OutboxStatus {
    /** Waiting to be sent at or after {@code next_attempt_at}. */
    PENDING,
    /** Claimed by a dispatcher that is calling the provider. */
    SENDING,
    SENT,
    REJECTED,
    /**
     * The provider may or may not have it (timeout, crash mid-call) and the channel cannot repeat it safely (no
     * idempotency window, or the window has passed): reported, never resent.
     */
    UNKNOWN,
    /**
     * Withdrawn before any attempt: it was deferred, a send of higher priority took its slot, and the next slot its
     * rules allow lay past its expiry. Never sent.
     */
    DROPPED
}
