package org.wayfarer.journey.event;

import java.time.Clock;
import java.util.Objects;
import org.wayfarer.journey.IdGenerator;

/**
 * The engine's {@link EventIntake}: one insert into the event log (durable, deduplicated by its unique key), then a
 * signal to the bus once the row is committed. If the process dies between the commit and the signal, the bus's
 * sweep finds the pending row.
 */
public final class DurableEventIntake implements EventIntake {

    private final EventLog log;
    private final EventBus bus;
    private final Partitions partitions;
    private final IdGenerator ids;
    private final Clock clock;

    public DurableEventIntake(EventLog log, EventBus bus, Partitions partitions, IdGenerator ids, Clock clock) {
        this.log = Objects.requireNonNull(log);
        this.bus = Objects.requireNonNull(bus);
        this.partitions = Objects.requireNonNull(partitions);
        this.ids = Objects.requireNonNull(ids);
        this.clock = Objects.requireNonNull(clock);
    }

    /** Must not be called inside a caller's transaction: the signal assumes the row is committed on return. */
    @Override
    public IntakeResult accept(ContactEvent event) {
        int partition = partitions.of(event.identity());
        IntakeResult result = log.append(ids.nextId(), event, partition, clock.instant());
        if (result instanceof IntakeResult.Accepted) {
            bus.published(result.eventId(), partition);
        }
        return result;
    }
}
