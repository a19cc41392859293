package org.wayfarer.journey.infra.mybatis;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.wayfarer.journey.segment.SegmentEvaluation;
import org.wayfarer.journey.segment.SegmentFilter;
import tools.jackson.databind.ObjectMapper;

/**
 * {@link SegmentEvaluation} as SQL on the {@code contact}, {@code contact_tag} and {@code contact_event} tables
 * ({@link SegmentSql}, docs/adr/0010). A filter without attribute conditions is decided by the database: a page is one
 * keyset query ({@code id > ? ORDER BY id LIMIT n}) and a count one {@code COUNT(*)}. A filter with attribute
 * conditions is scanned in keyset batches of {@value #SCAN_BATCH} candidate rows (those passing its SQL pre-filter);
 * each row's {@code attributes_json} is parsed, lazily, only when the filter asks about an attribute. Memory per
 * call is one batch, whatever the number of contacts. Thread-safe; joins the caller's transaction. Public only for the
 * Spring wiring: depend on the port.
 */
public final class JdbcSegmentEvaluation implements SegmentEvaluation {

    /** Candidate rows one statement of a scan reads. */
    static final int SCAN_BATCH = 1000;

    private final JdbcTemplate jdbc;
    private final JsonColumns json;
    private volatile Boolean pointRange;

    public JdbcSegmentEvaluation(JdbcTemplate jdbc, ObjectMapper objectMapper) {
        this.jdbc = jdbc;
        this.json = new JsonColumns(objectMapper);
    }

    @Override
    public List<Long> page(long tenantId, SegmentFilter filter, Instant now, long afterContactId, int limit) {
        Columns.positive(limit);
        SegmentSql plan = SegmentSql.plan(filter, now, pointRange());
        if (plan.exact()) {
            SegmentSql.Fragment sql = plan.scan(tenantId, afterContactId, limit);
            return jdbc.queryForList(sql.sql(), Long.class, sql.params());
        }
        List<Long> matched = new ArrayList<>();
        long cursor = afterContactId;
        while (true) {
            Batch batch = scan(plan, tenantId, cursor);
            for (long id : batch.matched()) {
                matched.add(id);
                if (matched.size() == limit) {
                    return matched;
                }
            }
            if (batch.read() < SCAN_BATCH) {
                return matched;
            }
            cursor = batch.lastId();
        }
    }

    @Override
    public long count(long tenantId, SegmentFilter filter, Instant now) {
        SegmentSql plan = SegmentSql.plan(filter, now, pointRange());
        if (plan.exact()) {
            SegmentSql.Fragment sql = plan.count(tenantId);
            Long count = jdbc.queryForObject(sql.sql(), Long.class, sql.params());
            return count == null ? 0 : count;
        }
        long count = 0;
        long cursor = 0;
        while (true) {
            Batch batch = scan(plan, tenantId, cursor);
            count += batch.matched().size();
            if (batch.read() < SCAN_BATCH) {
                return count;
            }
            cursor = batch.lastId();
        }
    }

    /** Whether the database is MySQL/MariaDB, whose keyset scans need the tenant as a range ({@link SegmentSql}). */
    private boolean pointRange() {
        Boolean known = pointRange;
        if (known == null) {
            String product = jdbc.execute((ConnectionCallback<String>) c -> c.getMetaData().getDatabaseProductName());
            String name = product == null ? "" : product.toLowerCase(Locale.ROOT);
            known = name.contains("mariadb") || name.contains("mysql");
            pointRange = known;
        }
        return known;
    }

    /** One statement's candidates: how many rows it read, the last one's id, and which matched. */
    private record Batch(int read, long lastId, List<Long> matched) {
    }

    private Batch scan(SegmentSql plan, long tenantId, long afterContactId) {
        SegmentSql.Fragment sql = plan.scan(tenantId, afterContactId, SCAN_BATCH);
        List<SegmentFilter> selected = plan.selected();
        List<Long> matched = new ArrayList<>();
        long[] last = {afterContactId};
        int[] read = {0};
        jdbc.query(sql.sql(), rs -> {
            long id = rs.getLong(1);
            String attributes = rs.getString(2);
            Map<SegmentFilter, Boolean> columns = new HashMap<>();
            for (int i = 0; i < selected.size(); i++) {
                columns.put(selected.get(i), rs.getInt(3 + i) == 1);
            }
            if (plan.filter().test(new Row(attributes, columns, plan))) {
                matched.add(id);
            }
            last[0] = id;
            read[0]++;
        }, sql.params());
        return new Batch(read[0], last[0], matched);
    }

    /** One candidate row as the filter sees it; the attributes are parsed on first use. */
    private final class Row implements SegmentFilter.Subject {
        private final String attributesJson;
        private final Map<SegmentFilter, Boolean> columns;
        private final SegmentSql plan;
        private Map<String, Object> attributes;

        Row(String attributesJson, Map<SegmentFilter, Boolean> columns, SegmentSql plan) {
            this.attributesJson = attributesJson;
            this.columns = columns;
            this.plan = plan;
        }

        @Override
        public Map<String, Object> attributes() {
            if (attributes == null) {
                attributes = json.read(attributesJson);
            }
            return attributes;
        }

        @Override
        public boolean holds(SegmentFilter condition) {
            if (plan.implied(condition)) {
                return true;
            }
            Boolean value = columns.get(condition);
            if (value == null) {
                throw new IllegalStateException("the plan selected no column for " + condition);
            }
            return value;
        }
    }
}
