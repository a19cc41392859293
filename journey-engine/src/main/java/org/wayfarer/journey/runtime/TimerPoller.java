package org.wayfarer.journey.runtime;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.wayfarer.journey.event.EventBus;
import org.wayfarer.journey.runtime.InstanceStore.DueWakeup;

/**
 * Claims due timers from the database (the truth for every wait, however long) and publishes wake-ups onto the bus.
 * Each claim is leased, so a wake-up lost with a crashed node is claimed again once its lease expires. Called on a
 * fixed short period by the host; {@link #pollOnce()} drains everything due now in batches.
 */
public final class TimerPoller {

    private final InstanceStore instances;
    private final EventBus bus;
    private final Clock clock;
    private final String owner;
    private final int batchSize;
    private final Duration lease;

    public TimerPoller(InstanceStore instances, EventBus bus, Clock clock, String owner, int batchSize,
                       Duration lease) {
        this.instances = Objects.requireNonNull(instances);
        this.bus = Objects.requireNonNull(bus);
        this.clock = Objects.requireNonNull(clock);
        this.owner = Objects.requireNonNull(owner);
        this.batchSize = batchSize;
        this.lease = Objects.requireNonNull(lease);
    }

    /** Claims and publishes every timer due now; returns how many. */
    public int pollOnce() {
        int total = 0;
        while (true) {
            Instant now = clock.instant();
            List<DueWakeup> due = instances.claimDue(now, batchSize, owner, now.plus(lease));
            due.forEach(bus::wakeUp);
            total += due.size();
            if (due.size() < batchSize) {
                return total;
            }
        }
    }
}
