package org.wayfarer.journey.infra.mybatis;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import java.util.Collection;
import java.util.List;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

/** The {@code contact_event} table. Public only so the Spring wiring can hand it to the adapter. */
public interface ContactEventMapper extends BaseMapper<ContactEventRow> {

    /**
     * The id under (tenant, source, dedupe key), read as the latest committed row rather than from the transaction's
     * snapshot: after a duplicate-key failure on MariaDB (REPEATABLE READ) an older snapshot may not show the winner.
     */
    @Select("""
            SELECT id FROM contact_event
             WHERE tenant_id = #{tenantId} AND source = #{source} AND dedupe_key = #{dedupeKey}
               FOR UPDATE
            """)
    Long selectIdByDedupeKeyLocking(@Param("tenantId") long tenantId, @Param("source") String source,
                                    @Param("dedupeKey") String dedupeKey);

    @Update("""
            UPDATE contact_event
               SET attempts = attempts + 1, last_error = #{error,jdbcType=VARCHAR}, status = #{status},
                   next_attempt_at = #{retryAt,jdbcType=BIGINT}, processed_at = #{processedAt,jdbcType=BIGINT}
             WHERE id = #{id} AND status = 'PENDING'
            """)
    int markFailed(@Param("id") long id, @Param("error") String error, @Param("status") String status,
                   @Param("retryAt") Long retryAt, @Param("processedAt") Long processedAt);

    @Update("""
            UPDATE contact_event
               SET status = 'PENDING', attempts = 0, next_attempt_at = #{at}, processed_at = NULL
             WHERE id = #{id} AND tenant_id = #{tenantId} AND status = 'FAILED'
            """)
    int requeue(@Param("tenantId") long tenantId, @Param("id") long id, @Param("at") long at);

    @Select("""
            SELECT id, contact_id, partition_no FROM contact_event
             WHERE status = 'PENDING' AND id > #{afterId} ORDER BY id LIMIT #{limit}
            """)
    List<ContactEventRow> selectPendingRoutes(@Param("afterId") long afterId, @Param("limit") int limit);

    @Update("""
            <script>
            UPDATE contact_event SET partition_no = #{partition}
             WHERE id IN <foreach collection="ids" item="id" open="(" separator="," close=")">#{id}</foreach>
               AND status = 'PENDING'
            </script>
            """)
    int reroute(@Param("ids") Collection<Long> ids, @Param("partition") int partition);
}
