package org.wayfarer.admin.support;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.wayfarer.journey.dispatch.Outbox;
import org.wayfarer.journey.dispatch.OutboxMessage;

/** The parts of {@link Outbox} the admin API reads, in memory; the dispatcher's side is not needed here. */
public final class InMemoryOutbox implements Outbox {

    private final List<OutboxMessage> messages = new CopyOnWriteArrayList<>();

    public void clear() {
        messages.clear();
    }

    @Override
    public void insert(List<OutboxMessage> batch) {
        messages.addAll(batch);
    }

    @Override
    public List<OutboxMessage> forContact(long tenantId, long contactId, int limit) {
        return messages.stream().filter(m -> m.tenantId() == tenantId && m.contactId() == contactId)
                .sorted(Comparator.comparing(OutboxMessage::createdAt).reversed()).limit(limit).toList();
    }

    @Override
    public Optional<OutboxMessage> find(long id) {
        return messages.stream().filter(m -> m.id() == id).findFirst();
    }

    @Override
    public Optional<OutboxMessage> claim(long id, String owner, Instant now, Instant leaseUntil) {
        throw new UnsupportedOperationException("not used by the admin API");
    }

    @Override
    public List<OutboxMessage> claimDue(Instant now, int limit, String owner, Instant leaseUntil) {
        throw new UnsupportedOperationException("not used by the admin API");
    }

    @Override
    public void markSent(long id, String providerMessageId, Instant at) {
        throw new UnsupportedOperationException("not used by the admin API");
    }

    @Override
    public void markRejected(long id, String code, String message, Instant at) {
        throw new UnsupportedOperationException("not used by the admin API");
    }

    @Override
    public void reschedule(long id, String code, String message, Instant nextAttemptAt, Instant at) {
        throw new UnsupportedOperationException("not used by the admin API");
    }

    @Override
    public void markUnknown(long id, String message, Instant at) {
        throw new UnsupportedOperationException("not used by the admin API");
    }

    @Override
    public int expireAbandoned(Instant now) {
        throw new UnsupportedOperationException("not used by the admin API");
    }
}
