package org.wayfarer.journey.infra.mybatis;

import static org.wayfarer.journey.infra.mybatis.Columns.instant;

import com.baomidou.mybatisplus.core.toolkit.Wrappers;
import java.time.Instant;
import java.util.List;
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
 * <p>Claims and receipts are JDBC batches of one fixed conditional UPDATE per row ({@link OutboxLeases},
 * {@link OutboxSettlement}): each row's update count says whether the claim took it, so only claimed rows are read
 * back, and rows this node just inserted are claimed from the messages it holds, without a read; every receipt is
 * conditional on its row still being SENDING under the receipt's lease, so a late receipt never overwrites what was
 * decided after its lease ran out. Public only for the Spring wiring: depend on the port.
 */
public final class MybatisOutbox implements Outbox {

    static final String LEASE_EXPIRED = "LEASE_EXPIRED";
    static final String DISPLACED = "DISPLACED";

    private static final String INSERT = """
            INSERT INTO outbox (id, tenant_id, instance_id, journey_id, node_id, seq, contact_id, channel, account,
                                recipient, payload_json, status, attempts, next_attempt_at, created_at, updated_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """;

    /** A row as {@link OutboxLeases}' claim leaves it, for rows the inserting transaction leases itself. */
    private static final String INSERT_LEASED = """
            INSERT INTO outbox (id, tenant_id, instance_id, journey_id, node_id, seq, contact_id, channel, account,
                                recipient, payload_json, status, attempts, next_attempt_at, created_at, updated_at,
                                lease_owner, lease_until, first_attempt_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'SENDING', ?, ?, ?, ?, ?, ?, ?)
            """;

    /** The due candidates of a sweep, earliest first; see {@link #leaseDue}. */
    static final String DUE = """
            SELECT id FROM outbox WHERE status = 'PENDING' AND next_attempt_at <= ?
             ORDER BY status, next_attempt_at, id LIMIT ?""";

    private final OutboxMapper outbox;
    private final JdbcTemplate jdbc;
    private final Transactions transactions;
    private final JsonColumns json;
    private final OutboxLeases leases;
    private final OutboxSettlement settlement;
    private final SkipLocked skipLocked;

    public MybatisOutbox(OutboxMapper outbox, JdbcTemplate jdbc, Transactions transactions,
                         ObjectMapper objectMapper) {
        this.outbox = outbox;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.json = new JsonColumns(objectMapper);
        this.leases = new OutboxLeases(jdbc, json);
        this.settlement = new OutboxSettlement(jdbc, json);
        this.skipLocked = new SkipLocked(jdbc);
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

    /** All rows or none, like {@link #insert}. */
    @Override
    public void insertLeased(List<OutboxClaim> claims) {
        if (claims.isEmpty()) {
            return;
        }
        transactions.run(() -> JdbcBatch.run(jdbc, INSERT_LEASED, claims, (p, c) -> {
            OutboxMessage m = c.message();
            p.add(m.id()).add(m.tenantId()).add(m.instanceId()).add(m.journeyId()).add(m.nodeId()).add(m.seq())
                    .add(m.contactId()).add(m.channel()).add(m.account()).add(m.recipient())
                    .add(json.write(m.message())).add(m.attempts()).add(m.nextAttemptAt().toEpochMilli())
                    .add(m.createdAt().toEpochMilli()).add(m.updatedAt().toEpochMilli()).add(c.owner())
                    .add(c.leaseUntil().toEpochMilli()).add(c.firstAttemptAt().toEpochMilli());
        }));
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
        return transactions.inTransaction(() -> leases.byId(ids, owner, now.toEpochMilli(),
                leaseUntil.toEpochMilli()));
    }

    /** Claims the rows still as inserted without reading them; see {@link OutboxLeases#asInserted}. */
    @Override
    public List<OutboxClaim> leaseInserted(List<OutboxMessage> inserted, String owner, Instant now,
                                           Instant leaseUntil) {
        if (inserted.isEmpty()) {
            return List.of();
        }
        return transactions.inTransaction(() -> leases.asInserted(inserted, owner, now.toEpochMilli(),
                leaseUntil.toEpochMilli()));
    }

    /**
     * The earliest due PENDING rows as a range of the index {@code (status, next_attempt_at, id)} (locked with
     * {@link SkipLocked} where that is cheap), then claimed by id like {@link #lease}. The {@code ORDER BY} spells out
     * the index's columns: H2 otherwise read and sorted every due row before the {@code LIMIT}.
     */
    @Override
    public List<OutboxClaim> leaseDue(Instant now, int limit, String owner, Instant leaseUntil) {
        long nowMillis = now.toEpochMilli();
        int max = Columns.positive(limit);
        return DeadlockRetry.claim(transactions, () -> {
            List<Long> locked = jdbc.queryForList(DUE + skipLocked.clause(), Long.class, nowMillis, max);
            return locked.isEmpty() ? List.of() : leases.byId(locked, owner, nowMillis, leaseUntil.toEpochMilli());
        });
    }

    @Override
    public boolean renewLease(long id, String owner, Instant heldUntil, Instant newLeaseUntil) {
        return outbox.renewLease(id, owner, heldUntil.toEpochMilli(), newLeaseUntil.toEpochMilli()) == 1;
    }

    /** One batch of one prepared statement per receipt kind, all in one transaction; see {@link OutboxSettlement}. */
    @Override
    public int settle(String owner, List<OutboxReceipt> receipts, Instant at) {
        if (receipts.isEmpty()) {
            return 0;
        }
        return transactions.inTransaction(() -> settlement.settle(owner, receipts, at.toEpochMilli()));
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
    public boolean postpone(long id, Instant from, Instant to, Instant now) {
        return outbox.postpone(id, from.toEpochMilli(), to.toEpochMilli(), now.toEpochMilli()) == 1;
    }

    /** Marks the row with error code {@value #DISPLACED}. */
    @Override
    public boolean withdraw(long id, Instant from, String reason, Instant now) {
        return outbox.withdraw(id, from.toEpochMilli(), DISPLACED, Columns.truncate(reason, 500),
                now.toEpochMilli()) == 1;
    }

    @Override
    public long countAttempted(String channel, String account, Instant since) {
        return outbox.countAttempted(channel, account, since.toEpochMilli());
    }

    @Override
    public int recordDelivery(String channel, String account, String providerMessageId, String status, Instant at) {
        return outbox.recordDelivery(channel, account, providerMessageId, Columns.truncate(status, 64),
                at.toEpochMilli());
    }

    @Override
    public Optional<String> deliveryStatus(long id) {
        return Optional.ofNullable(outbox.deliveryStatus(id));
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
