package org.wayfarer.journey.dispatch;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The transactional outbox (port). Rows are inserted in the same transaction as the step that decided the send,
 * then leased by a dispatcher, sent, and settled by a receipt. Every status change is conditional, so two dispatchers
 * never send one row and a late receipt never overwrites what was decided after its lease ran out.
 *
 * <p>A lease is identified by (owner, {@code leaseUntil}): a dispatcher keeps its lease deadlines distinct (strictly
 * increasing per owner), so the pair names one claim. Receipts and renewals name the lease they hold and change nothing
 * once the row was settled, expired, re-queued or claimed again. Thread-safe; methods join the caller's transaction
 * where there is one, and a method that writes several statements runs them in one transaction.
 */
public interface Outbox {

    /** Inserts PENDING rows; a duplicate (instance, node, seq) is an error (the caller's step ran twice). */
    void insert(List<OutboxMessage> messages);

    /**
     * Inserts rows already leased, as a {@link #lease} would have left them: SENDING under (owner,
     * {@code leaseUntil}) of each claim, its message's attempts counted and {@code first_attempt_at} set to the
     * claim's. For rows the inserting transaction hands straight to the send pool ({@link SendHandoff}); a duplicate
     * (instance, node, seq) is an error, as for {@link #insert}.
     */
    void insertLeased(List<OutboxClaim> claims);

    Optional<OutboxMessage> find(long id);

    /**
     * Leases those of {@code ids} that are PENDING and due ({@code next_attempt_at <= now}), in one transaction:
     * SENDING, leased to {@code owner} until {@code leaseUntil}, one attempt counted, and {@code first_attempt_at} set
     * to {@code now} unless an earlier attempt set it. Returns the leased rows read back, oldest due first; ids that were
     * not claimable (settled, not due, leased by someone else, unknown) are simply absent.
     */
    List<OutboxClaim> lease(List<Long> ids, String owner, Instant now, Instant leaseUntil);

    /**
     * {@link #lease} of rows the caller inserted (their {@link #insert}ed messages, after the insert committed), with
     * the same result: claims carry what the table holds after the claim, also for a row that was claimed and put
     * back to PENDING meanwhile. An adapter may build the claim of a row still as inserted from the message instead
     * of reading it back (its message map is then the inserted one, not a copy read from the table).
     */
    default List<OutboxClaim> leaseInserted(List<OutboxMessage> inserted, String owner, Instant now,
                                            Instant leaseUntil) {
        return lease(inserted.stream().map(OutboxMessage::id).toList(), owner, now, leaseUntil);
    }

    /** Like {@link #lease} for up to {@code limit} due PENDING rows, oldest due first, skipping rows others lock. */
    List<OutboxClaim> leaseDue(Instant now, int limit, String owner, Instant leaseUntil);

    /** {@link #lease} of one row, as its message. */
    default Optional<OutboxMessage> claim(long id, String owner, Instant now, Instant leaseUntil) {
        return lease(List.of(id), owner, now, leaseUntil).stream().findFirst().map(OutboxClaim::message);
    }

    /** {@link #leaseDue}, as messages. */
    default List<OutboxMessage> claimDue(Instant now, int limit, String owner, Instant leaseUntil) {
        return leaseDue(now, limit, owner, leaseUntil).stream().map(OutboxClaim::message).toList();
    }

    /**
     * Moves the lease {@code owner} holds on row {@code id} (SENDING, {@code lease_until = heldUntil}) to
     * {@code newLeaseUntil}. Returns false, changing nothing, when the row is no longer held under that lease
     * (declared UNKNOWN, re-queued or claimed again after it expired): the caller must then not send it.
     */
    boolean renewLease(long id, String owner, Instant heldUntil, Instant newLeaseUntil);

    /**
     * Writes receipts of leases held by {@code owner} in one transaction (batched per receipt kind).
     * A receipt applies only while its row is still SENDING under the lease it names; others change nothing. Returns
     * how many applied.
     */
    int settle(String owner, List<OutboxReceipt> receipts, Instant at);

    /**
     * Puts rows of {@code channel} whose lease expired before {@code now} (the dispatcher died or stalled mid-call)
     * back to PENDING, due at once, counting an unknown outcome, if their first attempt was after
     * {@code firstAttemptAfter} and fewer than {@code maxAttempts} attempts were made: for channels whose provider
     * de-duplicates a repeated delivery id within a window. Error code {@code LEASE_EXPIRED}. Returns how many.
     */
    int requeueAbandoned(Instant now, String channel, Instant firstAttemptAfter, int maxAttempts);

    /**
     * Rows still SENDING after their lease expired become UNKNOWN (error code {@code LEASE_EXPIRED}): they are
     * reported, never resent. Run after {@link #requeueAbandoned} for the channels that may repeat. Returns how many.
     */
    int expireAbandoned(Instant now);

    /**
     * Moves a deferred row (PENDING, never attempted, due at {@code from}) to {@code to}, because a send of higher
     * priority took its slot. Returns false, changing nothing, when the row is no longer so (a dispatcher claimed it
     * meanwhile).
     */
    boolean postpone(long id, Instant from, Instant to, Instant now);

    /**
     * Withdraws a deferred row (as for {@link #postpone}): DROPPED, error code {@code DISPLACED}, {@code reason} as
     * its error message. Returns false, changing nothing, when the row is no longer a deferred one due at
     * {@code from}.
     */
    boolean withdraw(long id, Instant from, String reason, Instant now);

    /**
     * How many rows of {@code channel} through {@code account} had their first attempt at or after {@code since} and
     * are no longer being sent (settled, or back to PENDING after an attempt): what the dispatcher counts a daily
     * quota from when it first meets an account on a day (the rows it is sending itself it counts as it goes).
     */
    long countAttempted(String channel, String account, Instant since);

    /**
     * Records the provider's delivery report (WeChat's TEMPLATESENDJOBFINISH) on the row of {@code channel} through
     * {@code account} that the provider knows as {@code providerMessageId}. Returns how many rows it applied to (0
     * when no such row is on record, e.g. a report for a message sent by another system).
     */
    int recordDelivery(String channel, String account, String providerMessageId, String status, Instant at);

    /** The delivery report recorded on row {@code id}, if any. */
    Optional<String> deliveryStatus(long id);

    /** The contact's messages, newest first. */
    List<OutboxMessage> forContact(long tenantId, long contactId, int limit);
}
