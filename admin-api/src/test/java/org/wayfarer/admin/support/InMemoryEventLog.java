package org.wayfarer.admin.support;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.wayfarer.journey.event.ContactEvent;
import org.wayfarer.journey.event.EventLog;
import org.wayfarer.journey.event.EventStatus;
import org.wayfarer.journey.event.IntakeResult;
import org.wayfarer.journey.event.StoredEvent;

/** The read side of {@link EventLog} in memory, plus {@link #processed} to seed a contact's history. */
public final class InMemoryEventLog implements EventLog {

    private final List<StoredEvent> events = new CopyOnWriteArrayList<>();

    public void clear() {
        events.clear();
    }

    /** Records an event as already processed for {@code contactId}. */
    public void processed(long id, long contactId, ContactEvent event) {
        events.add(new StoredEvent(id, event, contactId, 0, EventStatus.PROCESSED, 1, event.occurredAt()));
    }

    @Override
    public List<StoredEvent> timeline(long tenantId, long contactId, int limit) {
        return events.stream()
                .filter(e -> e.event().tenantId() == tenantId && Long.valueOf(contactId).equals(e.contactId()))
                .sorted(Comparator.comparing((StoredEvent e) -> e.event().occurredAt()).reversed())
                .limit(limit).toList();
    }

    @Override
    public IntakeResult append(long id, ContactEvent event, int partition, Instant receivedAt) {
        throw new UnsupportedOperationException("not used by the admin API");
    }

    @Override
    public Optional<StoredEvent> find(long eventId) {
        throw new UnsupportedOperationException("not used by the admin API");
    }

    @Override
    public List<StoredEvent> pending(int partition, int limit) {
        throw new UnsupportedOperationException("not used by the admin API");
    }

    @Override
    public boolean markProcessed(long eventId, long contactId, Instant at) {
        throw new UnsupportedOperationException("not used by the admin API");
    }

    @Override
    public void markFailed(long eventId, String error, boolean giveUp, Instant at) {
        throw new UnsupportedOperationException("not used by the admin API");
    }
}
