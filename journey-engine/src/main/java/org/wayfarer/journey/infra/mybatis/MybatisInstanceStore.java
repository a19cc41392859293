package org.wayfarer.journey.infra.mybatis;

import static org.wayfarer.journey.infra.mybatis.Columns.instant;
import static org.wayfarer.journey.infra.mybatis.Columns.millis;

import com.baomidou.mybatisplus.core.toolkit.Wrappers;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.wayfarer.journey.StaleDataException;
import org.wayfarer.journey.Transactions;
import org.wayfarer.journey.runtime.InstanceStatus;
import org.wayfarer.journey.runtime.InstanceStore;
import org.wayfarer.journey.runtime.JourneyInstance;
import tools.jackson.databind.ObjectMapper;

/**
 * {@link InstanceStore} on the {@code journey_instance} table, whose {@code wake_at} is the durable timer. Thread-safe;
 * joins the caller's transaction. Public only for the Spring wiring: depend on the port.
 */
public final class MybatisInstanceStore implements InstanceStore {

    private static final String ENTRY_CONSTRAINT = "uk_journey_instance_entry";
    private static final int IDS_PER_STATEMENT = 500;

    private static final String INSERT = """
            INSERT INTO journey_instance (id, tenant_id, journey_id, journey_version, contact_id, entry_key,
                                          trigger_event_id, status, current_node, seq, wake_at, entered_at,
                                          updated_at, ended_at, end_reason, version, context_json)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """;
    /**
     * Every mutable column, if the version still matches; releases any timer lease and held timer, the next timer
     * starts afresh.
     */
    private static final String UPDATE = """
            UPDATE journey_instance
               SET status = ?, current_node = ?, seq = ?, wake_at = ?, entry_key = ?, ended_at = ?, end_reason = ?,
                   context_json = ?, updated_at = ?, lease_owner = NULL, lease_until = NULL, wake_attempts = 0,
                   held_wake_at = NULL, version = version + 1
             WHERE id = ? AND tenant_id = ? AND version = ?
            """;
    /** A failed wake-up: a retry (the same wait, due later) or the FAILED end, if the version still matches. */
    private static final String WAKEUP_FAILED = """
            UPDATE journey_instance
               SET status = ?, wake_at = ?, entry_key = ?, ended_at = ?, end_reason = ?, updated_at = ?,
                   wake_attempts = ?, last_error = ?, lease_owner = NULL, lease_until = NULL, version = version + 1
             WHERE id = ? AND tenant_id = ? AND version = ? AND status = 'WAITING'
            """;
    private static final String WAKEUP_FAILURES = """
            SELECT wake_attempts, last_error FROM journey_instance
             WHERE id = ? AND tenant_id = ? AND (wake_attempts > 0 OR last_error IS NOT NULL)
            """;
    private static final int LAST_ERROR_WIDTH = 500;
    /**
     * The batch's read of its contacts' live and ONCE-keyed instances, as JDBC: MyBatis evaluated the
     * {@code <script>} (OGNL over the id list) and mapped each row by reflection on every batch.
     */
    private static final String ENTRY_STATE = "SELECT id, tenant_id, journey_id, journey_version, contact_id,"
            + " entry_key, trigger_event_id, status, current_node, seq, wake_at, entered_at, updated_at, ended_at,"
            + " end_reason, version, context_json FROM journey_instance WHERE contact_id IN (";
    private static final String ENTRY_STATE_WHERE =
            ") AND (status IN ('ACTIVE', 'WAITING') OR entry_key LIKE 'ONCE:%') ORDER BY entered_at, id";

    private final JourneyInstanceMapper instances;
    private final JdbcTemplate jdbc;
    private final Transactions transactions;
    private final TimerClaims timers;
    private final InstanceSweeps sweeps;
    private final JsonColumns json;

    public MybatisInstanceStore(JourneyInstanceMapper instances, JdbcTemplate jdbc, Transactions transactions,
                                ObjectMapper objectMapper) {
        this.instances = instances;
        this.json = new JsonColumns(objectMapper);
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.timers = new TimerClaims(jdbc);
        this.sweeps = new InstanceSweeps(jdbc, this::instance);
    }

    @Override
    public boolean insert(JourneyInstance instance) {
        try {
            instances.insert(toRow(instance));
            return true;
        } catch (DuplicateKeyException e) {
            if (Columns.violates(e, ENTRY_CONSTRAINT)) {
                return false;
            }
            throw e;
        }
    }

    @Override
    public void update(JourneyInstance instance) {
        if (instances.updateIfVersion(toRow(instance)) == 0) {
            throw new StaleDataException("journey instance " + instance.id() + " of tenant " + instance.tenantId()
                    + " was changed or removed since version " + instance.version() + " was read");
        }
    }

    @Override
    public Optional<JourneyInstance> find(long tenantId, long instanceId) {
        JourneyInstanceRow row = instances.selectOne(Wrappers.lambdaQuery(JourneyInstanceRow.class)
                .eq(JourneyInstanceRow::getTenantId, tenantId)
                .eq(JourneyInstanceRow::getId, instanceId));
        return Optional.ofNullable(row).map(this::toInstance);
    }

    @Override
    public List<JourneyInstance> liveFor(long tenantId, long contactId) {
        return instances.selectList(Wrappers.lambdaQuery(JourneyInstanceRow.class)
                        .eq(JourneyInstanceRow::getTenantId, tenantId)
                        .eq(JourneyInstanceRow::getContactId, contactId)
                        .in(JourneyInstanceRow::getStatus, InstanceStatus.ACTIVE.name(), InstanceStatus.WAITING.name())
                        .orderByAsc(JourneyInstanceRow::getEnteredAt, JourneyInstanceRow::getId))
                .stream().map(this::toInstance).toList();
    }

    /** See {@link TimerClaims}: two reads of the due index and one batch of conditional leases, in one transaction. */
    @Override
    public List<DueWakeup> claimDue(Instant dueBy, Instant now, int limit, String owner, Instant leaseUntil) {
        int max = Columns.positive(limit);
        return DeadlockRetry.claim(transactions, () -> timers.claim(dueBy.toEpochMilli(), now.toEpochMilli(), max,
                owner, leaseUntil.toEpochMilli()));
    }

    @Override
    public List<JourneyInstance> entryState(Collection<Long> contactIds) {
        if (contactIds.isEmpty()) {
            return List.of();
        }
        List<JourneyInstance> found = new ArrayList<>();
        Columns.inChunks(List.copyOf(contactIds), IDS_PER_STATEMENT, chunk ->
                found.addAll(jdbc.query(ENTRY_STATE + Columns.placeholders(chunk.size()) + ENTRY_STATE_WHERE,
                        this::instance, chunk.toArray())));
        return found;
    }

    @Override
    public void insertAll(List<JourneyInstance> fresh) {
        List<JourneyInstanceRow> rows = fresh.stream().map(this::toRow).toList();
        try {
            JdbcBatch.run(jdbc, INSERT, rows, (p, r) -> p.add(r.getId()).add(r.getTenantId()).add(r.getJourneyId())
                    .add(r.getJourneyVersion()).add(r.getContactId()).add(r.getEntryKey()).add(r.getTriggerEventId())
                    .add(r.getStatus()).add(r.getCurrentNode()).add(r.getSeq()).add(r.getWakeAt())
                    .add(r.getEnteredAt()).add(r.getUpdatedAt()).add(r.getEndedAt()).add(r.getEndReason())
                    .add(r.getVersion()).add(r.getContextJson()));
        } catch (DuplicateKeyException e) {
            if (Columns.violates(e, ENTRY_CONSTRAINT)) {
                throw new StaleDataException("an entry of this batch was taken concurrently");
            }
            throw e;
        }
    }

    /**
     * One prepared, versioned UPDATE per instance, sent as a JDBC batch; the per-row counts name the instances that
     * changed or vanished since they were read, and any such makes this throw (the caller's transaction rolls back).
     */
    @Override
    public void updateAll(List<JourneyInstance> changed) {
        List<JourneyInstanceRow> rows = changed.stream().sorted(Comparator.comparingLong(JourneyInstance::id))
                .map(this::toRow).toList();
        boolean[] updated = JdbcBatch.update(jdbc, UPDATE, rows, this::bindUpdate);
        List<Long> stale = new ArrayList<>();
        for (int i = 0; i < updated.length; i++) {
            if (!updated[i]) {
                stale.add(rows.get(i).getId());
            }
        }
        if (!stale.isEmpty()) {
            throw new StaleDataException(stale.size() + " of " + rows.size() + " journey instances changed or vanished"
                    + " since they were read: " + stale.subList(0, Math.min(10, stale.size())));
        }
    }

    @Override
    public List<JourneyInstance> livePage(long tenantId, long journeyId, long afterId, int limit) {
        return sweeps.livePage(tenantId, journeyId, afterId, Columns.positive(limit));
    }

    @Override
    public List<JourneyInstance> waitingAt(long tenantId, long journeyId, int belowVersion, Collection<String> nodes,
                                           long afterId, int limit) {
        return sweeps.waitingAt(tenantId, journeyId, belowVersion, nodes, afterId, Columns.positive(limit));
    }

    @Override
    public Set<Long> updateUnchanged(List<JourneyInstance> changed) {
        List<JourneyInstanceRow> rows = changed.stream().sorted(Comparator.comparingLong(JourneyInstance::id))
                .map(this::toRow).toList();
        boolean[] updated = JdbcBatch.update(jdbc, UPDATE, rows, this::bindUpdate);
        Set<Long> written = new TreeSet<>();
        for (int i = 0; i < updated.length; i++) {
            if (updated[i]) {
                written.add(rows.get(i).getId());
            }
        }
        return written;
    }

    @Override
    public Set<Long> migrate(List<Migration> migrations) {
        return sweeps.migrate(migrations);
    }

    @Override
    public boolean hold(JourneyInstance instance) {
        return sweeps.hold(instance);
    }

    @Override
    public List<HeldTimer> held(long tenantId, long journeyId, int limit) {
        return sweeps.held(tenantId, journeyId, Columns.positive(limit));
    }

    @Override
    public Set<Long> release(List<JourneyInstance> released) {
        return sweeps.release(released);
    }

    @Override
    public boolean recordWakeupFailure(JourneyInstance instance, int attempts, String error) {
        JourneyInstanceRow r = toRow(instance);
        return jdbc.update(WAKEUP_FAILED, r.getStatus(), r.getWakeAt(), r.getEntryKey(), r.getEndedAt(),
                r.getEndReason(), r.getUpdatedAt(), attempts, Columns.truncate(error, LAST_ERROR_WIDTH), r.getId(),
                r.getTenantId(), r.getVersion()) > 0;
    }

    @Override
    public Optional<WakeupFailures> wakeupFailures(long tenantId, long instanceId) {
        return jdbc.query(WAKEUP_FAILURES, (rs, n) -> new WakeupFailures(rs.getInt("wake_attempts"),
                rs.getString("last_error")), instanceId, tenantId).stream().findFirst();
    }

    /** Served by the unique entry key's (journey_id, contact_id) prefix. */
    @Override
    public Optional<Instant> lastEntered(long journeyId, long contactId) {
        Long millis = jdbc.queryForObject("SELECT MAX(entered_at) FROM journey_instance WHERE journey_id = ?"
                + " AND contact_id = ?", Long.class, journeyId, contactId);
        return Optional.ofNullable(millis).map(Instant::ofEpochMilli);
    }

    private void bindUpdate(JdbcBatch.Parameters p, JourneyInstanceRow r) throws SQLException {
        p.add(r.getStatus()).add(r.getCurrentNode()).add(r.getSeq()).add(r.getWakeAt()).add(r.getEntryKey())
                .add(r.getEndedAt()).add(r.getEndReason()).add(r.getContextJson()).add(r.getUpdatedAt())
                .add(r.getId()).add(r.getTenantId()).add(r.getVersion());
    }

    private JourneyInstanceRow toRow(JourneyInstance instance) {
        JourneyInstanceRow row = new JourneyInstanceRow();
        row.setId(instance.id());
        row.setTenantId(instance.tenantId());
        row.setJourneyId(instance.journeyId());
        row.setJourneyVersion(instance.journeyVersion());
        row.setContactId(instance.contactId());
        row.setEntryKey(instance.entryKey());
        row.setTriggerEventId(instance.triggerEventId());
        row.setStatus(instance.status().name());
        row.setCurrentNode(instance.currentNode());
        row.setSeq(instance.seq());
        row.setWakeAt(millis(instance.wakeAt()));
        row.setEnteredAt(millis(instance.enteredAt()));
        row.setUpdatedAt(millis(instance.updatedAt()));
        row.setEndedAt(millis(instance.endedAt()));
        row.setEndReason(instance.endReason());
        row.setVersion(instance.version());
        row.setContextJson(json.writeOrNull(instance.context()));
        return row;
    }

    private JourneyInstance instance(ResultSet rs, int rowNum) throws SQLException {
        return new JourneyInstance(rs.getLong("id"), rs.getLong("tenant_id"), rs.getLong("journey_id"),
                rs.getInt("journey_version"), rs.getLong("contact_id"), rs.getString("entry_key"),
                rs.getLong("trigger_event_id"), InstanceStatus.valueOf(rs.getString("status")),
                rs.getString("current_node"), rs.getInt("seq"), instant(rs.getObject("wake_at", Long.class)),
                instant(rs.getLong("entered_at")), instant(rs.getLong("updated_at")),
                instant(rs.getObject("ended_at", Long.class)), rs.getString("end_reason"), rs.getInt("version"),
                json.read(rs.getString("context_json")));
    }

    private JourneyInstance toInstance(JourneyInstanceRow row) {
        return new JourneyInstance(row.getId(), row.getTenantId(), row.getJourneyId(), row.getJourneyVersion(),
                row.getContactId(), row.getEntryKey(), row.getTriggerEventId(), InstanceStatus.valueOf(row.getStatus()),
                row.getCurrentNode(), row.getSeq(), instant(row.getWakeAt()), instant(row.getEnteredAt()),
                instant(row.getUpdatedAt()), instant(row.getEndedAt()), row.getEndReason(), row.getVersion(),
                json.read(row.getContextJson()));
    }
}
