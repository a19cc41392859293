package org.wayfarer.journey.infra.mybatis;

import static org.wayfarer.journey.infra.mybatis.Columns.millis;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.wayfarer.journey.runtime.InstanceStore.HeldTimer;
import org.wayfarer.journey.runtime.InstanceStore.Migration;
import org.wayfarer.journey.runtime.JourneyInstance;

/**
 * The journey lifecycle's reads and writes of {@code journey_instance} (stop, migrate, held timers), as JDBC on the
 * caller's transaction. Pages are index ranges: {@code (journey_id, status, id)} for one status in id order, and
 * {@code (journey_id, held_wake_at, id)} for the held timers, earliest first; each {@code ORDER BY} spells out its
 * index's columns, which H2 needs to use the index's order (see {@link TimerClaims}). Every write is one conditional
 * UPDATE per row in a JDBC batch, in id order, whose counts say which rows it took.
 */
final class InstanceSweeps {

    private static final String COLUMNS = "SELECT id, tenant_id, journey_id, journey_version, contact_id, entry_key,"
            + " trigger_event_id, status, current_node, seq, wake_at, entered_at, updated_at, ended_at, end_reason,"
            + " version, context_json";
    private static final String BY_STATUS = COLUMNS + " FROM journey_instance WHERE journey_id = ? AND status = ?"
            + " AND id > ? AND tenant_id = ?";
    private static final String BY_STATUS_ORDER = " ORDER BY journey_id, status, id LIMIT ?";
    private static final String HELD = COLUMNS + ", held_wake_at FROM journey_instance"
            + " WHERE journey_id = ? AND held_wake_at IS NOT NULL AND tenant_id = ?"
            + " ORDER BY journey_id, held_wake_at, id LIMIT ?";
    private static final String MIGRATE = """
            UPDATE journey_instance SET journey_version = ?, current_node = ?, updated_at = ?, version = version + 1
             WHERE id = ? AND tenant_id = ? AND version = ? AND status = 'WAITING' AND journey_version = ?
               AND current_node = ?
            """;
    private static final String HOLD = """
            UPDATE journey_instance
               SET held_wake_at = wake_at, wake_at = NULL, lease_owner = NULL, lease_until = NULL, version = version + 1
             WHERE id = ? AND tenant_id = ? AND version = ? AND status = 'WAITING' AND wake_at IS NOT NULL
            """;
    private static final String RELEASE = """
            UPDATE journey_instance
               SET wake_at = held_wake_at, held_wake_at = NULL, updated_at = ?, version = version + 1
             WHERE id = ? AND tenant_id = ? AND version = ? AND held_wake_at IS NOT NULL
            """;
    private static final int NODES_PER_STATEMENT = 500;

    private final JdbcTemplate jdbc;
    private final RowMapper<JourneyInstance> instances;

    InstanceSweeps(JdbcTemplate jdbc, RowMapper<JourneyInstance> instances) {
        this.jdbc = jdbc;
        this.instances = instances;
    }

    /** One range per live status, merged: the first {@code limit} ids above {@code afterId} of either. */
    List<JourneyInstance> livePage(long tenantId, long journeyId, long afterId, int limit) {
        List<JourneyInstance> live = new ArrayList<>();
        for (String status : List.of("WAITING", "ACTIVE")) {
            live.addAll(jdbc.query(BY_STATUS + BY_STATUS_ORDER, instances, journeyId, status, afterId, tenantId,
                    limit));
        }
        live.sort(Comparator.comparingLong(JourneyInstance::id));
        return live.size() <= limit ? live : List.copyOf(live.subList(0, limit));
    }

    List<JourneyInstance> waitingAt(long tenantId, long journeyId, int belowVersion, Collection<String> nodes,
                                    long afterId, int limit) {
        if (nodes.isEmpty()) {
            return List.of();
        }
        if (nodes.size() > NODES_PER_STATEMENT) {
            throw new IllegalArgumentException("at most " + NODES_PER_STATEMENT + " nodes per page, not "
                    + nodes.size());
        }
        List<Object> args = new ArrayList<>(List.of(journeyId, "WAITING", afterId, tenantId, belowVersion));
        args.addAll(nodes);
        args.add(limit);
        return jdbc.query(BY_STATUS + " AND journey_version < ? AND current_node IN ("
                + Columns.placeholders(nodes.size()) + ")" + BY_STATUS_ORDER, instances, args.toArray());
    }

    Set<Long> migrate(List<Migration> migrations) {
        List<Migration> rows = migrations.stream().sorted(Comparator.comparingLong(m -> m.instance().id())).toList();
        boolean[] moved = JdbcBatch.update(jdbc, MIGRATE, rows, (p, m) -> p.add(m.toVersion()).add(m.toNode())
                .add(m.at().toEpochMilli()).add(m.instance().id()).add(m.instance().tenantId())
                .add(m.instance().version()).add(m.instance().journeyVersion()).add(m.instance().currentNode()));
        return taken(moved, rows.stream().map(m -> m.instance().id()).toList());
    }

    boolean hold(JourneyInstance instance) {
        return jdbc.update(HOLD, instance.id(), instance.tenantId(), instance.version()) > 0;
    }

    List<HeldTimer> held(long tenantId, long journeyId, int limit) {
        return jdbc.query(HELD, (rs, n) -> new HeldTimer(instances.mapRow(rs, n),
                Instant.ofEpochMilli(rs.getLong("held_wake_at"))), journeyId, tenantId, limit);
    }

    Set<Long> release(List<JourneyInstance> released) {
        List<JourneyInstance> rows = released.stream().sorted(Comparator.comparingLong(JourneyInstance::id)).toList();
        boolean[] done = JdbcBatch.update(jdbc, RELEASE, rows, (p, i) -> p.add(millis(i.updatedAt())).add(i.id())
                .add(i.tenantId()).add(i.version()));
        return taken(done, rows.stream().map(JourneyInstance::id).toList());
    }

    private static Set<Long> taken(boolean[] changed, List<Long> ids) {
        Set<Long> taken = new TreeSet<>();
        for (int i = 0; i < changed.length; i++) {
            if (changed[i]) {
                taken.add(ids.get(i));
            }
        }
        return taken;
    }
}
