package org.wayfarer.journey.runtime;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.wayfarer.journey.stats.InstanceCounts;

/**
 * Journey instances and their durable timers (port). Joins the caller's transaction.
 */
public interface InstanceStore extends InstanceCounts {

    /**
     * Inserts a new instance. Returns false (and inserts nothing) when (journey, contact, entry key) already exists,
     * i.e. the entry policy forbids this entry.
     */
    boolean insert(JourneyInstance instance);

    /**
     * Writes every mutable field (status, node, seq, wake-at, entry key, ended/end reason, updated-at) where the
     * stored row still has {@code instance.version()}; stores version + 1, clears any timer lease and sets the wake-up
     * attempts to zero (whatever the instance does next, its next timer starts afresh). The last wake-up error is
     * kept.
     *
     * @throws org.wayfarer.journey.StaleDataException when the row changed meanwhile
     */
    void update(JourneyInstance instance);

    Optional<JourneyInstance> find(long tenantId, long instanceId);

    /** The contact's live (active or waiting) instances. */
    List<JourneyInstance> liveFor(long tenantId, long contactId);

    /**
     * Claims up to {@code limit} waiting instances with {@code wake_at <= now} whose lease is free or expired, leasing
     * them to {@code owner} until {@code leaseUntil}. Two concurrent claimers never get the same instance.
     */
    default List<DueWakeup> claimDue(Instant now, int limit, String owner, Instant leaseUntil) {
        return claimDue(now, now, limit, owner, leaseUntil);
    }

    /**
     * Claims up to {@code limit} waiting instances with {@code wake_at <= dueBy} (which may lie ahead of {@code now},
     * so a timing wheel can hold them until they are due) whose lease is free or expired at {@code now}, earliest
     * first, leasing them to {@code owner} until {@code leaseUntil}. Two concurrent claimers never get the same
     * instance.
     */
    List<DueWakeup> claimDue(Instant dueBy, Instant now, int limit, String owner, Instant leaseUntil);

    /**
     * What entering journeys and resuming instances need to know about these contacts, in one read: their live
     * (active or waiting) instances, plus ended instances whose entry key still forbids a new entry ({@code ONCE}).
     */
    List<JourneyInstance> entryState(Collection<Long> contactIds);

    /**
     * Inserts new instances with multi-row statements. The caller has checked {@link #entryState}; an entry taken
     * concurrently since then makes this throw {@link org.wayfarer.journey.StaleDataException} (the unique entry key
     * is the guard) and the caller's transaction rolls back.
     */
    void insertAll(List<JourneyInstance> instances);

    /**
     * {@link #update} for many instances in one statement per chunk, in id order.
     *
     * @throws org.wayfarer.journey.StaleDataException when any of them changed meanwhile
     */
    void updateAll(List<JourneyInstance> instances);

    /**
     * Records that resuming a waiting instance failed, where the stored row is still {@code WAITING} at
     * {@code instance.version()}: stores {@code attempts} and {@code error} (cut to 500 characters) and, from
     * {@code instance}, status, wake-at, entry key, ended-at, end reason and updated-at; that is either the same wait
     * due again later (a retry) or its {@link InstanceStatus#FAILED} end. Node and seq are not written. Stores
     * version + 1 and clears the timer lease, so a retry is claimed again at its new wake-at. Joins the caller's
     * transaction.
     *
     * @return false, and nothing is written, when the row changed meanwhile (a concurrent resume or exit wins)
     */
    boolean recordWakeupFailure(JourneyInstance instance, int attempts, String error);

    /**
     * The instance's wake-up failures, for inspection: empty when it has none on record (no wake-up of it ever failed)
     * or there is no such instance of the tenant.
     */
    Optional<WakeupFailures> wakeupFailures(long tenantId, long instanceId);

    /**
     * @param attempts failed attempts of the current timer (zero again once the instance moved on)
     * @param lastError the last failure's error text, kept after the instance moved on
     */
    record WakeupFailures(int attempts, String lastError) {
    }

    /**
     * A claimed wake-up: enough to route it to the contact's worker, and how often resuming it has failed so far
     * (as claimed), from which the worker decides its backoff.
     */
    record DueWakeup(long tenantId, long instanceId, long contactId, Instant wakeAt, int attempts) {

        /** A wake-up whose timer has not failed before. */
        public DueWakeup(long tenantId, long instanceId, long contactId, Instant wakeAt) {
            this(tenantId, instanceId, contactId, wakeAt, 0);
        }
    }

    /** Counts of the journey's instances by status (for stats). */
    java.util.Map<InstanceStatus, Long> countByStatus(long tenantId, long journeyId);

    @Override
    default long liveCount(long tenantId, long journeyId) {
        return countByStatus(tenantId, journeyId).entrySet().stream().filter(e -> e.getKey().isLive())
                .mapToLong(java.util.Map.Entry::getValue).sum();
    }
}
