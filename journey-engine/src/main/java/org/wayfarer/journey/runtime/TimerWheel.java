package org.wayfarer.journey.runtime;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.PriorityQueue;
import org.wayfarer.journey.runtime.InstanceStore.DueWakeup;

/**
 * The near-term timing wheel in front of the database's timers. The database holds every wait (however long);
 * {@link #pollOnce()} claims, in batches and with a lease, the timers that fall due within the next
 * {@code horizon}, as many as the wheel has room for, and holds them in memory; {@link #releaseDue()}, called on a
 * short tick, hands each one to its contact's partition the moment it is due, so lateness is the tick plus the
 * partition's queue, not the poll period. A partition whose queue is full refuses: the wake-up stays in the wheel
 * and claims stop while the wheel is full, so claims follow what the workers absorb. A wake-up lost with the process
 * is claimed again once its lease expires.
 */
public final class TimerWheel {

    /** Refused hand-overs after which a release pass stops (the partitions are full). */
    static final int REFUSALS_PER_PASS = 64;

    private static final Comparator<DueWakeup> DUE_ORDER = Comparator.comparing(DueWakeup::wakeAt)
            .thenComparingLong(DueWakeup::instanceId);

    /**
     * @param owner      lease owner name of this node
     * @param horizon    how far ahead timers are claimed into memory
     * @param lease      how long a claim outlives the horizon before another node may take it over
     * @param claimBatch most timers claimed in one statement
     * @param capacity   most timers held in memory at once
     */
    public record Settings(String owner, Duration horizon, Duration lease, int claimBatch, int capacity) {
    }

    private final InstanceStore instances;
    private final EventBus bus;
    private final Clock clock;
    private final Settings settings;
    private final PriorityQueue<DueWakeup> held = new PriorityQueue<>(DUE_ORDER);

    public TimerWheel(InstanceStore instances, EventBus bus, Clock clock, Settings settings) {
        this.instances = Objects.requireNonNull(instances);
        this.bus = Objects.requireNonNull(bus);
        this.clock = Objects.requireNonNull(clock);
        this.settings = Objects.requireNonNull(settings);
    }

    /** Claims what falls due within the horizon while there is room, then releases what is due; returns claims. */
    public int pollOnce() {
        int claimed = 0;
        while (true) {
            int room = Math.min(settings.claimBatch(), settings.capacity() - held());
            if (room <= 0) {
                break;
            }
            Instant now = clock.instant();
            Instant dueBy = now.plus(settings.horizon());
            List<DueWakeup> due = instances.claimDue(dueBy, now, room, settings.owner(), dueBy.plus(settings.lease()));
            synchronized (held) {
                held.addAll(due);
            }
            claimed += due.size();
            releaseDue();
            if (due.size() < room) {
                break;
            }
        }
        releaseDue();
        return claimed;
    }

    /**
     * Hands every held timer that is due now to its partition; a full partition keeps its wake-ups here. A pass
     * ends after {@value #REFUSALS_PER_PASS} refusals: when the partitions are full (a burst), the rest of the due
     * timers wait for the next tick instead of each being offered, refused and re-queued every tick.
     */
    public int releaseDue() {
        Instant now = clock.instant();
        List<DueWakeup> refused = new ArrayList<>();
        int released = 0;
        synchronized (held) {
            while (refused.size() < REFUSALS_PER_PASS && !held.isEmpty() && !held.peek().wakeAt().isAfter(now)) {
                DueWakeup wakeup = held.poll();
                if (bus.wakeUp(wakeup)) {
                    released++;
                } else {
                    refused.add(wakeup);
                }
            }
            held.addAll(refused);
        }
        return released;
    }

    /** Timers claimed and not yet handed to a partition. */
    public int held() {
        synchronized (held) {
            return held.size();
        }
    }
}
