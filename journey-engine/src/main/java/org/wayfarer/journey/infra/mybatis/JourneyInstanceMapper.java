package org.wayfarer.journey.infra.mybatis;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import java.util.List;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

/** The {@code journey_instance} table and its timer claims. Public only so the Spring wiring can hand it on. */
public interface JourneyInstanceMapper extends BaseMapper<JourneyInstanceRow> {

    /**
     * Optimistic-locking update of every mutable column; releases any timer lease and held timer, the next timer
     * starts afresh.
     */
    @Update("""
            UPDATE journey_instance
               SET status = #{r.status}, current_node = #{r.currentNode}, seq = #{r.seq},
                   wake_at = #{r.wakeAt,jdbcType=BIGINT}, entry_key = #{r.entryKey},
                   ended_at = #{r.endedAt,jdbcType=BIGINT}, end_reason = #{r.endReason,jdbcType=VARCHAR},
                   context_json = #{r.contextJson,jdbcType=VARCHAR},
                   updated_at = #{r.updatedAt}, lease_owner = NULL, lease_until = NULL, wake_attempts = 0,
                   held_wake_at = NULL, version = version + 1
             WHERE id = #{r.id} AND tenant_id = #{r.tenantId} AND version = #{r.version}
            """)
    int updateIfVersion(@Param("r") JourneyInstanceRow row);
}
