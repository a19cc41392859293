package org.wayfarer.journey.schedule;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wayfarer.journey.IdGenerator;
import org.wayfarer.journey.Transactions;
import org.wayfarer.journey.catalog.JourneyStore;
import org.wayfarer.journey.event.EventLog;
import org.wayfarer.journey.runtime.PublishedJourneys;
import org.wayfarer.journey.segment.SegmentMembers;
import org.wayfarer.journey.stats.JourneyCounters;

/**
 * The poller of timed triggers (docs/adr/0011): on each {@link #pollOnce} it brings the schedule rows in line with the
 * published journeys, claims the fires that are due by the injected clock (a lease per row, so one node runs a fire)
 * and runs them, a page of contacts per commit ({@link FireRun}). A fire enters its contacts as waiting instances due
 * at their entry time; the timers then run their first steps at the timer machinery's own pace. Thread-safe: calls are
 * serialised.
 */
public final class ScheduledFires {

    private static final Logger log = LoggerFactory.getLogger(ScheduledFires.class);
    /** Fires one poll claims at most; each runs to its end before the next. */
    private static final int CLAIM = 8;

    /**
     * How fires run.
     *
     * @param owner       this node's name in the rows' leases
     * @param pageSize    contacts per page (per commit)
     * @param lease       how long a claimed fire is this node's without a page committed; another node takes it over
     *                    after that
     * @param dateWindow  the length of the window of entry times one date sweep covers
     * @param dateLead    how long before its window a date sweep runs, so its contacts are waiting when they are due
     * @param dateCatchUp how far back a late date sweep (after an outage or a pause) still enters contacts
     * @param firstSteps  first steps per second a schedule fire releases: every contact enters at the fire time, and
     *                    the n-th one's first step is due {@code n / firstSteps} seconds after it; 0 releases all at
     *                    the fire time
     */
    public record Settings(String owner, int pageSize, Duration lease, Duration dateWindow, Duration dateLead,
                           Duration dateCatchUp, int firstSteps) {

        public Settings {
            Objects.requireNonNull(owner, "owner");
            if (pageSize < 1) {
                throw new IllegalArgumentException("pageSize must be at least 1, got " + pageSize);
            }
            for (Duration d : List.of(lease, dateWindow, dateCatchUp)) {
                if (d.isNegative() || d.isZero()) {
                    throw new IllegalArgumentException("lease, date window and catch-up must be positive");
                }
            }
            if (dateLead.isNegative()) {
                throw new IllegalArgumentException("dateLead must not be negative, got " + dateLead);
            }
            if (firstSteps < 0) {
                throw new IllegalArgumentException("firstSteps must not be negative, got " + firstSteps);
            }
        }

        /** When the {@code n}-th contact (from 0) of a schedule fire at {@code fireAt} takes its first step. */
        Instant firstStep(Instant fireAt, long n) {
            return firstSteps == 0 ? fireAt : fireAt.plusMillis(n * 1000 / firstSteps);
        }
    }

    /** The collaborators of the fires. */
    record Parts(ScheduleStore store, DateCandidates dates, SegmentMembers segments, PublishedJourneys published,
                 JourneyStore journeys, EventLog events, JourneyCounters counters, Transactions transactions,
                 IdGenerator ids, Clock clock) {
    }

    private final Parts parts;
    private final Settings settings;
    private final ScheduleSync sync;
    private final FireRun fires;

    public ScheduledFires(ScheduleStore store, DateCandidates dates, SegmentMembers segments,
                          PublishedJourneys published, JourneyStore journeys, EventLog events,
                          JourneyCounters counters, Transactions transactions, IdGenerator ids, Clock clock,
                          Settings settings) {
        this.parts = new Parts(Objects.requireNonNull(store), Objects.requireNonNull(dates),
                Objects.requireNonNull(segments), Objects.requireNonNull(published), Objects.requireNonNull(journeys),
                Objects.requireNonNull(events), Objects.requireNonNull(counters), Objects.requireNonNull(transactions),
                Objects.requireNonNull(ids), Objects.requireNonNull(clock));
        this.settings = Objects.requireNonNull(settings);
        this.sync = new ScheduleSync(store, published, settings.dateLead());
        this.fires = new FireRun(parts, settings);
    }

    /**
     * Syncs the rows, then claims the due fires and runs each to its end (or until its journey stops taking entries).
     * A fire that fails is logged and left to its lease: claimed again, from its last committed page, once the lease
     * expires. Never throws for a failing fire.
     *
     * @return how many fires were claimed
     */
    public synchronized int pollOnce() {
        Instant now = parts.clock().instant();
        sync.sync(now);
        List<ScheduleState> claimed = parts.store().claimDue(now, CLAIM, settings.owner(),
                now.plus(settings.lease()));
        for (ScheduleState state : claimed) {
            try {
                fires.run(state);
            } catch (RuntimeException e) {
                log.error("journey {}: fire {} failed after {} entries; it goes on from there once its lease "
                        + "expires", state.journeyId(), state.fireAt(), state.entered(), e);
            }
        }
        return claimed.size();
    }

    /** The journey's schedule row as stored, if it has one (for inspection and tests). */
    public java.util.Optional<ScheduleState> state(long journeyId) {
        return parts.store().all().stream().filter(s -> s.journeyId() == journeyId).findFirst();
    }
}
