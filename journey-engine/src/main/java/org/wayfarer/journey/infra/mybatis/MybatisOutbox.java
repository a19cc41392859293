package org.wayfarer.journey.infra.mybatis;

import static org.wayfarer.journey.infra.mybatis.Columns.instant;

import com.baomidou.mybatisplus.core.toolkit.Wrappers;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.wayfarer.journey.Transactions;
import org.wayfarer.journey.dispatch.Outbox;
import org.wayfarer.journey.dispatch.OutboxClaim;
import org.wayfarer.journey.dispatch.OutboxMessage;
import org.wayfarer.journey.dispatch.OutboxReceipt;
import org.wayfarer.journey.dispatch.OutboxStatus;
import tools.jackson.databind.ObjectMapper;

/**
 * {@link Outbox} on the {@code outbox} table; the message is JSON text. Thread-safe; joins the caller's transaction.
 *
 * <p>Claims are one UPDATE plus a read-back by (owner, lease_until); receipts are grouped into one UPDATE per resulting
 * status with {@code CASE id WHEN ... END} columns (plain SQL that H2 in MySQL mode and MySQL/MariaDB both run), each
 * conditional on the row still being SENDING under the receipt's lease: a late receipt never overwrites what was
 * decided after its lease ran out. Public only for the Spring wiring: depend on the port.
 */
public final class MybatisOutbox implements Outbox {

    private static final int ROWS_PER_STATEMENT = 100;
    private static final int ERROR_MESSAGE_WIDTH = 500;
    static final String LEASE_EXPIRED = "LEASE_EXPIRED";

    private static final String INSERT = """
            INSERT INTO outbox (id, tenant_id, instance_id, journey_id, node_id, seq, contact_id, channel, account,
                                recipient, payload_json, status, attempts, next_attempt_at, created_at, updated_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """;

    private final OutboxMapper outbox;
    private final JdbcTemplate jdbc;
    private final Transactions transactions;
    private final JsonColumns json;

    public MybatisOutbox(OutboxMapper outbox, JdbcTemplate jdbc, Transactions transactions,
                         ObjectMapper objectMapper) {
        this.outbox = outbox;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.json = new JsonColumns(objectMapper);
    }

    /** All rows or none: the batch is one transaction (joined if the caller has one). */
    @Override
    public void insert(List<OutboxMessage> messages) {
        if (messages.isEmpty()) {
            return;
        }
        List<OutboxRow> rows = messages.stream().map(this::toRow).toList();
        transactions.run(() -> JdbcBatch.run(jdbc, INSERT, rows, (p, r) -> p.add(r.getId()).add(r.getTenantId())
                .add(r.getInstanceId()).add(r.getJourneyId()).add(r.getNodeId()).add(r.getSeq()).add(r.getContactId())
                .add(r.getChannel()).add(r.getAccount()).add(r.getRecipient()).add(r.getPayloadJson())
                .add(r.getStatus()).add(r.getAttempts()).add(r.getNextAttemptAt()).add(r.getCreatedAt())
                .add(r.getUpdatedAt())));
    }

    @Override
    public Optional<OutboxMessage> find(long id) {
        return Optional.ofNullable(outbox.selectById(id)).map(this::toMessage);
    }

    @Override
    public List<OutboxClaim> lease(List<Long> ids, String owner, Instant now, Instant leaseUntil) {
        if (ids.isEmpty()) {
            return List.of();
        }
        long nowMillis = now.toEpochMilli();
        long leaseMillis = leaseUntil.toEpochMilli();
        return transactions.inTransaction(() -> {
            outbox.claimAll(ids, owner, nowMillis, leaseMillis);
            return readBack(ids, owner, leaseMillis);
        });
    }

    /** Same scheme as {@link MybatisInstanceStore#claimDue}: lock with SKIP LOCKED, claim in one UPDATE, read back. */
    @Override
    public List<OutboxClaim> leaseDue(Instant now, int limit, String owner, Instant leaseUntil) {
        long nowMillis = now.toEpochMilli();
        long leaseMillis = leaseUntil.toEpochMilli();
        return transactions.inTransaction(() -> {
            List<Long> locked = outbox.lockDueIds(nowMillis, Columns.positive(limit));
            if (locked.isEmpty()) {
                return List.of();
            }
            outbox.claimAll(locked, owner, nowMillis, leaseMillis);
            return readBack(locked, owner, leaseMillis);
        });
    }

    /** The rows this claim took: (owner, lease_until) is unique per claim, see {@link Outbox}. */
    private List<OutboxClaim> readBack(List<Long> ids, String owner, long leaseMillis) {
        List<OutboxClaim> claimed = new ArrayList<>();
        Columns.inChunks(ids, ROWS_PER_STATEMENT * 10, chunk -> outbox.selectList(Wrappers.lambdaQuery(OutboxRow.class)
                        .in(OutboxRow::getId, chunk)
                        .eq(OutboxRow::getStatus, OutboxStatus.SENDING.name())
                        .eq(OutboxRow::getLeaseOwner, owner)
                        .eq(OutboxRow::getLeaseUntil, leaseMillis))
                .forEach(row -> claimed.add(new OutboxClaim(toMessage(row), owner, instant(row.getLeaseUntil()),
                        instant(row.getFirstAttemptAt()), row.getUnknownAttempts()))));
        claimed.sort(Comparator.comparing((OutboxClaim c) -> c.message().nextAttemptAt()).thenComparingLong(
                OutboxClaim::id));
        return claimed;
    }

    @Override
    public boolean renewLease(long id, String owner, Instant heldUntil, Instant newLeaseUntil) {
        return outbox.renewLease(id, owner, heldUntil.toEpochMilli(), newLeaseUntil.toEpochMilli()) == 1;
    }

    /** One grouped statement per resulting status, all in one transaction. */
    @Override
    public int settle(String owner, List<OutboxReceipt> receipts, Instant at) {
        if (receipts.isEmpty()) {
            return 0;
        }
        Map<OutboxStatus, List<OutboxMapper.Receipt>> byStatus = new EnumMap<>(OutboxStatus.class);
        for (OutboxReceipt receipt : receipts) {
            byStatus.computeIfAbsent(target(receipt.kind()), k -> new ArrayList<>()).add(toParams(receipt));
        }
        long atMillis = at.toEpochMilli();
        return transactions.inTransaction(() -> {
            int applied = 0;
            for (Map.Entry<OutboxStatus, List<OutboxMapper.Receipt>> group : byStatus.entrySet()) {
                for (List<OutboxMapper.Receipt> chunk : chunks(group.getValue())) {
                    applied += switch (group.getKey()) {
                        case SENT -> outbox.settleSent(chunk, owner, atMillis);
                        case PENDING -> outbox.settlePending(chunk, owner, atMillis);
                        default -> outbox.settleFinal(group.getKey().name(), chunk, owner, atMillis);
                    };
                }
            }
            return applied;
        });
    }

    @Override
    public int requeueAbandoned(Instant now, String channel, Instant firstAttemptAfter, int maxAttempts) {
        return outbox.requeueAbandoned(now.toEpochMilli(), channel, firstAttemptAfter.toEpochMilli(), maxAttempts,
                LEASE_EXPIRED, "the dispatcher's lease expired while sending; repeated with the same delivery id");
    }

    /** Marks the rows with error code {@value #LEASE_EXPIRED}. */
    @Override
    public int expireAbandoned(Instant now) {
        return outbox.expireAbandoned(now.toEpochMilli(), LEASE_EXPIRED,
                "the dispatcher's lease expired while sending; the provider may or may not have the message");
    }

    @Override
    public List<OutboxMessage> forContact(long tenantId, long contactId, int limit) {
        return outbox.selectList(Wrappers.lambdaQuery(OutboxRow.class)
                        .eq(OutboxRow::getTenantId, tenantId)
                        .eq(OutboxRow::getContactId, contactId)
                        .orderByDesc(OutboxRow::getCreatedAt, OutboxRow::getId)
                        .last("LIMIT " + Columns.positive(limit)))
                .stream().map(this::toMessage).toList();
    }

    private static OutboxStatus target(OutboxReceipt.Kind kind) {
        return switch (kind) {
            case SENT -> OutboxStatus.SENT;
            case REJECTED -> OutboxStatus.REJECTED;
            case UNKNOWN -> OutboxStatus.UNKNOWN;
            case RETRY, DEFERRED, IN_DOUBT -> OutboxStatus.PENDING;
        };
    }

    private static OutboxMapper.Receipt toParams(OutboxReceipt r) {
        return new OutboxMapper.Receipt(r.id(), r.leaseUntil().toEpochMilli(), r.providerMessageId(), r.code(),
                clip(r.message()), r.nextAttemptAt() == null ? null : r.nextAttemptAt().toEpochMilli(),
                r.kind() == OutboxReceipt.Kind.DEFERRED ? 1 : 0, r.kind() == OutboxReceipt.Kind.IN_DOUBT ? 1 : 0);
    }

    private static <T> List<List<T>> chunks(List<T> rows) {
        List<List<T>> chunks = new ArrayList<>();
        Columns.inChunks(rows, ROWS_PER_STATEMENT, chunks::add);
        return chunks;
    }

    private static String clip(String message) {
        return Columns.truncate(message, ERROR_MESSAGE_WIDTH);
    }

    private OutboxRow toRow(OutboxMessage message) {
        OutboxRow row = new OutboxRow();
        row.setId(message.id());
        row.setTenantId(message.tenantId());
        row.setInstanceId(message.instanceId());
        row.setJourneyId(message.journeyId());
        row.setNodeId(message.nodeId());
        row.setSeq(message.seq());
        row.setContactId(message.contactId());
        row.setChannel(message.channel());
        row.setAccount(message.account());
        row.setRecipient(message.recipient());
        row.setPayloadJson(json.write(message.message()));
        row.setStatus(OutboxStatus.PENDING.name());
        row.setAttempts(message.attempts());
        row.setNextAttemptAt(message.nextAttemptAt().toEpochMilli());
        row.setCreatedAt(message.createdAt().toEpochMilli());
        row.setUpdatedAt(message.updatedAt().toEpochMilli());
        return row;
    }

    private OutboxMessage toMessage(OutboxRow row) {
        return new OutboxMessage(row.getId(), row.getTenantId(), row.getInstanceId(), row.getJourneyId(),
                row.getNodeId(), row.getSeq(), row.getContactId(), row.getChannel(), row.getAccount(),
                row.getRecipient(), json.read(row.getPayloadJson()), OutboxStatus.valueOf(row.getStatus()),
                row.getAttempts(), instant(row.getNextAttemptAt()), row.getProviderMessageId(), row.getErrorCode(),
                row.getErrorMessage(), instant(row.getCreatedAt()), instant(row.getUpdatedAt()));
    }
}
