package org.wayfarer.journey.infra.mybatis;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.wayfarer.journey.runtime.InstanceStore.DueWakeup;

/**
 * Timer claims on {@code journey_instance}, read from the index {@code (status, lease_until, wake_at, id)}: first the
 * timers whose lease has expired (another node's, or this node's before a crash), then the earliest free ones; each
 * candidate is then leased by a conditional UPDATE that re-checks it is still due and free, so two claimers never get
 * the same instance, and the per-row update counts say which ones this claim got (no read-back).
 *
 * <p>The candidates are locked {@code FOR UPDATE SKIP LOCKED} on MySQL/MariaDB only ({@link SkipLocked}), and leased in
 * ascending id order, as every batch of row writes is, so two claimers never lock rows in opposite orders. The
 * {@code ORDER BY} names the index's columns, which the selection fixes but for {@code wake_at, id}: H2 uses an
 * index's order only when the {@code ORDER BY} spells out its leading columns.
 */
final class TimerClaims {

    private static final String COLUMNS =
            "SELECT id, tenant_id, contact_id, wake_at, wake_attempts FROM journey_instance";
    private static final String ORDER = " ORDER BY status, lease_until, wake_at, id LIMIT ?";
    private static final String EXPIRED = COLUMNS
            + " WHERE status = 'WAITING' AND lease_until >= 0 AND lease_until < ? AND wake_at <= ?" + ORDER;
    static final String FREE = COLUMNS
            + " WHERE status = 'WAITING' AND lease_until IS NULL AND wake_at <= ?" + ORDER;
    private static final String LEASE = """
            UPDATE journey_instance SET lease_owner = ?, lease_until = ?
             WHERE id = ? AND status = 'WAITING' AND wake_at <= ? AND (lease_until IS NULL OR lease_until < ?)
            """;
    private static final Comparator<DueWakeup> DUE_ORDER = Comparator.comparing(DueWakeup::wakeAt)
            .thenComparingLong(DueWakeup::instanceId);

    private final JdbcTemplate jdbc;
    private final SkipLocked skipLocked;

    TimerClaims(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.skipLocked = new SkipLocked(jdbc);
    }

    /** In the caller's transaction. Expired leases first (the most overdue), then free timers, earliest first. */
    List<DueWakeup> claim(long dueBy, long now, int limit, String owner, long leaseUntil) {
        List<DueWakeup> candidates = new ArrayList<>(jdbc.query(EXPIRED + skipLocked.clause(), TimerClaims::wakeup,
                now, dueBy, limit));
        if (candidates.size() < limit) {
            candidates.addAll(jdbc.query(FREE + skipLocked.clause(), TimerClaims::wakeup, dueBy,
                    limit - candidates.size()));
        }
        if (candidates.isEmpty()) {
            return List.of();
        }
        candidates.sort(Comparator.comparingLong(DueWakeup::instanceId));
        boolean[] leased = JdbcBatch.update(jdbc, LEASE, candidates, (p, w) -> p.add(owner).add(leaseUntil)
                .add(w.instanceId()).add(dueBy).add(now));
        List<DueWakeup> claimed = new ArrayList<>(candidates.size());
        for (int i = 0; i < leased.length; i++) {
            if (leased[i]) {
                claimed.add(candidates.get(i));
            }
        }
        claimed.sort(DUE_ORDER);
        return claimed;
    }

    private static DueWakeup wakeup(ResultSet rs, int row) throws SQLException {
        return new DueWakeup(rs.getLong("tenant_id"), rs.getLong("id"), rs.getLong("contact_id"),
                Instant.ofEpochMilli(rs.getLong("wake_at")), rs.getInt("wake_attempts"));
    }
}
