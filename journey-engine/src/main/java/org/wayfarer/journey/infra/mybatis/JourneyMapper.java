package org.wayfarer.journey.infra.mybatis;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Update;

/** The {@code journey} table. Public only so the Spring wiring in {@code infra/spring} can hand it to the adapter. */
public interface JourneyMapper extends BaseMapper<JourneyRow> {

    /** Optimistic-locking update; returns 0 when the row is gone, belongs to another tenant, or moved on. */
    @Update("""
            UPDATE journey
               SET name = #{r.name}, draft_json = #{r.draftJson},
                   published_version = #{r.publishedVersion,jdbcType=INTEGER}, updated_at = #{r.updatedAt},
                   version = version + 1
             WHERE id = #{r.id} AND tenant_id = #{r.tenantId} AND version = #{r.version}
            """)
    int updateIfVersion(@Param("r") JourneyRow row);
}
