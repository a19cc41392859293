package org.wayfarer.journey.runtime;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Journey instances and their durable timers (port). Joins the caller's transaction; thread-safe. Every write is
 * conditional on the version read, so concurrent writers never both succeed.
 */
public interface InstanceStore {

    /**
     * Inserts a new instance. Returns false (and inserts nothing) when (journey, contact, entry key) already exists,
     * i.e. the entry policy forbids this entry.
     */
    boolean insert(JourneyInstance instance);

    /**
     * Writes every mutable field (status, node, seq, wake-at, entry key, ended/end reason, updated-at) where the
     * stored row still has {@code instance.version()}; stores version + 1, clears any timer lease and any held timer
     * ({@link #hold}) and sets the wake-up attempts to zero (whatever the instance does next, its next timer starts
     * afresh). The last wake-up error is kept.
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

    /**
     * Lifecycle (stop): up to {@code limit} live (ACTIVE or WAITING) instances of any version of the journey with an
     * id above {@code afterId}, in id order; pass the last id of a page to read the next. Reads an index range per
     * status, never the journey's other instances.
     */
    List<JourneyInstance> livePage(long tenantId, long journeyId, long afterId, int limit);

    /**
     * Lifecycle (migrate): up to {@code limit} WAITING instances of a version below {@code belowVersion} of the
     * journey, at one of {@code nodes}, with an id above {@code afterId}, in id order. Held timers included.
     */
    List<JourneyInstance> waitingAt(long tenantId, long journeyId, int belowVersion, Collection<String> nodes,
                                    long afterId, int limit);

    /**
     * {@link #updateAll}, except that an instance that changed or vanished since it was read is skipped instead of
     * failing the lot.
     *
     * @return the ids of the instances written
     */
    Set<Long> updateUnchanged(List<JourneyInstance> instances);

    /**
     * Moves each instance to another version and node, where the stored row is still WAITING at the version, journey
     * version and node read: stores the new journey version, node and updated-at and version + 1; wake-up time (held
     * or not), its lease, context and seq stay.
     *
     * @return the ids of the instances moved; the others changed meanwhile and stay where they are
     */
    Set<Long> migrate(List<Migration> migrations);

    /**
     * Parks the due timer of an instance whose journey is paused, where the stored row is still WAITING at
     * {@code instance.version()} with a wake-up time: the wake-up time is kept as the held one, {@code wake_at} is
     * cleared (so no timer claim sees the instance), the lease released and version + 1 stored. Any other write of the
     * instance ({@link #update}, {@link #updateAll}, ...) drops a held timer: the instance moved on.
     *
     * @return false, and nothing is written, when the row changed meanwhile
     */
    boolean hold(JourneyInstance instance);

    /**
     * Up to {@code limit} instances of the journey with a held timer, earliest held wake-up first. Releasing them
     * takes them out of the answer, so the next call reads the next ones.
     */
    List<HeldTimer> held(long tenantId, long journeyId, int limit);

    /**
     * Puts each held timer back ({@code wake_at} = the held wake-up time, no held time, version + 1, updated-at from
     * the instance) where the row is still at the version read and holds a timer.
     *
     * @return the ids of the instances released
     */
    Set<Long> release(List<JourneyInstance> instances);

    /** A journey version change of one waiting instance, made at {@code at}. */
    record Migration(JourneyInstance instance, int toVersion, String toNode, Instant at) {
    }

    /** An instance whose timer is held while its journey is paused, with the wake-up time it had. */
    record HeldTimer(JourneyInstance instance, Instant heldWakeAt) {
    }

    /**
     * When the contact last entered the journey (any version, any status), or empty when it never did: the entry
     * loop guard ({@code entry.minInterval}) asks only for journeys that set one.
     */
    Optional<Instant> lastEntered(long journeyId, long contactId);
}
