package org.wayfarer.journey.infra.mybatis;

import static org.wayfarer.journey.infra.mybatis.Columns.instant;

import com.baomidou.mybatisplus.core.toolkit.Wrappers;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wayfarer.journey.Transactions;
import org.wayfarer.journey.dispatch.Outbox;
import org.wayfarer.journey.dispatch.OutboxMessage;
import org.wayfarer.journey.dispatch.OutboxStatus;
import tools.jackson.databind.ObjectMapper;

/**
 * {@link Outbox} on the {@code outbox} table; the message is JSON text. Thread-safe; joins the caller's transaction.
 *
 * <p>The SENDING → x transitions change nothing unless the row is SENDING (for instance when
 * {@link #expireAbandoned} already declared it UNKNOWN because the lease ran out): a late receipt never overwrites
 * what was reported, and is logged instead. Public only for the Spring wiring: depend on the port.
 */
public final class MybatisOutbox implements Outbox {

    private static final Logger log = LoggerFactory.getLogger(MybatisOutbox.class);
    private static final int ROWS_PER_STATEMENT = 100;
    private static final int ERROR_MESSAGE_WIDTH = 500;
    static final String LEASE_EXPIRED = "LEASE_EXPIRED";

    private final OutboxMapper outbox;
    private final Transactions transactions;
    private final JsonColumns json;

    public MybatisOutbox(OutboxMapper outbox, Transactions transactions, ObjectMapper objectMapper) {
        this.outbox = outbox;
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
        transactions.run(() -> Columns.inChunks(rows, ROWS_PER_STATEMENT, outbox::insertAll));
    }

    @Override
    public Optional<OutboxMessage> find(long id) {
        return Optional.ofNullable(outbox.selectById(id)).map(this::toMessage);
    }

    @Override
    public Optional<OutboxMessage> claim(long id, String owner, Instant now, Instant leaseUntil) {
        if (outbox.claim(id, owner, now.toEpochMilli(), leaseUntil.toEpochMilli()) == 0) {
            return Optional.empty();
        }
        return find(id);
    }

    /** Same scheme as {@link MybatisInstanceStore#claimDue}: lock with SKIP LOCKED, claim in one UPDATE, read back. */
    @Override
    public List<OutboxMessage> claimDue(Instant now, int limit, String owner, Instant leaseUntil) {
        long nowMillis = now.toEpochMilli();
        long leaseMillis = leaseUntil.toEpochMilli();
        return transactions.inTransaction(() -> {
            List<Long> locked = outbox.lockDueIds(nowMillis, Columns.positive(limit));
            if (locked.isEmpty()) {
                return List.of();
            }
            outbox.claimAll(locked, owner, nowMillis, leaseMillis);
            return outbox.selectList(Wrappers.lambdaQuery(OutboxRow.class)
                            .in(OutboxRow::getId, locked)
                            .eq(OutboxRow::getStatus, OutboxStatus.SENDING.name())
                            .eq(OutboxRow::getLeaseOwner, owner)
                            .eq(OutboxRow::getLeaseUntil, leaseMillis)
                            .orderByAsc(OutboxRow::getNextAttemptAt, OutboxRow::getId))
                    .stream().map(this::toMessage).toList();
        });
    }

    @Override
    public void markSent(long id, String providerMessageId, Instant at) {
        ignoredUnlessSending(outbox.markSent(id, providerMessageId, at.toEpochMilli()), id, OutboxStatus.SENT);
    }

    @Override
    public void markRejected(long id, String code, String message, Instant at) {
        ignoredUnlessSending(outbox.markRejected(id, code, clip(message), at.toEpochMilli()), id,
                OutboxStatus.REJECTED);
    }

    @Override
    public void reschedule(long id, String code, String message, Instant nextAttemptAt, Instant at) {
        ignoredUnlessSending(outbox.reschedule(id, code, clip(message), nextAttemptAt.toEpochMilli(),
                at.toEpochMilli()), id, OutboxStatus.PENDING);
    }

    @Override
    public void markUnknown(long id, String message, Instant at) {
        ignoredUnlessSending(outbox.markUnknown(id, clip(message), at.toEpochMilli()), id, OutboxStatus.UNKNOWN);
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

    private static void ignoredUnlessSending(int updated, long id, OutboxStatus target) {
        if (updated == 0) {
            log.warn("outbox row {} is not SENDING (lease expired or already settled); not moved to {}", id, target);
        }
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
