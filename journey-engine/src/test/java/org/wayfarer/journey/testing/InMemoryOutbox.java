package org.wayfarer.journey.testing;

import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.wayfarer.journey.dispatch.Outbox;
import org.wayfarer.journey.dispatch.OutboxMessage;
import org.wayfarer.journey.dispatch.OutboxStatus;

/**
 * {@link Outbox} in memory, for unit tests; the real adapters are covered by the store contracts. Rows are inserted
 * PENDING whatever the message says, a delivery is unique per (instance, node, seq), claims carry a lease, and a
 * receipt moves a row only while it is SENDING, as in the table. Thread-safe.
 */
public final class InMemoryOutbox implements Outbox {

    private static final int ERROR_MESSAGE_WIDTH = 500;

    private final Map<Long, OutboxMessage> rows = new LinkedHashMap<>();
    private final Map<Long, Instant> leasedUntil = new HashMap<>();

    /** Forgets every row and lease. */
    public synchronized void clear() {
        rows.clear();
        leasedUntil.clear();
    }

    /** All rows or none; a duplicate id or delivery fails the whole batch. */
    @Override
    public synchronized void insert(List<OutboxMessage> messages) {
        Set<Long> ids = new HashSet<>(rows.keySet());
        Set<List<Object>> deliveries = new HashSet<>();
        rows.values().forEach(m -> deliveries.add(delivery(m)));
        for (OutboxMessage m : messages) {
            if (!ids.add(m.id()) || !deliveries.add(delivery(m))) {
                throw new IllegalStateException("outbox row " + m.id() + " or its delivery (instance "
                        + m.instanceId() + ", node " + m.nodeId() + ", seq " + m.seq() + ") already exists");
            }
        }
        for (OutboxMessage m : messages) {
            rows.put(m.id(), new OutboxMessage(m.id(), m.tenantId(), m.instanceId(), m.journeyId(), m.nodeId(),
                    m.seq(), m.contactId(), m.channel(), m.account(), m.recipient(), m.message(),
                    OutboxStatus.PENDING, m.attempts(), m.nextAttemptAt(), null, null, null, m.createdAt(),
                    m.updatedAt()));
        }
    }

    @Override
    public synchronized Optional<OutboxMessage> find(long id) {
        return Optional.ofNullable(rows.get(id));
    }

    @Override
    public synchronized Optional<OutboxMessage> claim(long id, String owner, Instant now, Instant leaseUntil) {
        OutboxMessage m = rows.get(id);
        if (m == null || !isDue(m, now)) {
            return Optional.empty();
        }
        OutboxMessage claimed = with(m, OutboxStatus.SENDING, m.attempts() + 1, m.nextAttemptAt(),
                m.providerMessageId(), m.errorCode(), m.errorMessage(), now);
        rows.put(id, claimed);
        leasedUntil.put(id, leaseUntil);
        return Optional.of(claimed);
    }

    @Override
    public synchronized List<OutboxMessage> claimDue(Instant now, int limit, String owner, Instant leaseUntil) {
        return rows.values().stream().filter(m -> isDue(m, now))
                .sorted(Comparator.comparing(OutboxMessage::nextAttemptAt).thenComparingLong(OutboxMessage::id))
                .limit(Columns.positive(limit)).map(OutboxMessage::id).toList().stream()
                .map(id -> claim(id, owner, now, leaseUntil).orElseThrow()).toList();
    }

    @Override
    public synchronized void markSent(long id, String providerMessageId, Instant at) {
        settle(id, m -> with(m, OutboxStatus.SENT, m.attempts(), m.nextAttemptAt(), providerMessageId, m.errorCode(),
                m.errorMessage(), at));
    }

    @Override
    public synchronized void markRejected(long id, String code, String message, Instant at) {
        settle(id, m -> with(m, OutboxStatus.REJECTED, m.attempts(), m.nextAttemptAt(), m.providerMessageId(), code,
                clip(message), at));
    }

    @Override
    public synchronized void reschedule(long id, String code, String message, Instant nextAttemptAt, Instant at) {
        settle(id, m -> with(m, OutboxStatus.PENDING, m.attempts(), nextAttemptAt, m.providerMessageId(), code,
                clip(message), at));
    }

    @Override
    public synchronized void markUnknown(long id, String message, Instant at) {
        settle(id, m -> with(m, OutboxStatus.UNKNOWN, m.attempts(), m.nextAttemptAt(), m.providerMessageId(),
                m.errorCode(), clip(message), at));
    }

    /** Marks the rows with error code {@code LEASE_EXPIRED}, as the adapters do. */
    @Override
    public synchronized int expireAbandoned(Instant now) {
        List<OutboxMessage> abandoned = rows.values().stream()
                .filter(m -> m.status() == OutboxStatus.SENDING && leasedUntil.get(m.id()).isBefore(now)).toList();
        abandoned.forEach(m -> rows.put(m.id(), with(m, OutboxStatus.UNKNOWN, m.attempts(), m.nextAttemptAt(),
                m.providerMessageId(), "LEASE_EXPIRED",
                "the dispatcher's lease expired while sending; the provider may or may not have the message", now)));
        return abandoned.size();
    }

    @Override
    public synchronized List<OutboxMessage> forContact(long tenantId, long contactId, int limit) {
        return rows.values().stream().filter(m -> m.tenantId() == tenantId && m.contactId() == contactId)
                .sorted(Comparator.comparing(OutboxMessage::createdAt).thenComparingLong(OutboxMessage::id)
                        .reversed())
                .limit(Columns.positive(limit)).toList();
    }

    private static boolean isDue(OutboxMessage m, Instant now) {
        return m.status() == OutboxStatus.PENDING && !m.nextAttemptAt().isAfter(now);
    }

    /** A receipt for a row that is no longer SENDING (settled, or its lease expired) changes nothing. */
    private void settle(long id, UnaryOperator<OutboxMessage> change) {
        OutboxMessage m = rows.get(id);
        if (m != null && m.status() == OutboxStatus.SENDING) {
            rows.put(id, change.apply(m));
            leasedUntil.remove(id);
        }
    }

    private static List<Object> delivery(OutboxMessage m) {
        return List.of(m.instanceId(), m.nodeId(), m.seq());
    }

    private static String clip(String message) {
        return Columns.truncate(message, ERROR_MESSAGE_WIDTH);
    }

    private static OutboxMessage with(OutboxMessage m, OutboxStatus status, int attempts, Instant nextAttemptAt,
                                      String providerId, String code, String error, Instant at) {
        return new OutboxMessage(m.id(), m.tenantId(), m.instanceId(), m.journeyId(), m.nodeId(), m.seq(),
                m.contactId(), m.channel(), m.account(), m.recipient(), m.message(), status, attempts, nextAttemptAt,
                providerId, code, error, m.createdAt(), at);
    }
}
