package org.wayfarer.journey.infra.mybatis;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;
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
            UPDATE contact_event SET status = 'PROCESSED', contact_id = #{contactId}, processed_at = #{at}
             WHERE id = #{id} AND status = 'PENDING'
            """)
    int markProcessed(@Param("id") long id, @Param("contactId") long contactId, @Param("at") long at);

    @Update("""
            UPDATE contact_event
               SET attempts = attempts + 1, last_error = #{error,jdbcType=VARCHAR}, status = #{status},
                   processed_at = #{processedAt,jdbcType=BIGINT}
             WHERE id = #{id} AND status = 'PENDING'
            """)
    int markFailed(@Param("id") long id, @Param("error") String error, @Param("status") String status,
                   @Param("processedAt") Long processedAt);
}
