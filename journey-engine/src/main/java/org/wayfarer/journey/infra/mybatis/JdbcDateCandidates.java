package org.wayfarer.journey.infra.mybatis;

import java.time.MonthDay;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.wayfarer.journey.schedule.DateCandidates;
import tools.jackson.databind.ObjectMapper;

/**
 * {@link DateCandidates} on the {@code contact} table: a keyset scan of the tenant index (tenant_id, id) with
 * {@code LIKE} pre-filters on {@code attributes_json}: the attribute's name in quotes, and any of the month-days as
 * {@code -MM-dd}. The text patterns are only a pre-filter (a {@code _} in a name matches any character, a month-day
 * may occur in another attribute): the sweep parses each row's attributes and decides. On MySQL/MariaDB the tenant is
 * a one-point range, for the reason {@code SegmentSql} gives. Thread-safe; joins the caller's transaction. Public only
 * for the Spring wiring: depend on the port.
 */
public final class JdbcDateCandidates implements DateCandidates {

    private static final int IDS_PER_STATEMENT = 500;

    private final JdbcTemplate jdbc;
    private final JsonColumns json;
    private volatile Boolean pointRange;

    public JdbcDateCandidates(JdbcTemplate jdbc, ObjectMapper objectMapper) {
        this.jdbc = jdbc;
        this.json = new JsonColumns(objectMapper);
    }

    @Override
    public List<Candidate> scan(long tenantId, String attribute, Collection<MonthDay> monthDays, long afterContactId,
                                int limit) {
        StringBuilder sql = new StringBuilder("SELECT id, attributes_json FROM contact WHERE ");
        List<Object> params = new ArrayList<>();
        if (pointRange()) {
            sql.append("tenant_id >= ? AND tenant_id <= ?");
            params.add(tenantId);
        } else {
            sql.append("tenant_id = ?");
        }
        params.add(tenantId);
        sql.append(" AND id > ? AND attributes_json LIKE ?");
        params.add(afterContactId);
        params.add("%\"" + attribute + "\"%");
        if (monthDays != null && !monthDays.isEmpty()) {
            sql.append(" AND (");
            int i = 0;
            for (MonthDay day : monthDays) {
                sql.append(i++ == 0 ? "" : " OR ").append("attributes_json LIKE ?");
                params.add(String.format(Locale.ROOT, "%%-%02d-%02d%%", day.getMonthValue(), day.getDayOfMonth()));
            }
            sql.append(")");
        }
        sql.append(" ORDER BY tenant_id, id LIMIT ").append(Columns.positive(limit));
        return jdbc.query(sql.toString(), (rs, n) -> new Candidate(rs.getLong(1), json.read(rs.getString(2))),
                params.toArray());
    }

    @Override
    public List<Candidate> of(long tenantId, Collection<Long> contactIds) {
        List<Candidate> found = new ArrayList<>();
        Columns.inChunks(List.copyOf(contactIds), IDS_PER_STATEMENT, chunk -> {
            List<Object> params = new ArrayList<>(chunk);
            params.add(0, tenantId);
            found.addAll(jdbc.query("SELECT id, attributes_json FROM contact WHERE tenant_id = ? AND id IN ("
                    + Columns.placeholders(chunk.size()) + ") ORDER BY id",
                    (rs, n) -> new Candidate(rs.getLong(1), json.read(rs.getString(2))), params.toArray()));
        });
        return found;
    }

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
}
