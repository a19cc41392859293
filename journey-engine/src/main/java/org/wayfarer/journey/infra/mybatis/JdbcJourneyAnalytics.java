package org.wayfarer.journey.infra.mybatis;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.jdbc.core.JdbcTemplate;
import org.wayfarer.journey.profile.ContactInstances;
import org.wayfarer.journey.stats.JourneyFunnel;
import org.wayfarer.journey.stats.NodeOccupancy;

/**
 * {@link NodeOccupancy} and {@link ContactInstances} on the {@code journey_instance} rows and {@link JourneyFunnel} on
 * the {@code journey_step} rows: plain SQL, each answer one statement (a funnel of n nodes, n statements). Who is at a node and how many wait
 * where read {@code ix_journey_instance_node}; a funnel starts from {@code ix_journey_step_node} and follows each
 * instance through {@code ix_journey_step_instance}. Thread-safe; joins the caller's transaction, if any. Public only
 * for the Spring wiring: depend on the ports.
 */
public final class JdbcJourneyAnalytics implements NodeOccupancy, JourneyFunnel, ContactInstances {

    private static final String LIVE = "status IN ('ACTIVE', 'WAITING')";

    private final JdbcTemplate jdbc;

    public JdbcJourneyAnalytics(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Map<String, Long> liveByNode(long tenantId, long journeyId, Integer version) {
        List<Object> params = new ArrayList<>(List.of(tenantId, journeyId));
        String byVersion = "";
        if (version != null) {
            byVersion = " AND journey_version = ?";
            params.add(version);
        }
        Map<String, Long> counts = new TreeMap<>();
        jdbc.query("SELECT current_node, COUNT(*) FROM journey_instance WHERE tenant_id = ? AND journey_id = ? AND "
                        + LIVE + byVersion + " GROUP BY current_node",
                rs -> {
                    counts.put(rs.getString(1), rs.getLong(2));
                }, params.toArray());
        return Collections.unmodifiableMap(counts);
    }

    @Override
    public List<Occupant> atNode(long tenantId, long journeyId, String nodeId, long afterInstanceId, int limit) {
        return jdbc.query("SELECT id, contact_id, journey_version, status, entered_at, updated_at, wake_at"
                        + " FROM journey_instance WHERE journey_id = ? AND current_node = ? AND " + LIVE
                        + " AND id > ? AND tenant_id = ? ORDER BY id LIMIT " + Columns.positive(limit),
                (rs, row) -> new Occupant(rs.getLong(1), rs.getLong(2), rs.getInt(3), rs.getString(4),
                        Instant.ofEpochMilli(rs.getLong(5)), Instant.ofEpochMilli(rs.getLong(6)),
                        Columns.instant(rs.getObject(7, Long.class))),
                journeyId, nodeId, afterInstanceId, tenantId);
    }

    @Override
    public List<InstanceSummary> forContact(long tenantId, long contactId, int limit) {
        return jdbc.query("SELECT id, journey_id, journey_version, status, current_node, entered_at, updated_at,"
                        + " wake_at, ended_at, end_reason FROM journey_instance WHERE contact_id = ? AND tenant_id = ?"
                        + " ORDER BY entered_at DESC, id DESC LIMIT " + Columns.positive(limit),
                (rs, row) -> new InstanceSummary(rs.getLong(1), rs.getLong(2), rs.getInt(3), rs.getString(4),
                        rs.getString(5), Instant.ofEpochMilli(rs.getLong(6)), Instant.ofEpochMilli(rs.getLong(7)),
                        Columns.instant(rs.getObject(8, Long.class)), Columns.instant(rs.getObject(9, Long.class)),
                        rs.getString(10)),
                contactId, tenantId);
    }

    /**
     * The k-th count joins the first node's steps to k - 1 later steps of the same instance, each at a higher
     * {@code seq} (the instance's step counter: one per node entered) than the one before.
     */
    @Override
    public List<Long> reached(long tenantId, long journeyId, Integer version, List<String> nodes, Instant from,
                              Instant to) {
        List<Long> counts = new ArrayList<>(nodes.size());
        for (int k = 1; k <= nodes.size(); k++) {
            StringBuilder sql = new StringBuilder("SELECT COUNT(DISTINCT s0.contact_id) FROM journey_step s0");
            List<Object> params = new ArrayList<>();
            for (int i = 1; i < k; i++) {
                sql.append(" JOIN journey_step s").append(i).append(" ON s").append(i).append(".instance_id = s")
                        .append(i - 1).append(".instance_id AND s").append(i).append(".seq > s").append(i - 1)
                        .append(".seq AND s").append(i).append(".node_id = ?");
                params.add(nodes.get(i));
            }
            sql.append(" WHERE s0.journey_id = ? AND s0.node_id = ? AND s0.seq > 0 AND s0.tenant_id = ?");
            params.addAll(List.of(journeyId, nodes.get(0), tenantId));
            if (version != null) {
                sql.append(" AND s0.journey_version = ?");
                params.add(version);
            }
            if (from != null) {
                sql.append(" AND s0.at >= ?");
                params.add(from.toEpochMilli());
            }
            if (to != null) {
                sql.append(" AND s0.at < ?");
                params.add(to.toEpochMilli());
            }
            counts.add(jdbc.queryForObject(sql.toString(), Long.class, params.toArray()));
        }
        return List.copyOf(counts);
    }
}
