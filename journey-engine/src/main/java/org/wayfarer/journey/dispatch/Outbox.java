package org.wayfarer.journey.dispatch;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The transactional outbox (port). Rows are inserted in the same transaction as the step that decided the send,
 * then claimed with a lease by a dispatcher. Status changes are conditional so two dispatchers never send one row.
 */
public interface Outbox {

    /** Inserts PENDING rows; a duplicate (instance, node, seq) is an error (the caller's step ran twice). */
    void insert(List<OutboxMessage> messages);

    Optional<OutboxMessage> find(long id);

    /**
     * Moves one PENDING row whose {@code next_attempt_at <= now} to SENDING, leased to {@code owner} until
     * {@code leaseUntil}, counting an attempt. Returns the claimed row, or empty if it was not claimable.
     */
    Optional<OutboxMessage> claim(long id, String owner, Instant now, Instant leaseUntil);

    /** Claims up to {@code limit} due PENDING rows, oldest due first. */
    List<OutboxMessage> claimDue(Instant now, int limit, String owner, Instant leaseUntil);

    /** SENDING → SENT with the provider's message id (nullable). */
    void markSent(long id, String providerMessageId, Instant at);

    /** SENDING → REJECTED. */
    void markRejected(long id, String code, String message, Instant at);

    /** SENDING → PENDING again, due at {@code nextAttemptAt}. */
    void reschedule(long id, String code, String message, Instant nextAttemptAt, Instant at);

    /** SENDING → UNKNOWN. */
    void markUnknown(long id, String message, Instant at);

    /**
     * Rows still SENDING after their lease expired (the dispatcher died mid-call) become UNKNOWN: they are reported,
     * never resent. Returns how many.
     */
    int expireAbandoned(Instant now);

    /** The contact's messages, newest first. */
    List<OutboxMessage> forContact(long tenantId, long contactId, int limit);
}
