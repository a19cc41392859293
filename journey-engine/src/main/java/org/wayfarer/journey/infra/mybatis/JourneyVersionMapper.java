package org.wayfarer.journey.infra.mybatis;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Update;

/** The {@code journey_version} table. Public only so the Spring wiring can hand it to the adapter. */
public interface JourneyVersionMapper extends BaseMapper<JourneyVersionRow> {

    /** Stops every other version of the journey from accepting new entries. */
    @Update("""
            UPDATE journey_version SET accepting = FALSE
             WHERE tenant_id = #{tenantId} AND journey_id = #{journeyId} AND version <> #{keep} AND accepting = TRUE
            """)
    int retireOthers(@Param("tenantId") long tenantId, @Param("journeyId") long journeyId, @Param("keep") int keep);
}
