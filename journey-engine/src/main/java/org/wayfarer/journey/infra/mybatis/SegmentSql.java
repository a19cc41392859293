package org.wayfarer.journey.infra.mybatis;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.wayfarer.journey.segment.SegmentFilter;

/**
 * Compiles a {@link SegmentFilter} to SQL for MySQL/MariaDB and H2 in MySQL mode (docs/adr/0010): the same text on
 * both, except that keyset scans name the tenant as a one-point range on MySQL/MariaDB ({@link #from}). Tags become
 * probes of {@code contact_tag}'s primary key (contact_id, tag); events probes or a {@code COUNT(*)} over
 * {@code contact_event}'s index (contact_id, event_type, occurred_at), the window's ends bound as parameters from the
 * caller's clock. Keyset scans probe each candidate ({@code (SELECT 1 ... LIMIT 1) IS [NOT] NULL}), counts use
 * {@code [NOT] EXISTS} ({@link #full}).
 *
 * <p>Attribute conditions have no portable SQL form. A filter with any is compiled to a pre-filter that every match
 * passes (the tag and event conditions reached from the root through {@code all} groups only: they are
 * <em>implied</em> for every row read), and the filter is decided in Java per row, with the values of its other tag
 * and event conditions read as columns of the same statement.
 *
 * <p>A root {@code all} with a tag condition is driven from the tag index (tenant_id, tag, contact_id), so a segment
 * of a rare tag reads that tag's rows, not all the tenant's contacts. Immutable once built; thread-safe.
 */
final class SegmentSql {

    private final SegmentFilter filter;
    private final boolean exact;
    private final String drivingTag;
    /** The filter's SQL in keyset scans (probes) and in counts (EXISTS); null when it has none. */
    private final Fragment scanWhere;
    private final Fragment countWhere;
    private final List<SegmentFilter> selected = new ArrayList<>();
    private final List<Fragment> selectedSql = new ArrayList<>();
    private final Set<SegmentFilter> implied = new LinkedHashSet<>();
    private final Instant now;
    private final boolean pointRange;
    private int aliases;

    private SegmentSql(SegmentFilter filter, Instant now, boolean pointRange) {
        this.filter = filter;
        this.now = now;
        this.pointRange = pointRange;
        SegmentFilter rest = filter;
        String driving = null;
        if (filter instanceof SegmentFilter.All all) {
            List<SegmentFilter> others = new ArrayList<>(all.conditions());
            for (SegmentFilter condition : all.conditions()) {
                if (condition instanceof SegmentFilter.Tag tag) {
                    driving = tag.tag();
                    others.remove(condition);
                    break;
                }
            }
            rest = new SegmentFilter.All(others);
        }
        this.drivingTag = driving;
        this.exact = !hasAttribute(rest);
        if (exact) {
            this.scanWhere = isEmpty(rest) ? null : full(rest, true);
            this.countWhere = isEmpty(rest) ? null : full(rest, false);
        } else {
            this.scanWhere = prefilter(rest);
            this.countWhere = null;
            collectImplied(filter);
            collectSelected(filter);
        }
    }

    /**
     * The plan of {@code filter} with event windows ending at {@code now}.
     *
     * @param pointRange whether keyset scans name the tenant as a one-point range (MySQL/MariaDB; see {@link #from})
     */
    static SegmentSql plan(SegmentFilter filter, Instant now, boolean pointRange) {
        return new SegmentSql(filter, now, pointRange);
    }

    SegmentFilter filter() {
        return filter;
    }

    /** Whether the SQL decides the whole filter (no attribute conditions): rows read are matches. */
    boolean exact() {
        return exact;
    }

    /** The tag and event conditions whose values a scan reads as columns {@code p0, p1, ...}, in order. */
    List<SegmentFilter> selected() {
        return List.copyOf(selected);
    }

    /** Conditions that hold for every row a scan reads. */
    boolean implied(SegmentFilter condition) {
        return implied.contains(condition);
    }

    /**
     * The tenant's (candidate) contacts with ids above {@code afterContactId}, in id order, at most {@code limit}:
     * {@code id}, and for an inexact plan {@code attributes_json} and the selected conditions as 0/1 columns.
     */
    Fragment scan(long tenantId, long afterContactId, int limit) {
        Fragment sql = new Fragment().append(exact ? "SELECT c.id" : "SELECT c.id, c.attributes_json");
        for (int i = 0; i < selectedSql.size(); i++) {
            sql.append(", CASE WHEN ").append(selectedSql.get(i)).append(" THEN 1 ELSE 0 END AS p" + i);
        }
        from(sql, tenantId, afterContactId, scanWhere);
        // the ORDER BY spells out the index's columns, so H2 reads the range in index order and stops at the limit
        sql.append(drivingTag == null ? " ORDER BY c.tenant_id, c.id" : " ORDER BY d.tenant_id, d.tag, d.contact_id");
        return sql.append(" LIMIT " + Columns.positive(limit));
    }

    /** How many of the tenant's contacts match; for an {@link #exact} plan only. */
    Fragment count(long tenantId) {
        if (!exact) {
            throw new IllegalStateException("a filter with attribute conditions is counted by scanning");
        }
        Fragment sql = new Fragment().append("SELECT COUNT(*)");
        from(sql, tenantId, null, countWhere);
        return sql;
    }

    /**
     * On MySQL/MariaDB ({@link #pointRange}) a keyset scan names the tenant as the one-point range
     * {@code tenant_id >= ? AND tenant_id <= ?}: with {@code tenant_id = ?} MariaDB 10.11 prefers "ref" access on the
     * tenant alone and reads the index from the tenant's first entry for every batch, filtering {@code id > ?} entry
     * by entry (a batch from the middle of 200,000 contacts: 11-27 ms, against 0.9 ms as a range on both columns;
     * {@code ANALYZE FORMAT=JSON}). H2 is given the equality: with the range its planner may take the primary key
     * ({@code id > ?}) and sort what follows the cursor.
     */
    private void from(Fragment sql, long tenantId, Long afterContactId, Fragment where) {
        boolean keyset = afterContactId != null;
        if (drivingTag == null) {
            sql.append(" FROM contact c WHERE ");
            tenant(sql, "c.tenant_id", tenantId, keyset);
            if (keyset) {
                sql.append(" AND c.id > ?", afterContactId);
            }
        } else {
            sql.append(" FROM contact_tag d JOIN contact c ON c.id = d.contact_id WHERE ");
            tenant(sql, "d.tenant_id", tenantId, keyset);
            sql.append(" AND d.tag = ?", drivingTag);
            if (keyset) {
                sql.append(" AND d.contact_id > ?", afterContactId);
            }
            // no "c.tenant_id = ?": a tag row carries its contact's tenant, and with that condition MariaDB may
            // start from the tenant's contacts and sort them (a temporary table and a filesort per batch)
        }
        if (where != null) {
            sql.append(" AND ").append(where);
        }
    }

    private void tenant(Fragment sql, String column, long tenantId, boolean keyset) {
        if (keyset && pointRange) {
            sql.append(column + " >= ?", tenantId).append(" AND " + column + " <= ?", tenantId);
        } else {
            sql.append(column + " = ?", tenantId);
        }
    }

    private static boolean hasAttribute(SegmentFilter node) {
        if (node instanceof SegmentFilter.All all) {
            return all.conditions().stream().anyMatch(SegmentSql::hasAttribute);
        }
        if (node instanceof SegmentFilter.Any any) {
            return any.conditions().stream().anyMatch(SegmentSql::hasAttribute);
        }
        return node instanceof SegmentFilter.Attribute;
    }

    private static boolean isEmpty(SegmentFilter node) {
        return node instanceof SegmentFilter.All all && all.conditions().isEmpty();
    }

    /**
     * The whole condition as SQL; the node holds no attribute condition. With {@code probes}, "has a row" is the
     * scalar probe {@code (SELECT 1 ... LIMIT 1) IS NOT NULL} rather than {@code EXISTS (...)}: MariaDB turns a
     * top-level {@code EXISTS} into a semi-join that materialises every matching row of the whole subquery for each
     * statement (a keyset page of "ordered in the last 30 days" over 200,000 contacts: 205 ms, against 4-6 ms probing
     * each candidate), which suits a count (222 ms against 404-461 ms probing) but not a page.
     */
    private Fragment full(SegmentFilter node, boolean probes) {
        if (node instanceof SegmentFilter.All all) {
            return join(all.conditions().stream().map(c -> full(c, probes)).toList(), " AND ");
        }
        if (node instanceof SegmentFilter.Any any) {
            return join(any.conditions().stream().map(c -> full(c, probes)).toList(), " OR ");
        }
        if (node instanceof SegmentFilter.Tag tag) {
            return tag(tag.tag(), false, probes);
        }
        if (node instanceof SegmentFilter.NotTag notTag) {
            return tag(notTag.tag(), true, probes);
        }
        if (node instanceof SegmentFilter.Event event) {
            return event(event, probes);
        }
        throw new IllegalArgumentException("an attribute condition has no SQL form: " + node);
    }

    /** SQL every match satisfies, or null for none (the node may hold attribute conditions). */
    private Fragment prefilter(SegmentFilter node) {
        if (node instanceof SegmentFilter.Attribute) {
            return null;
        }
        if (node instanceof SegmentFilter.All all) {
            List<Fragment> parts = new ArrayList<>();
            for (SegmentFilter condition : all.conditions()) {
                Fragment part = prefilter(condition);
                if (part != null) {
                    parts.add(part);
                }
            }
            return parts.isEmpty() ? null : join(parts, " AND ");
        }
        if (node instanceof SegmentFilter.Any any) {
            List<Fragment> parts = new ArrayList<>();
            for (SegmentFilter condition : any.conditions()) {
                Fragment part = prefilter(condition);
                if (part == null) {
                    return null;
                }
                parts.add(part);
            }
            return join(parts, " OR ");
        }
        return full(node, true);
    }

    /** The tag and event conditions on a path of {@code all} groups from the root: the pre-filter enforces them. */
    private void collectImplied(SegmentFilter node) {
        if (node instanceof SegmentFilter.All all) {
            all.conditions().forEach(this::collectImplied);
        } else if (!(node instanceof SegmentFilter.Any) && !(node instanceof SegmentFilter.Attribute)) {
            implied.add(node);
        }
    }

    private void collectSelected(SegmentFilter node) {
        if (node instanceof SegmentFilter.All all) {
            all.conditions().forEach(this::collectSelected);
        } else if (node instanceof SegmentFilter.Any any) {
            any.conditions().forEach(this::collectSelected);
        } else if (!(node instanceof SegmentFilter.Attribute) && !implied.contains(node)
                && !selected.contains(node)) {
            selected.add(node);
            selectedSql.add(full(node, true));
        }
    }

    private Fragment tag(String tag, boolean negated, boolean probes) {
        String t = "t" + aliases++;
        Fragment rows = new Fragment().append(" FROM contact_tag " + t + " WHERE " + t + ".contact_id = c.id AND "
                + t + ".tag = ?", tag);
        return exists(rows, negated, probes);
    }

    /** Whether the subquery {@code rows} ({@code FROM ... WHERE ...}) has a row, or none when {@code negated}. */
    private static Fragment exists(Fragment rows, boolean negated, boolean probes) {
        if (probes) {
            return new Fragment().append("((SELECT 1").append(rows)
                    .append(negated ? " LIMIT 1) IS NULL)" : " LIMIT 1) IS NOT NULL)");
        }
        return new Fragment().append(negated ? "NOT EXISTS (SELECT 1" : "EXISTS (SELECT 1").append(rows).append(")");
    }

    /** The window is [now - within, now], both ends included. */
    private Fragment event(SegmentFilter.Event event, boolean probes) {
        String e = "e" + aliases++;
        long to = now.toEpochMilli();
        long from = now.minus(event.within()).toEpochMilli();
        Fragment inWindow = new Fragment().append(" FROM contact_event " + e + " WHERE " + e + ".contact_id = c.id")
                .append(" AND " + e + ".event_type = ?", event.type())
                .append(" AND " + e + ".occurred_at >= ?", from)
                .append(" AND " + e + ".occurred_at <= ?", to);
        if (event.min() == 1 && event.max() == null) {
            return exists(inWindow, false, probes);
        }
        if (event.max() != null && event.max() == 0) {
            return exists(inWindow, true, probes);
        }
        Fragment count = new Fragment().append("(SELECT COUNT(*)").append(inWindow).append(")");
        return event.max() == null ? count.append(" >= ?", event.min())
                : count.append(" BETWEEN ?", event.min()).append(" AND ?", event.max());
    }

    private static Fragment join(List<Fragment> parts, String operator) {
        Fragment joined = new Fragment().append("(");
        for (int i = 0; i < parts.size(); i++) {
            joined.append(i == 0 ? "" : operator).append(parts.get(i));
        }
        return joined.append(")");
    }

    /** SQL text with its parameters in order. Not thread-safe while being built. */
    static final class Fragment {
        private final StringBuilder sql = new StringBuilder();
        private final List<Object> params = new ArrayList<>();

        Fragment append(String text) {
            sql.append(text);
            return this;
        }

        Fragment append(String text, Object param) {
            sql.append(text);
            params.add(param);
            return this;
        }

        Fragment append(Fragment other) {
            sql.append(other.sql);
            params.addAll(other.params);
            return this;
        }

        String sql() {
            return sql.toString();
        }

        Object[] params() {
            return params.toArray();
        }

        @Override
        public String toString() {
            return sql.toString();
        }
    }
}
