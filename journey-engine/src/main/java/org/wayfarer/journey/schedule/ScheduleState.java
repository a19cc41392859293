package org.wayfarer.journey.schedule;

import java.time.Instant;

/**
 * The durable state of one journey's timed trigger (a {@code journey_schedule} row): when it is next due, and the
 * fire in progress with its page cursor, so a fire cut short resumes from its last committed page. Immutable; the
 * {@code with*} methods derive the next state, which the store writes under optimistic locking on {@code version}.
 *
 * <p>A schedule's row between fires has {@code dueAt} = {@code fireAt} = the next fire time. A date trigger's has
 * {@code fireAt} = the start of the next window of entry times to sweep and {@code dueAt} a lead earlier (the window's
 * contacts are inserted waiting, each due at its own time). During a fire {@code fireEventId} is set: {@code fireAt}
 * is the fire's time (a date sweep's window is {@code [fireAt, fireTo)}) and {@code cursor} the last contact id whose
 * page committed.
 *
 * @param dueAt       when the poller should start the next fire; null when the trigger will not fire again
 * @param fireTo      a date sweep's window end (exclusive) while it runs; null otherwise
 * @param fireEventId the trigger event of the fire in progress, which its instances share; null between fires
 * @param entered     contacts the fire in progress (or, between fires, the last one) entered
 * @param skipped     contacts the date sweep in progress (or the last) skipped for an unparsable attribute value
 * @param lastFireAt  when the last completed fire fired (a sweep: its window start); null before the first
 * @param leaseOwner  the node running the fire (or about to), null when free
 * @param version     optimistic-locking revision
 */
public record ScheduleState(long journeyId, long tenantId, int journeyVersion, Instant dueAt, Instant fireAt,
                            Instant fireTo, Long fireEventId, long cursor, long entered, long skipped,
                            Instant lastFireAt, String leaseOwner, Instant leaseUntil, Instant updatedAt,
                            int version) {

    /** A trigger that has not fired yet, first due at {@code dueAt} for a fire (or window) at {@code fireAt}. */
    static ScheduleState first(long journeyId, long tenantId, int journeyVersion, Instant dueAt, Instant fireAt,
                               Instant now) {
        return new ScheduleState(journeyId, tenantId, journeyVersion, dueAt, fireAt, null, null, 0, 0, 0, null, null,
                null, now, 0);
    }

    /** Whether a fire has started and not completed. */
    public boolean firing() {
        return fireEventId != null;
    }

    /** The same trigger from another published version, due afresh; only between fires. */
    ScheduleState republished(int version, Instant nextDue, Instant nextFire, Instant now) {
        return new ScheduleState(journeyId, tenantId, version, nextDue, nextFire, null, null, 0, 0, 0, lastFireAt,
                leaseOwner, leaseUntil, now, this.version);
    }

    /** The fire at {@code at} (a sweep: of {@code [at, to)}) started, with {@code eventId} as its trigger. */
    ScheduleState started(Instant at, Instant to, long eventId, Instant leaseUntil, Instant now) {
        return new ScheduleState(journeyId, tenantId, journeyVersion, dueAt, at, to, eventId, 0, 0, 0, lastFireAt,
                leaseOwner, leaseUntil, now, version);
    }

    /** A page up to contact {@code lastContactId} committed; the lease is extended. */
    ScheduleState advanced(long lastContactId, long enteredMore, long skippedMore, Instant leaseUntil, Instant now) {
        return new ScheduleState(journeyId, tenantId, journeyVersion, dueAt, fireAt, fireTo, fireEventId,
                lastContactId, entered + enteredMore, skipped + skippedMore, lastFireAt, leaseOwner, leaseUntil, now,
                version);
    }

    /** The fire completed; the next is due at {@code nextDue} (null: none) for {@code nextFire}. The lease is freed. */
    ScheduleState completed(Instant nextDue, Instant nextFire, Instant now) {
        return new ScheduleState(journeyId, tenantId, journeyVersion, nextDue, nextFire, null, null, 0, entered,
                skipped, fireAt, null, null, now, version);
    }

    /** The lease given up (a paused journey's fire waits for the resume; a failed page is retried). */
    ScheduleState released(Instant now) {
        return new ScheduleState(journeyId, tenantId, journeyVersion, dueAt, fireAt, fireTo, fireEventId, cursor,
                entered, skipped, lastFireAt, null, null, now, version);
    }

    /** The state as stored after a successful write (the store adds one to the version). */
    ScheduleState written() {
        return new ScheduleState(journeyId, tenantId, journeyVersion, dueAt, fireAt, fireTo, fireEventId, cursor,
                entered, skipped, lastFireAt, leaseOwner, leaseUntil, updatedAt, version + 1);
    }
}
