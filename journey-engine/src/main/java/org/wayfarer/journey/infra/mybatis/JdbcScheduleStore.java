package org.wayfarer.journey.infra.mybatis;

import static org.wayfarer.journey.infra.mybatis.Columns.instant;
import static org.wayfarer.journey.infra.mybatis.Columns.millis;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.wayfarer.journey.schedule.ScheduleState;
import org.wayfarer.journey.schedule.ScheduleStore;

/**
 * {@link ScheduleStore} on the {@code journey_schedule} table and, for the bulk entries, {@code journey_instance}:
 * multi-row {@code INSERT IGNORE} statements, so an entry whose unique (journey, contact, entry key) is taken is skipped by
 * the database itself (MySQL/MariaDB and H2 in MySQL mode alike), and the per-row counts say how many went in.
 * Claims are conditional updates of the candidates a due read found, as the timer claims are. Thread-safe; joins the
 * caller's transaction. Public only for the Spring wiring: depend on the port.
 */
public final class JdbcScheduleStore implements ScheduleStore {

    private static final String COLUMNS = "journey_id, tenant_id, journey_version, due_at, fire_at, fire_to,"
            + " fire_event_id, cursor_id, entered, skipped, last_fire_at, lease_owner, lease_until, updated_at, version";
    private static final String INSERT = "INSERT INTO journey_schedule (" + COLUMNS
            + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String UPDATE = """
            UPDATE journey_schedule
               SET journey_version = ?, due_at = ?, fire_at = ?, fire_to = ?, fire_event_id = ?, cursor_id = ?,
                   entered = ?, skipped = ?, last_fire_at = ?, lease_owner = ?, lease_until = ?, updated_at = ?,
                   version = version + 1
             WHERE journey_id = ? AND version = ?
            """;
    private static final String DUE = "SELECT journey_id, version FROM journey_schedule WHERE due_at <= ?"
            + " AND (lease_until IS NULL OR lease_until < ?) ORDER BY due_at LIMIT ?";
    private static final String LEASE = "UPDATE journey_schedule SET lease_owner = ?, lease_until = ?,"
            + " version = version + 1 WHERE journey_id = ? AND version = ? AND due_at <= ?"
            + " AND (lease_until IS NULL OR lease_until < ?)";
    private static final String ENTER = "INSERT IGNORE INTO journey_instance (id, tenant_id, journey_id,"
            + " journey_version, contact_id, entry_key, trigger_event_id, status, current_node, seq, wake_at,"
            + " entered_at, updated_at, version) VALUES ";
    private static final String ENTER_ROW = "(?, ?, ?, ?, ?, ?, ?, 'WAITING', ?, 0, ?, ?, ?, 0)";
    /**
     * Rows per multi-row INSERT: one statement's update count is the rows it inserted, on every database (a JDBC
     * batch may answer "no information" per statement); fixed, so each size is one prepared statement text.
     */
    static final int ENTER_ROWS = 250;

    private final JdbcTemplate jdbc;

    public JdbcScheduleStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<ScheduleState> all() {
        return jdbc.query("SELECT " + COLUMNS + " FROM journey_schedule ORDER BY journey_id", JdbcScheduleStore::state);
    }

    @Override
    public boolean insert(ScheduleState s) {
        try {
            jdbc.update(INSERT, s.journeyId(), s.tenantId(), s.journeyVersion(), millis(s.dueAt()), millis(s.fireAt()),
                    millis(s.fireTo()), s.fireEventId(), s.cursor(), s.entered(), s.skipped(), millis(s.lastFireAt()),
                    s.leaseOwner(), millis(s.leaseUntil()), millis(s.updatedAt()), s.version());
            return true;
        } catch (DuplicateKeyException e) {
            return false;
        }
    }

    @Override
    public boolean update(ScheduleState s) {
        return jdbc.update(UPDATE, s.journeyVersion(), millis(s.dueAt()), millis(s.fireAt()), millis(s.fireTo()),
                s.fireEventId(), s.cursor(), s.entered(), s.skipped(), millis(s.lastFireAt()), s.leaseOwner(),
                millis(s.leaseUntil()), millis(s.updatedAt()), s.journeyId(), s.version()) == 1;
    }

    @Override
    public boolean delete(long journeyId, int version) {
        return jdbc.update("DELETE FROM journey_schedule WHERE journey_id = ? AND version = ?", journeyId,
                version) == 1;
    }

    @Override
    public List<ScheduleState> claimDue(Instant now, int limit, String owner, Instant leaseUntil) {
        long at = now.toEpochMilli();
        List<long[]> candidates = jdbc.query(DUE, (rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)}, at, at,
                Columns.positive(limit));
        List<Long> claimed = new ArrayList<>();
        for (long[] candidate : candidates) {
            if (jdbc.update(LEASE, owner, leaseUntil.toEpochMilli(), candidate[0], candidate[1], at, at) == 1) {
                claimed.add(candidate[0]);
            }
        }
        if (claimed.isEmpty()) {
            return List.of();
        }
        return jdbc.query("SELECT " + COLUMNS + " FROM journey_schedule WHERE journey_id IN ("
                + Columns.placeholders(claimed.size()) + ") ORDER BY due_at, journey_id", JdbcScheduleStore::state,
                claimed.toArray());
    }

    @Override
    public int enter(EntryBatch batch, List<Entry> entries) {
        long enteredAt = batch.enteredAt().toEpochMilli();
        int[] inserted = {0};
        Columns.inChunks(entries, ENTER_ROWS, chunk -> inserted[0] += jdbc.update(
                ENTER + String.join(", ", java.util.Collections.nCopies(chunk.size(), ENTER_ROW)), ps -> {
                    int i = 0;
                    for (Entry e : chunk) {
                        ps.setLong(++i, e.instanceId());
                        ps.setLong(++i, batch.tenantId());
                        ps.setLong(++i, batch.journeyId());
                        ps.setInt(++i, batch.journeyVersion());
                        ps.setLong(++i, e.contactId());
                        ps.setString(++i, batch.entryKey());
                        ps.setLong(++i, batch.triggerEventId());
                        ps.setString(++i, batch.startNode());
                        ps.setLong(++i, e.wakeAt().toEpochMilli());
                        ps.setLong(++i, enteredAt);
                        ps.setLong(++i, enteredAt);
                    }
                }));
        return inserted[0];
    }

    private static ScheduleState state(ResultSet rs, int row) throws SQLException {
        return new ScheduleState(rs.getLong("journey_id"), rs.getLong("tenant_id"), rs.getInt("journey_version"),
                instant(rs.getObject("due_at", Long.class)), instant(rs.getObject("fire_at", Long.class)),
                instant(rs.getObject("fire_to", Long.class)), rs.getObject("fire_event_id", Long.class),
                rs.getLong("cursor_id"), rs.getLong("entered"), rs.getLong("skipped"),
                instant(rs.getObject("last_fire_at", Long.class)), rs.getString("lease_owner"),
                instant(rs.getObject("lease_until", Long.class)), instant(rs.getLong("updated_at")),
                rs.getInt("version"));
    }
}
