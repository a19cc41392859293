package org.wayfarer.journey.dispatch;

import java.time.Instant;
import java.util.Objects;

/**
 * What to record for one leased row, written in batches by {@link Outbox#settle}.
 *
 * @param leaseUntil        the lease the receipt belongs to; a receipt for a lease the row no longer has is ignored
 * @param providerMessageId for {@link Kind#SENT} (nullable)
 * @param code              error code (nullable); for the other kinds
 * @param message           error message (nullable)
 * @param nextAttemptAt     for the kinds that put the row back to PENDING
 * @param fallback          for {@link Kind#FELL_THROUGH}: the channel, address and message the row moves to
 */
public record OutboxReceipt(long id, Instant leaseUntil, Kind kind, String providerMessageId, String code,
                            String message, Instant nextAttemptAt, Fallbacks.Fallback fallback) {

    /** What becomes of the row. */
    public enum Kind {
        /** SENDING → SENT. */
        SENT,
        /** SENDING → REJECTED, final. */
        REJECTED,
        /** SENDING → PENDING at {@code nextAttemptAt}; the attempt stays counted (the provider said "not now"). */
        RETRY,
        /**
         * SENDING → PENDING at {@code nextAttemptAt} without calling the provider (rate limit, pool shut down): the
         * attempt is given back, and so is {@code first_attempt_at} if this claim had set it.
         */
        DEFERRED,
        /**
         * SENDING → PENDING at {@code nextAttemptAt} after an unknown outcome, one unknown attempt counted: the
         * provider de-duplicates the delivery id, so the same delivery may be repeated within its window.
         */
        IN_DOUBT,
        /** SENDING → UNKNOWN: may or may not have been delivered; reported, never resent. */
        UNKNOWN,
        /**
         * SENDING → PENDING at {@code nextAttemptAt} on the row's first fallback channel ({@link Fallbacks}): the
         * channel refused it for good, so the same delivery moves to the next channel, attempts starting afresh;
         * {@code code} and {@code message} say why it left the channel before.
         */
        FELL_THROUGH
    }

    public OutboxReceipt {
        Objects.requireNonNull(leaseUntil, "leaseUntil");
        Objects.requireNonNull(kind, "kind");
        if ((kind == Kind.RETRY || kind == Kind.DEFERRED || kind == Kind.IN_DOUBT || kind == Kind.FELL_THROUGH)
                && nextAttemptAt == null) {
            throw new IllegalArgumentException(kind + " receipt for outbox row " + id + " needs nextAttemptAt");
        }
        if ((kind == Kind.FELL_THROUGH) != (fallback != null)) {
            throw new IllegalArgumentException("a fallback belongs to FELL_THROUGH receipts only (outbox row " + id
                    + ", " + kind + ")");
        }
    }

    /** A receipt of any kind but {@link Kind#FELL_THROUGH}. */
    public OutboxReceipt(long id, Instant leaseUntil, Kind kind, String providerMessageId, String code,
                         String message, Instant nextAttemptAt) {
        this(id, leaseUntil, kind, providerMessageId, code, message, nextAttemptAt, null);
    }

    /**
     * The refusal of a send for good: {@link Kind#FELL_THROUGH} to its first fallback, due at {@code now}, when its
     * message carries one, else {@link Kind#REJECTED}.
     */
    public static OutboxReceipt refused(OutboxClaim claim, String code, String message, Instant now) {
        return Fallbacks.next(claim.message().message())
                .map(next -> new OutboxReceipt(claim.id(), claim.leaseUntil(), Kind.FELL_THROUGH, null, code,
                        claim.message().channel() + " refused it (" + code + ": " + message + "); moved to "
                                + next.channel(), now, next))
                .orElseGet(() -> rejected(claim, code, message));
    }

    public static OutboxReceipt sent(OutboxClaim claim, String providerMessageId) {
        return new OutboxReceipt(claim.id(), claim.leaseUntil(), Kind.SENT, providerMessageId, null, null, null);
    }

    public static OutboxReceipt rejected(OutboxClaim claim, String code, String message) {
        return new OutboxReceipt(claim.id(), claim.leaseUntil(), Kind.REJECTED, null, code, message, null);
    }

    public static OutboxReceipt retry(OutboxClaim claim, String code, String message, Instant nextAttemptAt) {
        return new OutboxReceipt(claim.id(), claim.leaseUntil(), Kind.RETRY, null, code, message, nextAttemptAt);
    }

    public static OutboxReceipt deferred(OutboxClaim claim, String code, String message, Instant nextAttemptAt) {
        return new OutboxReceipt(claim.id(), claim.leaseUntil(), Kind.DEFERRED, null, code, message, nextAttemptAt);
    }

    public static OutboxReceipt inDoubt(OutboxClaim claim, String code, String message, Instant nextAttemptAt) {
        return new OutboxReceipt(claim.id(), claim.leaseUntil(), Kind.IN_DOUBT, null, code, message, nextAttemptAt);
    }

    public static OutboxReceipt unknown(OutboxClaim claim, String code, String message) {
        return new OutboxReceipt(claim.id(), claim.leaseUntil(), Kind.UNKNOWN, null, code, message, null);
    }
}
