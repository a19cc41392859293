package org.wayfarer.journey.dispatch;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** A map-backed {@link Outbox} for dispatcher unit tests; the real adapters are covered by the outbox contract. */
final class InMemoryOutbox implements Outbox {

    final Map<Long, OutboxMessage> rows = new ConcurrentHashMap<>();

    @Override
    public void insert(List<OutboxMessage> messages) {
        messages.forEach(m -> rows.put(m.id(), m));
    }

    @Override
    public Optional<OutboxMessage> find(long id) {
        return Optional.ofNullable(rows.get(id));
    }

    @Override
    public synchronized Optional<OutboxMessage> claim(long id, String owner, Instant now, Instant leaseUntil) {
        OutboxMessage m = rows.get(id);
        if (m == null || m.status() != OutboxStatus.PENDING || m.nextAttemptAt().isAfter(now)) {
            return Optional.empty();
        }
        OutboxMessage claimed = with(m, OutboxStatus.SENDING, m.attempts() + 1, leaseUntil, null, null, null, now);
        rows.put(id, claimed);
        return Optional.of(claimed);
    }

    @Override
    public List<OutboxMessage> claimDue(Instant now, int limit, String owner, Instant leaseUntil) {
        return rows.values().stream().filter(m -> m.status() == OutboxStatus.PENDING)
                .sorted(Comparator.comparing(OutboxMessage::nextAttemptAt)).limit(limit).map(OutboxMessage::id)
                .toList().stream().map(id -> claim(id, owner, now, leaseUntil)).flatMap(Optional::stream).toList();
    }

    @Override
    public void markSent(long id, String providerMessageId, Instant at) {
        OutboxMessage m = sending(id);
        rows.put(id, with(m, OutboxStatus.SENT, m.attempts(), m.nextAttemptAt(), providerMessageId, null, null, at));
    }

    @Override
    public void markRejected(long id, String code, String message, Instant at) {
        OutboxMessage m = sending(id);
        rows.put(id, with(m, OutboxStatus.REJECTED, m.attempts(), m.nextAttemptAt(), null, code, message, at));
    }

    @Override
    public void reschedule(long id, String code, String message, Instant nextAttemptAt, Instant at) {
        OutboxMessage m = sending(id);
        rows.put(id, with(m, OutboxStatus.PENDING, m.attempts(), nextAttemptAt, null, code, message, at));
    }

    @Override
    public void markUnknown(long id, String message, Instant at) {
        OutboxMessage m = sending(id);
        rows.put(id, with(m, OutboxStatus.UNKNOWN, m.attempts(), m.nextAttemptAt(), null, null, message, at));
    }

    @Override
    public int expireAbandoned(Instant now) {
        return 0;
    }

    @Override
    public List<OutboxMessage> forContact(long tenantId, long contactId, int limit) {
        return List.of();
    }

    private OutboxMessage sending(long id) {
        OutboxMessage m = rows.get(id);
        if (m.status() != OutboxStatus.SENDING) {
            throw new IllegalStateException("row " + id + " is " + m.status() + ", not SENDING");
        }
        return m;
    }

    private static OutboxMessage with(OutboxMessage m, OutboxStatus status, int attempts, Instant next,
                                      String providerId, String code, String error, Instant at) {
        return new OutboxMessage(m.id(), m.tenantId(), m.instanceId(), m.journeyId(), m.nodeId(), m.seq(),
                m.contactId(), m.channel(), m.account(), m.recipient(), m.message(), status, attempts, next,
                providerId, code, error, m.createdAt(), at);
    }
}
