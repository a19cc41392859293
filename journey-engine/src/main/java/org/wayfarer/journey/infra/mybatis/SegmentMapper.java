package org.wayfarer.journey.infra.mybatis;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Update;

/** The {@code segment} table. Public only so the Spring wiring in {@code infra/spring} can hand it to the adapter. */
public interface SegmentMapper extends BaseMapper<SegmentRow> {

    /** Moves the refresh sequence on by one if it still is {@code expected}; returns 0 when it moved meanwhile. */
    @Update("""
            UPDATE segment SET refresh_seq = refresh_seq + 1, refreshed_at = #{at}
             WHERE id = #{id} AND tenant_id = #{tenantId} AND refresh_seq = #{expected}
            """)
    int completeRefresh(@Param("tenantId") long tenantId, @Param("id") long id, @Param("expected") long expected,
                        @Param("at") long at);
}
