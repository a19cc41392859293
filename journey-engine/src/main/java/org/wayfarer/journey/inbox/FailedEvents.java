package org.wayfarer.journey.inbox;

import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.wayfarer.journey.event.EventLog;
import org.wayfarer.journey.event.StoredEvent;
import org.wayfarer.journey.runtime.EventBus;

/**
 * Events that gave up after repeated processing failures, for the admin API: list them (tenant-scoped, newest first)
 * and put one back in its partition's queue once the cause is fixed. Thread-safe.
 */
public final class FailedEvents {

    public static final int MAX_PAGE = 200;

    private final EventLog events;
    private final EventBus bus;
    private final Clock clock;

    public FailedEvents(EventLog events, EventBus bus, Clock clock) {
        this.events = Objects.requireNonNull(events);
        this.bus = Objects.requireNonNull(bus);
        this.clock = Objects.requireNonNull(clock);
    }

    /** One page of failed events, and the cursor of the next page (null on the last). */
    public record Page(List<StoredEvent> items, Long nextCursor) {
    }

    /**
     * @param cursor the previous page's {@code nextCursor}, or null for the first page
     * @param limit  1..{@value #MAX_PAGE}
     */
    public Page list(long tenantId, Long cursor, int limit) {
        if (limit < 1 || limit > MAX_PAGE) {
            throw new IllegalArgumentException("limit must be between 1 and " + MAX_PAGE);
        }
        List<StoredEvent> page = events.failed(tenantId, cursor, limit + 1);
        if (page.size() <= limit) {
            return new Page(page, null);
        }
        List<StoredEvent> items = page.subList(0, limit);
        return new Page(List.copyOf(items), items.get(items.size() - 1).id());
    }

    /**
     * Re-queues a failed event: it is pending again with its attempts reset and is processed soon, after the
     * contact's events that are already pending ahead of it in id order.
     *
     * @return the event as re-queued, or empty when the tenant has no failed event with this id (an event that is
     *         pending or processed is not re-run)
     */
    public Optional<StoredEvent> retry(long tenantId, long eventId) {
        Optional<StoredEvent> requeued = events.requeue(tenantId, eventId, clock.instant());
        requeued.ifPresent(e -> bus.published(e.id(), e.partition()));
        return requeued;
    }
}
