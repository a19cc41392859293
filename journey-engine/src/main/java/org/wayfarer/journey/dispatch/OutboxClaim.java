package org.wayfarer.journey.dispatch;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
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

    /**
     * The first claim of a row still as inserted, as the table stores it after the claim: SENDING, one attempt more,
     * first attempt {@code at}, times to the millisecond. Both ways of leasing a new row produce it (the claim
     * statement of a row still as inserted, and the processing transaction's own lease, {@link SendHandoff}).
     */
    public static OutboxClaim firstOf(OutboxMessage m, String owner, Instant at, Instant leaseUntil) {
        Instant now = at.truncatedTo(ChronoUnit.MILLIS);
        OutboxMessage sending = new OutboxMessage(m.id(), m.tenantId(), m.instanceId(), m.journeyId(), m.nodeId(),
                m.seq(), m.contactId(), m.channel(), m.account(), m.recipient(), m.message(), OutboxStatus.SENDING,
                m.attempts() + 1, m.nextAttemptAt().truncatedTo(ChronoUnit.MILLIS), null, null, null,
                m.createdAt().truncatedTo(ChronoUnit.MILLIS), now);
        return new OutboxClaim(sending, owner, leaseUntil.truncatedTo(ChronoUnit.MILLIS), now, 0);
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
