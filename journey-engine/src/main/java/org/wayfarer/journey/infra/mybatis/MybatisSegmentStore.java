package org.wayfarer.journey.infra.mybatis;

import static org.wayfarer.journey.infra.mybatis.Columns.instant;
import static org.wayfarer.journey.infra.mybatis.Columns.millis;

import com.baomidou.mybatisplus.core.toolkit.Wrappers;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.wayfarer.journey.segment.Segment;
import org.wayfarer.journey.segment.SegmentFilterJson;
import org.wayfarer.journey.segment.SegmentKeyTakenException;
import org.wayfarer.journey.segment.SegmentStore;

/**
 * {@link SegmentStore} on the {@code segment} table (MyBatis-Plus, a cold path) and {@code segment_member} (JDBC
 * batches: a refresh writes up to a page of changes at once). Filters are stored as their canonical JSON.
 * Thread-safe; joins the caller's transaction. Public only for the Spring wiring: depend on the port.
 */
public final class MybatisSegmentStore implements SegmentStore {

    private static final String KEY_CONSTRAINT = "uk_segment_key";
    /** INSERT IGNORE (MySQL, and H2 in MySQL mode): a member stored by a concurrent refresh is not an error. */
    private static final String INSERT_MEMBER =
            "INSERT IGNORE INTO segment_member (tenant_id, segment_id, contact_id, since) VALUES (?, ?, ?, ?)";
    private static final String DELETE_MEMBER =
            "DELETE FROM segment_member WHERE segment_id = ? AND contact_id = ? AND tenant_id = ?";

    /**
     * A page of stored members, read along the primary key (segment_id, contact_id); the ORDER BY names both columns,
     * so H2 reads the range in key order and stops at the limit instead of sorting every member after the cursor.
     */
    static final String MEMBERS = "SELECT contact_id FROM segment_member WHERE segment_id = ? AND contact_id > ?"
            + " AND tenant_id = ? ORDER BY segment_id, contact_id LIMIT ";

    private final SegmentMapper segments;
    private final JdbcTemplate jdbc;

    public MybatisSegmentStore(SegmentMapper segments, JdbcTemplate jdbc) {
        this.segments = segments;
        this.jdbc = jdbc;
    }

    @Override
    public void insert(Segment segment) {
        try {
            segments.insert(toRow(segment));
        } catch (DuplicateKeyException e) {
            if (Columns.violates(e, KEY_CONSTRAINT)) {
                throw new SegmentKeyTakenException(segment.key());
            }
            throw e;
        }
    }

    @Override
    public Optional<Segment> find(long tenantId, String key) {
        return Optional.ofNullable(segments.selectOne(Wrappers.lambdaQuery(SegmentRow.class)
                .eq(SegmentRow::getTenantId, tenantId).eq(SegmentRow::getSegmentKey, key))).map(this::toSegment);
    }

    @Override
    public List<Segment> list(long tenantId, long afterId, int limit) {
        return segments.selectList(Wrappers.lambdaQuery(SegmentRow.class)
                        .eq(SegmentRow::getTenantId, tenantId).gt(SegmentRow::getId, afterId)
                        .orderByAsc(SegmentRow::getId).last("LIMIT " + Columns.positive(limit)))
                .stream().map(this::toSegment).toList();
    }

    @Override
    public List<Segment> listAcrossTenants(long afterId, int limit) {
        return segments.selectList(Wrappers.lambdaQuery(SegmentRow.class)
                        .gt(SegmentRow::getId, afterId)
                        .orderByAsc(SegmentRow::getId).last("LIMIT " + Columns.positive(limit)))
                .stream().map(this::toSegment).toList();
    }

    @Override
    public boolean completeRefresh(long tenantId, long segmentId, long expectedSeq, Instant at) {
        return segments.completeRefresh(tenantId, segmentId, expectedSeq, at.toEpochMilli()) == 1;
    }

    @Override
    public List<Long> members(long tenantId, long segmentId, long afterContactId, int limit) {
        return jdbc.queryForList(MEMBERS + Columns.positive(limit), Long.class, segmentId, afterContactId, tenantId);
    }

    @Override
    public void addMembers(long tenantId, long segmentId, Collection<Long> contactIds, Instant since) {
        long at = since.toEpochMilli();
        JdbcBatch.run(jdbc, INSERT_MEMBER, sorted(contactIds),
                (p, id) -> p.add(tenantId).add(segmentId).add(id.longValue()).add(at));
    }

    @Override
    public void removeMembers(long tenantId, long segmentId, Collection<Long> contactIds) {
        JdbcBatch.run(jdbc, DELETE_MEMBER, sorted(contactIds),
                (p, id) -> p.add(segmentId).add(id.longValue()).add(tenantId));
    }

    /** Rows in key order, so two refreshers of one segment lock them in the same order. */
    private static List<Long> sorted(Collection<Long> ids) {
        return ids.stream().sorted().toList();
    }

    private static SegmentRow toRow(Segment segment) {
        SegmentRow row = new SegmentRow();
        row.setId(segment.id());
        row.setTenantId(segment.tenantId());
        row.setSegmentKey(segment.key());
        row.setName(segment.name());
        row.setFilterJson(SegmentFilterJson.write(segment.filter()));
        row.setCreatedAt(millis(segment.createdAt()));
        row.setUpdatedAt(millis(segment.updatedAt()));
        row.setVersion(segment.version());
        row.setRefreshSeq(segment.refreshSeq());
        row.setRefreshedAt(millis(segment.refreshedAt()));
        return row;
    }

    private Segment toSegment(SegmentRow row) {
        return new Segment(row.getId(), row.getTenantId(), row.getSegmentKey(), row.getName(),
                SegmentFilterJson.read(row.getFilterJson()), instant(row.getCreatedAt()), instant(row.getUpdatedAt()),
                row.getVersion(), row.getRefreshSeq(), instant(row.getRefreshedAt()));
    }
}
