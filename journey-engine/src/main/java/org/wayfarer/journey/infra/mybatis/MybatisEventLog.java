package org.wayfarer.journey.infra.mybatis;

import static org.wayfarer.journey.infra.mybatis.Columns.instant;

import com.baomidou.mybatisplus.core.toolkit.Wrappers;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.wayfarer.journey.event.ContactEvent;
import org.wayfarer.journey.event.DedupeKey;
import org.wayfarer.journey.event.EventLog;
import org.wayfarer.journey.event.EventStatus;
import org.wayfarer.journey.event.Identity;
import org.wayfarer.journey.event.IdentityKind;
import org.wayfarer.journey.event.IntakeResult;
import org.wayfarer.journey.event.StoredEvent;
import tools.jackson.databind.ObjectMapper;

/**
 * {@link EventLog} on the {@code contact_event} table; properties and attributes are JSON text. Thread-safe; joins the
 * caller's transaction. Public only for the Spring wiring: depend on the port.
 */
public final class MybatisEventLog implements EventLog {

    private static final int LAST_ERROR_WIDTH = 500;
    private static final int KEYS_PER_STATEMENT = 500;

    private static final String INSERT = """
            INSERT INTO contact_event (id, tenant_id, source, dedupe_key, event_type, identity_kind,
                                       identity_namespace, identity_value, unionid, contact_id, properties_json,
                                       attributes_json, occurred_at, received_at, partition_no, status, attempts)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """;
    private static final String MARK_PROCESSED = """
            UPDATE contact_event SET status = 'PROCESSED', processed_at = ?, next_attempt_at = NULL
             WHERE id = ? AND status = 'PENDING'
            """;

    private static final String COLUMNS = "id, tenant_id, source, dedupe_key, event_type, identity_kind,"
            + " identity_namespace, identity_value, unionid, contact_id, properties_json, attributes_json, occurred_at,"
            + " received_at, partition_no, status, attempts, next_attempt_at, last_error";

    private final ContactEventMapper events;
    private final JdbcTemplate jdbc;
    private final JsonColumns json;

    public MybatisEventLog(ContactEventMapper events, JdbcTemplate jdbc, ObjectMapper objectMapper) {
        this.events = events;
        this.jdbc = jdbc;
        this.json = new JsonColumns(objectMapper);
    }

    /** One statement per chunk of keys, as JDBC (MyBatis' dynamic SQL re-parsed the script on every call). */
    @Override
    public Map<DedupeKey, Long> existing(Collection<DedupeKey> keys) {
        Map<DedupeKey, Long> found = new HashMap<>();
        Columns.inChunks(List.copyOf(keys), KEYS_PER_STATEMENT, chunk -> {
            List<Object> args = new ArrayList<>(chunk.size() * 3);
            for (DedupeKey key : chunk) {
                args.add(key.tenantId());
                args.add(key.source());
                args.add(key.dedupeKey());
            }
            String tuples = String.join(",", Collections.nCopies(chunk.size(), "(?, ?, ?)"));
            jdbc.query("SELECT id, tenant_id, source, dedupe_key FROM contact_event"
                    + " WHERE (tenant_id, source, dedupe_key) IN (" + tuples + ")", rs -> {
                        found.put(new DedupeKey(rs.getLong(2), rs.getString(3), rs.getString(4)), rs.getLong(1));
                    }, args.toArray());
        });
        return found;
    }

    @Override
    public void appendAll(List<NewEvent> batch, Instant receivedAt) {
        JdbcBatch.run(jdbc, INSERT, batch.stream().map(e -> toRow(e, receivedAt)).toList(), (p, r) -> p.add(r.getId())
                .add(r.getTenantId()).add(r.getSource()).add(r.getDedupeKey()).add(r.getEventType())
                .add(r.getIdentityKind()).add(r.getIdentityNamespace()).add(r.getIdentityValue()).add(r.getUnionid())
                .add(r.getContactId()).add(r.getPropertiesJson()).add(r.getAttributesJson()).add(r.getOccurredAt())
                .add(r.getReceivedAt()).add(r.getPartitionNo()).add(r.getStatus()).add(r.getAttempts()));
    }

    /**
     * A duplicate is detected by the unique (tenant, source, dedupe key) itself, not by a read before the insert, so
     * two nodes taking the same retried callback at once still store it once. The failed INSERT is undone by the
     * database on its own (statement-level rollback on MariaDB and H2), leaving a surrounding transaction usable.
     */
    @Override
    public IntakeResult append(NewEvent event, Instant receivedAt) {
        try {
            events.insert(toRow(event, receivedAt));
            return new IntakeResult.Accepted(event.id());
        } catch (DuplicateKeyException e) {
            Long existing = existingId(event.event());
            if (existing == null) {
                // Not the dedupe key after all (the primary key): a caller bug, not a retried callback.
                throw e;
            }
            return new IntakeResult.Duplicate(existing);
        }
    }

    @Override
    public Optional<StoredEvent> find(long eventId) {
        return Optional.ofNullable(events.selectById(eventId)).map(this::toStored);
    }

    @Override
    public List<StoredEvent> findAll(Collection<Long> eventIds) {
        List<StoredEvent> found = new ArrayList<>(eventIds.size());
        Columns.inChunks(List.copyOf(eventIds), KEYS_PER_STATEMENT, chunk -> found.addAll(jdbc.query(
                "SELECT " + COLUMNS + " FROM contact_event WHERE id IN (" + Columns.placeholders(chunk.size()) + ")",
                this::stored, chunk.toArray())));
        return found;
    }

    /**
     * The partition's next events, as JDBC with a fixed statement per shape (MyBatis-Plus built the SQL and MyBatis
     * mapped the row by reflection on every call: a sixth of a worker's time). The {@code ORDER BY} spells the pending
     * index {@code (partition_no, status, id)}, so H2 reads it in order and stops at the limit.
     */
    @Override
    public List<StoredEvent> pending(int partition, Instant now, int limit, Collection<Long> skipContacts) {
        List<Object> args = new ArrayList<>(List.of(partition, now.toEpochMilli()));
        args.addAll(skipContacts);
        args.add(Columns.positive(limit));
        return jdbc.query(pendingQuery(skipContacts.size()), this::stored, args.toArray());
    }

    /** Parameters: partition, now (millis), {@code skipped} contact ids, limit. */
    static String pendingQuery(int skipped) {
        String skip = skipped == 0 ? ""
                : " AND (contact_id IS NULL OR contact_id NOT IN (" + Columns.placeholders(skipped) + "))";
        return "SELECT " + COLUMNS + " FROM contact_event WHERE partition_no = ? AND status = 'PENDING'"
                + " AND (next_attempt_at IS NULL OR next_attempt_at <= ?)" + skip
                + " ORDER BY partition_no, status, id LIMIT ?";
    }

    @Override
    public List<StoredEvent> retrying(int partition, int limit) {
        return events.selectList(Wrappers.lambdaQuery(ContactEventRow.class)
                        .eq(ContactEventRow::getPartitionNo, partition)
                        .eq(ContactEventRow::getStatus, EventStatus.PENDING.name())
                        .gt(ContactEventRow::getAttempts, 0)
                        .orderByAsc(ContactEventRow::getId)
                        .last("LIMIT " + Columns.positive(limit)))
                .stream().map(this::toStored).toList();
    }

    @Override
    public int markProcessed(Collection<Long> eventIds, Instant at) {
        if (eventIds.isEmpty()) {
            return 0;
        }
        long millis = at.toEpochMilli();
        int count = 0;
        for (boolean marked : JdbcBatch.update(jdbc, MARK_PROCESSED, List.copyOf(eventIds), (p, id) -> p.add(millis)
                .add(id))) {
            count += marked ? 1 : 0;
        }
        return count;
    }

    @Override
    public void markFailed(long eventId, String error, Instant retryAt, Instant at) {
        EventStatus status = retryAt == null ? EventStatus.FAILED : EventStatus.PENDING;
        events.markFailed(eventId, Columns.truncate(error, LAST_ERROR_WIDTH), status.name(), Columns.millis(retryAt),
                retryAt == null ? at.toEpochMilli() : null);
    }

    @Override
    public List<StoredEvent> failed(long tenantId, Long beforeId, int limit) {
        return events.selectList(Wrappers.lambdaQuery(ContactEventRow.class)
                        .eq(ContactEventRow::getTenantId, tenantId)
                        .eq(ContactEventRow::getStatus, EventStatus.FAILED.name())
                        .lt(beforeId != null, ContactEventRow::getId, beforeId)
                        .orderByDesc(ContactEventRow::getId)
                        .last("LIMIT " + Columns.positive(limit)))
                .stream().map(this::toStored).toList();
    }

    @Override
    public Optional<StoredEvent> requeue(long tenantId, long eventId, Instant at) {
        if (events.requeue(tenantId, eventId, at.toEpochMilli()) == 0) {
            return Optional.empty();
        }
        return find(eventId);
    }

    @Override
    public List<Route> pendingRoutes(long afterId, int limit) {
        return events.selectPendingRoutes(afterId, Columns.positive(limit)).stream()
                .map(r -> new Route(r.getId(), r.getContactId(), r.getPartitionNo())).toList();
    }

    @Override
    public void reroute(Collection<Long> eventIds, int partition) {
        Columns.inChunks(List.copyOf(eventIds), KEYS_PER_STATEMENT, chunk -> events.reroute(chunk, partition));
    }

    @Override
    public List<StoredEvent> timeline(long tenantId, long contactId, int limit) {
        return events.selectList(Wrappers.lambdaQuery(ContactEventRow.class)
                        .eq(ContactEventRow::getTenantId, tenantId)
                        .eq(ContactEventRow::getContactId, contactId)
                        .eq(ContactEventRow::getStatus, EventStatus.PROCESSED.name())
                        .orderByDesc(ContactEventRow::getOccurredAt, ContactEventRow::getId)
                        .last("LIMIT " + Columns.positive(limit)))
                .stream().map(this::toStored).toList();
    }

    @Override
    public List<StoredEvent> recent(long tenantId, long contactId, String source, Collection<String> types,
                                    Instant since, int limit) {
        if (types.isEmpty()) {
            return List.of();
        }
        return events.selectList(Wrappers.lambdaQuery(ContactEventRow.class)
                        .eq(ContactEventRow::getContactId, contactId)
                        .in(ContactEventRow::getEventType, types)
                        .ge(ContactEventRow::getOccurredAt, since.toEpochMilli())
                        .eq(ContactEventRow::getTenantId, tenantId)
                        .eq(ContactEventRow::getSource, source)
                        .orderByDesc(ContactEventRow::getOccurredAt, ContactEventRow::getId)
                        .last("LIMIT " + Columns.positive(limit)))
                .stream().map(this::toStored).toList();
    }

    @Override
    public Optional<String> lastNamespace(long tenantId, long contactId, IdentityKind kind) {
        ContactEventRow row = events.selectOne(Wrappers.lambdaQuery(ContactEventRow.class)
                .select(ContactEventRow::getIdentityNamespace)
                .eq(ContactEventRow::getContactId, contactId)
                .eq(ContactEventRow::getTenantId, tenantId)
                .eq(ContactEventRow::getIdentityKind, kind.name())
                .orderByDesc(ContactEventRow::getOccurredAt, ContactEventRow::getId)
                .last("LIMIT 1"));
        return Optional.ofNullable(row).map(ContactEventRow::getIdentityNamespace);
    }

    private Long existingId(ContactEvent event) {
        ContactEventRow row = events.selectOne(Wrappers.lambdaQuery(ContactEventRow.class)
                .select(ContactEventRow::getId)
                .eq(ContactEventRow::getTenantId, event.tenantId())
                .eq(ContactEventRow::getSource, event.source())
                .eq(ContactEventRow::getDedupeKey, event.dedupeKey()));
        if (row != null) {
            return row.getId();
        }
        // A REPEATABLE READ snapshot taken before the winner committed cannot see it; a locking read can.
        return events.selectIdByDedupeKeyLocking(event.tenantId(), event.source(), event.dedupeKey());
    }

    private ContactEventRow toRow(NewEvent stored, Instant receivedAt) {
        ContactEvent event = stored.event();
        ContactEventRow row = new ContactEventRow();
        row.setId(stored.id());
        row.setTenantId(event.tenantId());
        row.setSource(event.source());
        row.setDedupeKey(event.dedupeKey());
        row.setEventType(event.type());
        row.setIdentityKind(event.identity().kind().name());
        row.setIdentityNamespace(event.identity().namespace());
        row.setIdentityValue(event.identity().value());
        row.setUnionid(event.unionid());
        row.setContactId(stored.contactId());
        row.setPropertiesJson(json.write(event.properties()));
        row.setAttributesJson(json.write(event.attributes()));
        row.setOccurredAt(event.occurredAt().toEpochMilli());
        row.setReceivedAt(receivedAt.toEpochMilli());
        row.setPartitionNo(stored.partition());
        row.setStatus(EventStatus.PENDING.name());
        row.setAttempts(0);
        return row;
    }

    /** A row of {@link #COLUMNS}, as {@link #toStored} maps an entity. */
    private StoredEvent stored(ResultSet rs, int rowNum) throws SQLException {
        Identity identity = new Identity(IdentityKind.valueOf(rs.getString("identity_kind")),
                rs.getString("identity_namespace"), rs.getString("identity_value"));
        ContactEvent event = new ContactEvent(rs.getLong("tenant_id"), rs.getString("source"),
                rs.getString("dedupe_key"), rs.getString("event_type"), identity, rs.getString("unionid"),
                instant(rs.getLong("occurred_at")), json.read(rs.getString("properties_json")),
                json.read(rs.getString("attributes_json")));
        long contactId = rs.getLong("contact_id");
        Long contact = rs.wasNull() ? null : contactId;
        long nextAttempt = rs.getLong("next_attempt_at");
        Instant nextAttemptAt = rs.wasNull() ? null : instant(nextAttempt);
        return new StoredEvent(rs.getLong("id"), event, contact, rs.getInt("partition_no"),
                EventStatus.valueOf(rs.getString("status")), rs.getInt("attempts"), instant(rs.getLong("received_at")),
                nextAttemptAt, rs.getString("last_error"));
    }

    private StoredEvent toStored(ContactEventRow row) {
        Identity identity = new Identity(IdentityKind.valueOf(row.getIdentityKind()), row.getIdentityNamespace(),
                row.getIdentityValue());
        ContactEvent event = new ContactEvent(row.getTenantId(), row.getSource(), row.getDedupeKey(),
                row.getEventType(), identity, row.getUnionid(), instant(row.getOccurredAt()),
                json.read(row.getPropertiesJson()), json.read(row.getAttributesJson()));
        return new StoredEvent(row.getId(), event, row.getContactId(), row.getPartitionNo(),
                EventStatus.valueOf(row.getStatus()), row.getAttempts(), instant(row.getReceivedAt()),
                instant(row.getNextAttemptAt()), row.getLastError());
    }
}
