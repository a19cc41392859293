package org.wayfarer.journey.testing;

import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.wayfarer.journey.event.ContactEvent;
import org.wayfarer.journey.event.EventLog;
import org.wayfarer.journey.event.EventStatus;
import org.wayfarer.journey.event.IntakeResult;
import org.wayfarer.journey.event.StoredEvent;

/**
 * {@link EventLog} in memory, for unit tests; the real adapters are covered by the store contracts. Deduplicates on
 * (tenant, source, dedupe key) and moves an event only while it is pending, as the table does. Thread-safe.
 */
public final class InMemoryEventLog implements EventLog {

    private final Map<Long, StoredEvent> events = new LinkedHashMap<>();
    private int lastTimelineLimit;

    /** The limit of the latest {@link #timeline} call (0 before any), so a test can check that callers bound reads. */
    public synchronized int lastTimelineLimit() {
        return lastTimelineLimit;
    }

    /** Forgets every event. */
    public synchronized void clear() {
        events.clear();
        lastTimelineLimit = 0;
    }

    @Override
    public synchronized IntakeResult append(long id, ContactEvent event, int partition, Instant receivedAt) {
        Optional<StoredEvent> stored = events.values().stream()
                .filter(e -> e.event().tenantId() == event.tenantId() && e.event().source().equals(event.source())
                        && e.event().dedupeKey().equals(event.dedupeKey()))
                .findFirst();
        if (stored.isPresent()) {
            return new IntakeResult.Duplicate(stored.get().id());
        }
        if (events.containsKey(id)) {
            throw new IllegalStateException("event id " + id + " already exists");
        }
        events.put(id, new StoredEvent(id, event, null, partition, EventStatus.PENDING, 0, receivedAt));
        return new IntakeResult.Accepted(id);
    }

    @Override
    public synchronized Optional<StoredEvent> find(long eventId) {
        return Optional.ofNullable(events.get(eventId));
    }

    @Override
    public synchronized List<StoredEvent> pending(int partition, int limit) {
        return events.values().stream()
                .filter(e -> e.status() == EventStatus.PENDING && e.partition() == partition)
                .sorted(Comparator.comparingLong(StoredEvent::id)).limit(Columns.positive(limit)).toList();
    }

    @Override
    public synchronized boolean markProcessed(long eventId, long contactId, Instant at) {
        StoredEvent e = events.get(eventId);
        if (e == null || e.status() != EventStatus.PENDING) {
            return false;
        }
        events.put(eventId, new StoredEvent(e.id(), e.event(), contactId, e.partition(), EventStatus.PROCESSED,
                e.attempts(), e.receivedAt()));
        return true;
    }

    /** The error text itself is not kept: nothing on the port reads it back. */
    @Override
    public synchronized void markFailed(long eventId, String error, boolean giveUp, Instant at) {
        StoredEvent e = events.get(eventId);
        if (e != null && e.status() == EventStatus.PENDING) {
            events.put(eventId, new StoredEvent(e.id(), e.event(), e.contactId(), e.partition(),
                    giveUp ? EventStatus.FAILED : EventStatus.PENDING, e.attempts() + 1, e.receivedAt()));
        }
    }

    @Override
    public synchronized List<StoredEvent> timeline(long tenantId, long contactId, int limit) {
        lastTimelineLimit = limit;
        return events.values().stream()
                .filter(e -> e.status() == EventStatus.PROCESSED && e.event().tenantId() == tenantId
                        && Long.valueOf(contactId).equals(e.contactId()))
                .sorted(Comparator.comparing((StoredEvent e) -> e.event().occurredAt())
                        .thenComparingLong(StoredEvent::id).reversed())
                .limit(Columns.positive(limit)).toList();
    }
}
