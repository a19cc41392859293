package org.wayfarer.journey.dispatch;

import java.time.Instant;
import java.util.Objects;

/**
 * A row this dispatcher leased: what to send, and the lease that receipts and renewals name.
 *
 * @param firstAttemptAt  when the provider was first called for this delivery (this claim, or an earlier one)
 * @param unknownAttempts earlier attempts whose outcome is unknown (no answer, crash mid-call, expired lease): when
 *                        positive the provider may already have the message
 */
public record OutboxClaim(OutboxMessage message, String owner, Instant leaseUntil, Instant firstAttemptAt,
                          int unknownAttempts) {

    public OutboxClaim {
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(leaseUntil, "leaseUntil");
        Objects.requireNonNull(firstAttemptAt, "firstAttemptAt");
    }

    public long id() {
        return message.id();
    }

    /** Whether an earlier attempt may have reached the provider. */
    public boolean inDoubt() {
        return unknownAttempts > 0;
    }

    OutboxClaim withLease(Instant renewedUntil) {
        return new OutboxClaim(message, owner, renewedUntil, firstAttemptAt, unknownAttempts);
    }
}
