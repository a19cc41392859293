package org.wayfarer.journey.runtime;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.wayfarer.journey.Transactions;
import org.wayfarer.journey.catalog.LiveInstances;
import org.wayfarer.journey.runtime.InstanceStore.HeldTimer;
import org.wayfarer.journey.runtime.InstanceStore.Migration;
import org.wayfarer.journey.stats.CounterDelta;
import org.wayfarer.journey.stats.JourneyCounters;
import org.wayfarer.journey.stats.JourneyStatistics;

/**
 * {@link LiveInstances} on the instance store: each page of at most {@code pageSize} instances (1,000 in the product)
 * is read, decided and written in one transaction, steps and counters with it, and nothing of a page is kept after
 * its commit. Ends go through {@link InstanceRunner#end}, so a stopped instance gets the same step, entry-key release
 * and journey-level counter as any other end. Thread-safe (no state but the collaborators).
 */
public final class LifecycleSweeps implements LiveInstances {

    /** Instances read and written per transaction. */
    public static final int PAGE_SIZE = 1_000;
    /** Passes of a stop over the journey before it gives up on instances that keep changing. */
    static final int STOP_PASSES = 5;

    private final InstanceStore instances;
    private final InstanceRunner runner;
    private final StepLog steps;
    private final JourneyCounters counters;
    private final Transactions transactions;
    private final Clock clock;
    private final int pageSize;

    public LifecycleSweeps(InstanceStore instances, InstanceRunner runner, StepLog steps, JourneyCounters counters,
                           Transactions transactions, Clock clock, int pageSize) {
        this.instances = Objects.requireNonNull(instances, "instances");
        this.runner = Objects.requireNonNull(runner, "runner");
        this.steps = Objects.requireNonNull(steps, "steps");
        this.counters = Objects.requireNonNull(counters, "counters");
        this.transactions = Objects.requireNonNull(transactions, "transactions");
        this.clock = Objects.requireNonNull(clock, "clock");
        if (pageSize < 1) {
            throw new IllegalArgumentException("page size must be positive, was " + pageSize);
        }
        this.pageSize = pageSize;
    }

    /** What one page did: instances read, written, and the last id read (the cursor). */
    private record Page(int read, int written, long lastId) {
    }

    @Override
    public int migrate(long tenantId, long journeyId, int toVersion, Map<String, String> moves) {
        int moved = 0;
        long cursor = 0;
        while (true) {
            long after = cursor;
            Page page = transactions.inTransaction(() -> migratePage(tenantId, journeyId, toVersion, moves, after));
            moved += page.written();
            if (page.read() < pageSize) {
                return moved;
            }
            cursor = page.lastId();
        }
    }

    private Page migratePage(long tenantId, long journeyId, int toVersion, Map<String, String> moves, long after) {
        List<JourneyInstance> waiting = instances.waitingAt(tenantId, journeyId, toVersion, moves.keySet(), after,
                pageSize);
        if (waiting.isEmpty()) {
            return new Page(0, 0, after);
        }
        Instant now = clock.instant();
        List<Migration> migrations = waiting.stream()
                .map(i -> new Migration(i, toVersion, moves.get(i.currentNode()), now)).toList();
        Set<Long> moved = instances.migrate(migrations);
        Changes changes = new Changes();
        for (Migration migration : migrations) {
            JourneyInstance from = migration.instance();
            if (moved.contains(from.id())) {
                runner.step(changes, movedTo(migration), "MIGRATED", "v" + from.journeyVersion() + ":"
                        + from.currentNode() + " -> v" + toVersion + ":" + migration.toNode(), now);
                // each version's books balance: entered + migrated in = live + ended + migrated out
                changes.count(new CounterDelta(tenantId, journeyId, from.journeyVersion(), "",
                        JourneyStatistics.MIGRATED_OUT, now, 1));
                changes.count(new CounterDelta(tenantId, journeyId, toVersion, "", JourneyStatistics.MIGRATED_IN,
                        now, 1));
            }
        }
        changes.flushWithoutSends(steps, counters);
        return new Page(waiting.size(), moved.size(), waiting.get(waiting.size() - 1).id());
    }

    private static JourneyInstance movedTo(Migration m) {
        JourneyInstance i = m.instance();
        return new JourneyInstance(i.id(), i.tenantId(), i.journeyId(), m.toVersion(), i.contactId(), i.entryKey(),
                i.triggerEventId(), i.status(), m.toNode(), i.seq(), i.wakeAt(), i.enteredAt(), m.at(), i.endedAt(),
                i.endReason(), i.version() + 1, i.context());
    }

    @Override
    public int stopAll(long tenantId, long journeyId) {
        int ended = 0;
        for (int pass = 0; pass < STOP_PASSES; pass++) {
            int found = 0;
            long cursor = 0;
            while (true) {
                long after = cursor;
                Page page = transactions.inTransaction(() -> stopPage(tenantId, journeyId, after));
                found += page.read();
                ended += page.written();
                if (page.read() < pageSize) {
                    break;
                }
                cursor = page.lastId();
            }
            if (found == 0) {
                return ended;
            }
        }
        throw new IllegalStateException("journey " + journeyId + " still has live instances after " + STOP_PASSES
                + " passes of its stop (they kept changing meanwhile); " + ended + " were ended; stop it again");
    }

    private Page stopPage(long tenantId, long journeyId, long after) {
        List<JourneyInstance> live = instances.livePage(tenantId, journeyId, after, pageSize);
        if (live.isEmpty()) {
            return new Page(0, 0, after);
        }
        Instant now = clock.instant();
        Map<Long, Changes> changesOf = new HashMap<>();
        List<JourneyInstance> ended = new ArrayList<>(live.size());
        for (JourneyInstance instance : live) {
            Changes changes = new Changes();
            ended.add(runner.end(instance, InstanceStatus.EXITED, STOPPED, now, changes));
            changesOf.put(instance.id(), changes);
        }
        Set<Long> written = instances.updateUnchanged(ended);
        Changes all = new Changes();
        written.forEach(id -> all.addAll(changesOf.get(id)));
        all.flushWithoutSends(steps, counters);
        return new Page(live.size(), written.size(), live.get(live.size() - 1).id());
    }

    @Override
    public int releaseHeld(long tenantId, long journeyId, Instant pausedAt, Instant resumedAt) {
        int released = 0;
        boolean lastPageReleasedNothing = false;
        while (true) {
            Page page = transactions.inTransaction(() -> releasePage(tenantId, journeyId, pausedAt, resumedAt));
            released += page.written();
            if (page.read() < pageSize && page.written() == page.read()) {
                return released;
            }
            if (page.written() == 0) {
                // every timer read changed meanwhile: read again, but never loop on rows that keep changing
                if (lastPageReleasedNothing) {
                    return released;
                }
                lastPageReleasedNothing = true;
            } else {
                lastPageReleasedNothing = false;
            }
        }
    }

    private Page releasePage(long tenantId, long journeyId, Instant pausedAt, Instant resumedAt) {
        List<HeldTimer> held = instances.held(tenantId, journeyId, pageSize);
        if (held.isEmpty()) {
            return new Page(0, 0, 0);
        }
        Instant now = clock.instant();
        List<JourneyInstance> back = held.stream().map(h -> released(h, now)).toList();
        Set<Long> released = instances.release(back);
        Changes changes = new Changes();
        for (HeldTimer timer : held) {
            Instant due = timer.heldWakeAt();
            if (released.contains(timer.instance().id()) && due.isBefore(resumedAt)) {
                runner.step(changes, timer.instance(), "RESUMED_LATE", "due " + due + ", "
                        + Duration.between(due, resumedAt) + " late: paused from " + pausedAt + " to " + resumedAt,
                        now);
            }
        }
        changes.flushWithoutSends(steps, counters);
        return new Page(held.size(), released.size(), 0);
    }

    private static JourneyInstance released(HeldTimer timer, Instant now) {
        JourneyInstance i = timer.instance();
        return new JourneyInstance(i.id(), i.tenantId(), i.journeyId(), i.journeyVersion(), i.contactId(),
                i.entryKey(), i.triggerEventId(), i.status(), i.currentNode(), i.seq(), timer.heldWakeAt(),
                i.enteredAt(), now, i.endedAt(), i.endReason(), i.version(), i.context());
    }
}
