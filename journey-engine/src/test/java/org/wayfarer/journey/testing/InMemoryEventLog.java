package org.wayfarer.journey.testing;

import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.wayfarer.journey.event.DedupeKey;
import org.wayfarer.journey.event.EventLog;
import org.wayfarer.journey.event.EventStatus;
import org.wayfarer.journey.event.IdentityKind;
import org.wayfarer.journey.event.IntakeResult;
import org.wayfarer.journey.event.StoredEvent;

/**
 * {@link EventLog} in memory, for unit tests; the real adapters are covered by the store contracts. Deduplicates on
 * (tenant, source, dedupe key) and moves an event only while it is pending, as the table does. Thread-safe.
 */
public final class InMemoryEventLog implements EventLog {

    private final Map<Long, StoredEvent> events = new LinkedHashMap<>();
    private final Map<DedupeKey, Long> keys = new HashMap<>();
    private int lastTimelineLimit;

    /** The limit of the latest {@link #timeline} call (0 before any), so a test can check that callers bound reads. */
    public synchronized int lastTimelineLimit() {
        return lastTimelineLimit;
    }

    /** Forgets every event. */
    public synchronized void clear() {
        events.clear();
        keys.clear();
        lastTimelineLimit = 0;
    }

    /** Every stored event, in id order. */
    public synchronized List<StoredEvent> all() {
        return events.values().stream().sorted(Comparator.comparingLong(StoredEvent::id)).toList();
    }

    @Override
    public synchronized Map<DedupeKey, Long> existing(Collection<DedupeKey> wanted) {
        Map<DedupeKey, Long> found = new HashMap<>();
        wanted.forEach(k -> {
            if (keys.containsKey(k)) {
                found.put(k, keys.get(k));
            }
        });
        return found;
    }

    /** All or nothing, like the multi-row insert: a taken key fails the whole list. */
    @Override
    public synchronized void appendAll(List<NewEvent> batch, Instant receivedAt) {
        for (NewEvent e : batch) {
            if (keys.containsKey(DedupeKey.of(e.event())) || events.containsKey(e.id())) {
                throw new IllegalStateException("duplicate key for event " + e.id());
            }
        }
        batch.forEach(e -> store(e, receivedAt));
    }

    @Override
    public synchronized IntakeResult append(NewEvent event, Instant receivedAt) {
        Long stored = keys.get(DedupeKey.of(event.event()));
        if (stored != null) {
            return new IntakeResult.Duplicate(stored);
        }
        if (events.containsKey(event.id())) {
            throw new IllegalStateException("event id " + event.id() + " already exists");
        }
        store(event, receivedAt);
        return new IntakeResult.Accepted(event.id());
    }

    private void store(NewEvent e, Instant receivedAt) {
        events.put(e.id(), new StoredEvent(e.id(), e.event(), e.contactId(), e.partition(), EventStatus.PENDING, 0,
                receivedAt, null, null));
        keys.put(DedupeKey.of(e.event()), e.id());
    }

    @Override
    public synchronized Optional<StoredEvent> find(long eventId) {
        return Optional.ofNullable(events.get(eventId));
    }

    @Override
    public synchronized List<StoredEvent> findAll(Collection<Long> eventIds) {
        return eventIds.stream().distinct().map(events::get).filter(e -> e != null).toList();
    }

    @Override
    public synchronized List<StoredEvent> pending(int partition, Instant now, int limit,
                                                  Collection<Long> skipContacts) {
        Set<Long> skip = Set.copyOf(skipContacts);
        return events.values().stream()
                .filter(e -> e.status() == EventStatus.PENDING && e.partition() == partition)
                .filter(e -> e.nextAttemptAt() == null || !e.nextAttemptAt().isAfter(now))
                .filter(e -> e.contactId() == null || !skip.contains(e.contactId()))
                .sorted(Comparator.comparingLong(StoredEvent::id)).limit(Columns.positive(limit)).toList();
    }

    @Override
    public synchronized List<StoredEvent> retrying(int partition, int limit) {
        return events.values().stream()
                .filter(e -> e.status() == EventStatus.PENDING && e.partition() == partition && e.attempts() > 0)
                .sorted(Comparator.comparingLong(StoredEvent::id)).limit(Columns.positive(limit)).toList();
    }

    @Override
    public synchronized int markProcessed(Collection<Long> eventIds, Instant at) {
        int marked = 0;
        for (long id : eventIds) {
            StoredEvent e = events.get(id);
            if (e != null && e.status() == EventStatus.PENDING) {
                events.put(id, with(e, EventStatus.PROCESSED, e.attempts(), null, e.lastError()));
                marked++;
            }
        }
        return marked;
    }

    @Override
    public synchronized void markFailed(long eventId, String error, Instant retryAt, Instant at) {
        StoredEvent e = events.get(eventId);
        if (e != null && e.status() == EventStatus.PENDING) {
            events.put(eventId, with(e, retryAt == null ? EventStatus.FAILED : EventStatus.PENDING,
                    e.attempts() + 1, retryAt, error == null || error.length() <= 500 ? error : error.substring(0, 500)));
        }
    }

    @Override
    public synchronized List<StoredEvent> failed(long tenantId, Long beforeId, int limit) {
        return events.values().stream()
                .filter(e -> e.status() == EventStatus.FAILED && e.event().tenantId() == tenantId)
                .filter(e -> beforeId == null || e.id() < beforeId)
                .sorted(Comparator.comparingLong(StoredEvent::id).reversed())
                .limit(Columns.positive(limit)).toList();
    }

    @Override
    public synchronized Optional<StoredEvent> requeue(long tenantId, long eventId, Instant at) {
        StoredEvent e = events.get(eventId);
        if (e == null || e.status() != EventStatus.FAILED || e.event().tenantId() != tenantId) {
            return Optional.empty();
        }
        StoredEvent requeued = with(e, EventStatus.PENDING, 0, at, e.lastError());
        events.put(eventId, requeued);
        return Optional.of(requeued);
    }

    @Override
    public synchronized List<Route> pendingRoutes(long afterId, int limit) {
        return events.values().stream()
                .filter(e -> e.status() == EventStatus.PENDING && e.id() > afterId)
                .sorted(Comparator.comparingLong(StoredEvent::id)).limit(Columns.positive(limit))
                .map(e -> new Route(e.id(), e.contactId(), e.partition())).toList();
    }

    @Override
    public synchronized void reroute(Collection<Long> eventIds, int partition) {
        for (long id : eventIds) {
            StoredEvent e = events.get(id);
            if (e != null && e.status() == EventStatus.PENDING) {
                events.put(id, new StoredEvent(e.id(), e.event(), e.contactId(), partition, e.status(), e.attempts(),
                        e.receivedAt(), e.nextAttemptAt(), e.lastError()));
            }
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

    @Override
    public synchronized List<StoredEvent> recent(long tenantId, long contactId, String source,
                                                 Collection<String> types, Instant since, int limit) {
        return events.values().stream()
                .filter(e -> e.event().tenantId() == tenantId && Long.valueOf(contactId).equals(e.contactId())
                        && e.event().source().equals(source) && types.contains(e.event().type())
                        && !e.event().occurredAt().isBefore(since))
                .sorted(Comparator.comparing((StoredEvent e) -> e.event().occurredAt())
                        .thenComparingLong(StoredEvent::id).reversed())
                .limit(Columns.positive(limit)).toList();
    }

    @Override
    public synchronized Optional<String> lastNamespace(long tenantId, long contactId, IdentityKind kind) {
        return events.values().stream()
                .filter(e -> e.event().tenantId() == tenantId && Long.valueOf(contactId).equals(e.contactId())
                        && e.event().identity().kind() == kind)
                .max(Comparator.comparing((StoredEvent e) -> e.event().occurredAt()).thenComparingLong(StoredEvent::id))
                .map(e -> e.event().identity().namespace());
    }

    private static StoredEvent with(StoredEvent e, EventStatus status, int attempts, Instant nextAttemptAt,
                                    String lastError) {
        return new StoredEvent(e.id(), e.event(), e.contactId(), e.partition(), status, attempts, e.receivedAt(),
                nextAttemptAt, lastError);
    }
}
