package org.wayfarer.journey.infra.mybatis;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

/** The {@code journey_instance} table and its timer claims. Public only so the Spring wiring can hand it on. */
public interface JourneyInstanceMapper extends BaseMapper<JourneyInstanceRow> {

    /** Optimistic-locking update of every mutable column; releases any timer lease. */
    @Update("""
            UPDATE journey_instance
               SET status = #{r.status}, current_node = #{r.currentNode}, seq = #{r.seq},
                   wake_at = #{r.wakeAt,jdbcType=BIGINT}, entry_key = #{r.entryKey},
                   ended_at = #{r.endedAt,jdbcType=BIGINT}, end_reason = #{r.endReason,jdbcType=VARCHAR},
                   updated_at = #{r.updatedAt}, lease_owner = NULL, lease_until = NULL, version = version + 1
             WHERE id = #{r.id} AND tenant_id = #{r.tenantId} AND version = #{r.version}
            """)
    int updateIfVersion(@Param("r") JourneyInstanceRow row);

    /**
     * Locks up to {@code limit} due, unleased instances, earliest first, skipping rows another transaction holds (a
     * concurrent claimer's batch, or the runtime updating an instance). A locking read sees the latest committed rows,
     * so the predicate holds until this transaction ends. On MariaDB a second claimer gets the next free rows; H2
     * applies the limit before skipping, so there it may get fewer rows or none, never someone else's.
     */
    @Select("""
            SELECT id FROM journey_instance
             WHERE status = 'WAITING' AND wake_at <= #{dueBy} AND (lease_until IS NULL OR lease_until < #{now})
             ORDER BY wake_at, id
             LIMIT #{limit}
               FOR UPDATE SKIP LOCKED
            """)
    List<Long> lockDueIds(@Param("dueBy") long dueBy, @Param("now") long now, @Param("limit") int limit);

    /** Leases the locked instances; re-checks the due predicate so a lease is never taken over by mistake. */
    @Update("""
            <script>
            UPDATE journey_instance SET lease_owner = #{owner}, lease_until = #{leaseUntil}
             WHERE id IN <foreach collection="ids" item="id" open="(" separator="," close=")">#{id}</foreach>
               AND status = 'WAITING' AND wake_at &lt;= #{dueBy} AND (lease_until IS NULL OR lease_until &lt; #{now})
            </script>
            """)
    int leaseAll(@Param("ids") List<Long> ids, @Param("dueBy") long dueBy, @Param("now") long now,
                 @Param("owner") String owner, @Param("leaseUntil") long leaseUntil);

    @Select("""
            <script>
            SELECT * FROM journey_instance
             WHERE contact_id IN <foreach collection="ids" item="id" open="(" separator="," close=")">#{id}</foreach>
               AND (status IN ('ACTIVE', 'WAITING') OR entry_key LIKE 'ONCE:%')
             ORDER BY entered_at, id
            </script>
            """)
    List<JourneyInstanceRow> selectEntryState(@Param("ids") Collection<Long> contactIds);

    /**
     * {@link #updateIfVersion} for many rows in one statement: each row changes only where its version still
     * matches, so the count tells whether every one did.
     */
    @Update("""
            <script>
            UPDATE journey_instance
               SET status = CASE id <foreach collection="rows" item="r"> WHEN #{r.id} THEN #{r.status}</foreach> END,
                   current_node = CASE id
                   <foreach collection="rows" item="r"> WHEN #{r.id} THEN #{r.currentNode}</foreach> END,
                   seq = CASE id <foreach collection="rows" item="r"> WHEN #{r.id} THEN #{r.seq}</foreach> END,
                   wake_at = CASE id
                   <foreach collection="rows" item="r"> WHEN #{r.id} THEN #{r.wakeAt,jdbcType=BIGINT}</foreach> END,
                   entry_key = CASE id
                   <foreach collection="rows" item="r"> WHEN #{r.id} THEN #{r.entryKey}</foreach> END,
                   ended_at = CASE id
                   <foreach collection="rows" item="r"> WHEN #{r.id} THEN #{r.endedAt,jdbcType=BIGINT}</foreach> END,
                   end_reason = CASE id
                   <foreach collection="rows" item="r"> WHEN #{r.id} THEN #{r.endReason,jdbcType=VARCHAR}</foreach> END,
                   updated_at = CASE id
                   <foreach collection="rows" item="r"> WHEN #{r.id} THEN #{r.updatedAt}</foreach> END,
                   lease_owner = NULL, lease_until = NULL, version = version + 1
             WHERE (id, tenant_id, version) IN
            <foreach collection="rows" item="r" open="(" separator="," close=")">(#{r.id}, #{r.tenantId}, #{r.version})</foreach>
            </script>
            """)
    int updateAllIfVersion(@Param("rows") List<JourneyInstanceRow> rows);

    @Select("""
            SELECT status, COUNT(*) AS amount FROM journey_instance
             WHERE tenant_id = #{tenantId} AND journey_id = #{journeyId}
             GROUP BY status
            """)
    List<Map<String, Object>> countByStatus(@Param("tenantId") long tenantId, @Param("journeyId") long journeyId);
}
