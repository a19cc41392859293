package org.wayfarer.journey.schedule;

import java.time.Instant;
import java.util.List;
import org.wayfarer.journey.definition.EntryPolicy;

/**
 * The timed triggers' durable state and their bulk entries (port). One {@link ScheduleState} row per journey with a
 * schedule or date trigger. Every method joins the caller's transaction, or runs on its own without one; thread-safe;
 * safe for several nodes at once (claims are conditional updates, writes are versioned).
 */
public interface ScheduleStore {

    /** Every row, of every tenant (one per timed journey: the poller compares them with the published journeys). */
    List<ScheduleState> all();

    /** Inserts a first row; false, and nothing written, when the journey has one already. */
    boolean insert(ScheduleState state);

    /** Writes every field where the stored row still has {@code state.version()}, storing version + 1. */
    boolean update(ScheduleState state);

    /** Deletes the row where it still has {@code version}; false when it changed or is gone. */
    boolean delete(long journeyId, int version);

    /**
     * Leases up to {@code limit} rows due at {@code now} ({@code due_at <= now}) whose lease is free or expired to
     * {@code owner} until {@code leaseUntil}, earliest due first, and returns them as written. Two claimers never get
     * the same row.
     */
    List<ScheduleState> claimDue(Instant now, int limit, String owner, Instant leaseUntil);

    /**
     * Inserts the entries of one page as WAITING instances that have taken no step, due at each entry's time, under
     * the batch's entry key (multi-row statements). An entry whose (journey, contact, entry key) exists already is
     * skipped, not an error: that is the entry policy ({@code ONCE}: entered before; {@code ONE_AT_A_TIME}: still in
     * the journey) or this fire's page repeated after a crash ({@code EVERY_TIME}: the key names the fire).
     *
     * @return how many were inserted
     */
    int enter(EntryBatch batch, List<Entry> entries);

    /** What the instances of one page share. {@code entryKey} comes from the policy and the fire's trigger event. */
    record EntryBatch(long tenantId, long journeyId, int journeyVersion, String startNode, EntryPolicy policy,
                      String entryKey, long triggerEventId, Instant enteredAt) {
    }

    /** One contact's entry: its instance id and when it takes its first step. */
    record Entry(long instanceId, long contactId, Instant wakeAt) {
    }
}
