package org.wayfarer.journey.testing;

import java.time.Instant;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.wayfarer.journey.dispatch.Outbox;
import org.wayfarer.journey.dispatch.OutboxClaim;
import org.wayfarer.journey.dispatch.OutboxMessage;
import org.wayfarer.journey.dispatch.OutboxReceipt;
import org.wayfarer.journey.dispatch.OutboxStatus;

/**
 * {@link Outbox} in memory, for unit tests; the real adapters are covered by the store contracts. Rows are inserted
 * PENDING whatever the message says (or SENDING under a lease, by {@code insertLeased}), a delivery is unique per
 * (instance, node, seq), claims carry a lease (owner, until), and a receipt or renewal moves a row only while it is
 * SENDING under the lease it names, as in the table. Thread-safe.
 */
public final class InMemoryOutbox implements Outbox {

    private static final int ERROR_MESSAGE_WIDTH = 500;
    private static final String LEASE_EXPIRED = "LEASE_EXPIRED";

    private final Map<Long, Row> rows = new LinkedHashMap<>();

    /** The table's columns beyond the message. */
    private static final class Row {
        OutboxMessage message;
        String leaseOwner;
        Instant leaseUntil;
        Instant firstAttemptAt;
        int unknownAttempts;
        String deliveryStatus;

        Row(OutboxMessage message) {
            this.message = message;
        }

        boolean heldBy(String owner, Instant until) {
            return message.status() == OutboxStatus.SENDING && owner.equals(leaseOwner) && until.equals(leaseUntil);
        }
    }

    /** Forgets every row and lease. */
    public synchronized void clear() {
        rows.clear();
    }

    /** All rows or none; a duplicate id or delivery fails the whole batch. */
    @Override
    public synchronized void insert(List<OutboxMessage> messages) {
        checkNew(messages);
        for (OutboxMessage m : messages) {
            rows.put(m.id(), new Row(with(m, OutboxStatus.PENDING, m.attempts(), m.nextAttemptAt(), null, null, null,
                    m.updatedAt())));
        }
    }

    /** All rows or none, SENDING under each claim's lease with its message's attempts. */
    @Override
    public synchronized void insertLeased(List<OutboxClaim> claims) {
        checkNew(claims.stream().map(OutboxClaim::message).toList());
        for (OutboxClaim c : claims) {
            OutboxMessage m = c.message();
            Row row = new Row(with(m, OutboxStatus.SENDING, m.attempts(), m.nextAttemptAt(), null, null, null,
                    m.updatedAt()));
            row.leaseOwner = c.owner();
            row.leaseUntil = c.leaseUntil();
            row.firstAttemptAt = c.firstAttemptAt();
            rows.put(m.id(), row);
        }
    }

    private void checkNew(List<OutboxMessage> messages) {
        Set<Long> ids = new HashSet<>(rows.keySet());
        Set<List<Object>> deliveries = rows.values().stream().map(r -> delivery(r.message))
                .collect(Collectors.toCollection(HashSet::new));
        for (OutboxMessage m : messages) {
            if (!ids.add(m.id()) || !deliveries.add(delivery(m))) {
                throw new IllegalStateException("outbox row " + m.id() + " or its delivery (instance "
                        + m.instanceId() + ", node " + m.nodeId() + ", seq " + m.seq() + ") already exists");
            }
        }
    }

    @Override
    public synchronized Optional<OutboxMessage> find(long id) {
        return Optional.ofNullable(rows.get(id)).map(r -> r.message);
    }

    @Override
    public synchronized List<OutboxClaim> lease(List<Long> ids, String owner, Instant now, Instant leaseUntil) {
        return ids.stream().distinct().map(rows::get).filter(r -> r != null && isDue(r.message, now))
                .sorted(Comparator.comparing((Row r) -> r.message.nextAttemptAt())
                        .thenComparingLong(r -> r.message.id()))
                .toList().stream().map(r -> claim(r, owner, now, leaseUntil)).toList();
    }

    @Override
    public synchronized List<OutboxClaim> leaseDue(Instant now, int limit, String owner, Instant leaseUntil) {
        return rows.values().stream().filter(r -> isDue(r.message, now))
                .sorted(Comparator.comparing((Row r) -> r.message.nextAttemptAt())
                        .thenComparingLong(r -> r.message.id()))
                .limit(Columns.positive(limit)).toList().stream().map(r -> claim(r, owner, now, leaseUntil)).toList();
    }

    private static OutboxClaim claim(Row row, String owner, Instant now, Instant leaseUntil) {
        OutboxMessage m = row.message;
        row.message = with(m, OutboxStatus.SENDING, m.attempts() + 1, m.nextAttemptAt(), m.providerMessageId(),
                m.errorCode(), m.errorMessage(), now);
        row.leaseOwner = owner;
        row.leaseUntil = leaseUntil;
        if (row.firstAttemptAt == null) {
            row.firstAttemptAt = now;
        }
        return new OutboxClaim(row.message, owner, leaseUntil, row.firstAttemptAt, row.unknownAttempts);
    }

    @Override
    public synchronized boolean renewLease(long id, String owner, Instant heldUntil, Instant newLeaseUntil) {
        Row row = rows.get(id);
        if (row == null || !row.heldBy(owner, heldUntil)) {
            return false;
        }
        row.leaseUntil = newLeaseUntil;
        return true;
    }

    @Override
    public synchronized int settle(String owner, List<OutboxReceipt> receipts, Instant at) {
        int applied = 0;
        for (OutboxReceipt receipt : receipts) {
            Row row = rows.get(receipt.id());
            if (row != null && row.heldBy(owner, receipt.leaseUntil())) {
                apply(row, receipt, at);
                applied++;
            }
        }
        return applied;
    }

    private static void apply(Row row, OutboxReceipt r, Instant at) {
        OutboxMessage m = row.message;
        String error = clip(r.message());
        row.message = switch (r.kind()) {
            case SENT -> with(m, OutboxStatus.SENT, m.attempts(), m.nextAttemptAt(), r.providerMessageId(),
                    m.errorCode(), m.errorMessage(), at);
            case REJECTED -> with(m, OutboxStatus.REJECTED, m.attempts(), m.nextAttemptAt(), m.providerMessageId(),
                    r.code(), error, at);
            case UNKNOWN -> with(m, OutboxStatus.UNKNOWN, m.attempts(), m.nextAttemptAt(), m.providerMessageId(),
                    r.code(), error, at);
            case RETRY, IN_DOUBT -> with(m, OutboxStatus.PENDING, m.attempts(), r.nextAttemptAt(),
                    m.providerMessageId(), r.code(), error, at);
            case DEFERRED -> with(m, OutboxStatus.PENDING, m.attempts() - 1, r.nextAttemptAt(),
                    m.providerMessageId(), r.code(), error, at);
            case FELL_THROUGH -> new OutboxMessage(m.id(), m.tenantId(), m.instanceId(), m.journeyId(), m.nodeId(),
                    m.seq(), m.contactId(), r.fallback().channel(), r.fallback().account(), r.fallback().recipient(),
                    r.fallback().message(), OutboxStatus.PENDING, 0, r.nextAttemptAt(), m.providerMessageId(),
                    r.code(), error, m.createdAt(), at);
        };
        if (r.kind() == OutboxReceipt.Kind.FELL_THROUGH) {
            row.firstAttemptAt = null;
            row.unknownAttempts = 0;
        }
        if (r.kind() == OutboxReceipt.Kind.DEFERRED && m.attempts() == 1) {
            row.firstAttemptAt = null; // the attempt this claim counted is given back, and with it the first attempt
        }
        if (r.kind() == OutboxReceipt.Kind.IN_DOUBT) {
            row.unknownAttempts++;
        }
        row.leaseOwner = null;
        row.leaseUntil = null;
    }

    /** Test shortcut: settles a SENDING row as SENT under whatever lease it has; nothing otherwise. */
    public synchronized void markSent(long id, String providerMessageId, Instant at) {
        settleHeld(id, new OutboxReceipt(id, Instant.EPOCH, OutboxReceipt.Kind.SENT, providerMessageId, null, null,
                null), at);
    }

    /** Test shortcut: settles a SENDING row as REJECTED under whatever lease it has; nothing otherwise. */
    public synchronized void markRejected(long id, String code, String message, Instant at) {
        settleHeld(id, new OutboxReceipt(id, Instant.EPOCH, OutboxReceipt.Kind.REJECTED, null, code, message, null),
                at);
    }

    private void settleHeld(long id, OutboxReceipt receipt, Instant at) {
        Row row = rows.get(id);
        if (row != null && row.message.status() == OutboxStatus.SENDING) {
            apply(row, receipt, at);
        }
    }

    @Override
    public synchronized int requeueAbandoned(Instant now, String channel, Instant firstAttemptAfter,
                                             int maxAttempts) {
        List<Row> abandoned = rows.values().stream().filter(r -> isAbandoned(r, now)
                && r.message.channel().equals(channel) && r.firstAttemptAt != null
                && r.firstAttemptAt.isAfter(firstAttemptAfter) && r.message.attempts() < maxAttempts).toList();
        for (Row row : abandoned) {
            OutboxMessage m = row.message;
            row.message = with(m, OutboxStatus.PENDING, m.attempts(), now, m.providerMessageId(), LEASE_EXPIRED,
                    "the dispatcher's lease expired while sending; repeated with the same delivery id", now);
            row.unknownAttempts++;
            row.leaseOwner = null;
            row.leaseUntil = null;
        }
        return abandoned.size();
    }

    /** Marks the rows with error code {@code LEASE_EXPIRED}, as the adapters do; the lease stays on record. */
    @Override
    public synchronized int expireAbandoned(Instant now) {
        List<Row> abandoned = rows.values().stream().filter(r -> isAbandoned(r, now)).toList();
        abandoned.forEach(r -> r.message = with(r.message, OutboxStatus.UNKNOWN, r.message.attempts(),
                r.message.nextAttemptAt(), r.message.providerMessageId(), LEASE_EXPIRED,
                "the dispatcher's lease expired while sending; the provider may or may not have the message", now));
        return abandoned.size();
    }

    @Override
    public synchronized long countAttempted(String channel, String account, Instant since) {
        return rows.values().stream().filter(r -> r.message.channel().equals(channel)
                && r.message.account().equals(account) && r.firstAttemptAt != null
                && !r.firstAttemptAt.isBefore(since) && r.message.status() != OutboxStatus.SENDING).count();
    }

    @Override
    public synchronized int recordDelivery(String channel, String account, String providerMessageId, String status,
                                           Instant at) {
        int applied = 0;
        for (Row row : rows.values()) {
            OutboxMessage m = row.message;
            if (providerMessageId.equals(m.providerMessageId()) && m.channel().equals(channel)
                    && m.account().equals(account)) {
                row.deliveryStatus = status;
                applied++;
            }
        }
        return applied;
    }

    @Override
    public synchronized Optional<String> deliveryStatus(long id) {
        Row row = rows.get(id);
        return row == null ? Optional.empty() : Optional.ofNullable(row.deliveryStatus);
    }

    @Override
    public synchronized boolean postpone(long id, Instant from, Instant to, Instant now) {
        Row row = deferred(id, from);
        if (row != null) {
            OutboxMessage m = row.message;
            row.message = with(m, OutboxStatus.PENDING, 0, to, null, m.errorCode(), m.errorMessage(), now);
        }
        return row != null;
    }

    @Override
    public synchronized boolean withdraw(long id, Instant from, String reason, Instant now) {
        Row row = deferred(id, from);
        if (row != null) {
            row.message = with(row.message, OutboxStatus.DROPPED, 0, from, null, "DISPLACED", clip(reason), now);
        }
        return row != null;
    }

    private Row deferred(long id, Instant from) {
        Row row = rows.get(id);
        boolean deferred = row != null && row.message.status() == OutboxStatus.PENDING
                && row.message.attempts() == 0 && row.message.nextAttemptAt().equals(from);
        return deferred ? row : null;
    }

    @Override
    public synchronized List<OutboxMessage> forContact(long tenantId, long contactId, int limit) {
        return rows.values().stream().map(r -> r.message)
                .filter(m -> m.tenantId() == tenantId && m.contactId() == contactId)
                .sorted(Comparator.comparing(OutboxMessage::createdAt).thenComparingLong(OutboxMessage::id)
                        .reversed())
                .limit(Columns.positive(limit)).toList();
    }

    private static boolean isAbandoned(Row row, Instant now) {
        return row.message.status() == OutboxStatus.SENDING && row.leaseUntil.isBefore(now);
    }

    private static boolean isDue(OutboxMessage m, Instant now) {
        return m.status() == OutboxStatus.PENDING && !m.nextAttemptAt().isAfter(now);
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
