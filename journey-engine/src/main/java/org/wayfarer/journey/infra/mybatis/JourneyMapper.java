package org.wayfarer.journey.infra.mybatis;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import java.util.List;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

/** The {@code journey} table. Public only so the Spring wiring in {@code infra/spring} can hand it to the adapter. */
public interface JourneyMapper extends BaseMapper<JourneyRow> {

    /** Optimistic-locking update; returns 0 when the row is gone, belongs to another tenant, or moved on. */
    @Update("""
            UPDATE journey
               SET name = #{r.name}, draft_json = #{r.draftJson},
                   published_version = #{r.publishedVersion,jdbcType=INTEGER}, updated_at = #{r.updatedAt},
                   status = #{r.status}, paused_at = #{r.pausedAt,jdbcType=BIGINT},
                   resumed_at = #{r.resumedAt,jdbcType=BIGINT}, version = version + 1
             WHERE id = #{r.id} AND tenant_id = #{r.tenantId} AND version = #{r.version}
            """)
    int updateIfVersion(@Param("r") JourneyRow row);

    /** Journeys whose pause is not over, without their drafts; read every second, by the index on paused_at. */
    @Select("SELECT id, tenant_id, status, paused_at, resumed_at FROM journey WHERE paused_at IS NOT NULL")
    List<JourneyRow> pauses();

    /** The committed status under a row lock held until the transaction ends. */
    @Select("SELECT status FROM journey WHERE id = #{id} AND tenant_id = #{tenantId} FOR UPDATE")
    String lockStatus(@Param("tenantId") long tenantId, @Param("id") long id);
}
