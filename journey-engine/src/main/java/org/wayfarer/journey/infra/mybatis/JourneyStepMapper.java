package org.wayfarer.journey.infra.mybatis;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import java.util.List;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Param;

/** The {@code journey_step} table. Public only so the Spring wiring can hand it to the adapter. */
public interface JourneyStepMapper extends BaseMapper<JourneyStepRow> {

    /** One multi-row INSERT for the whole list (callers keep it to a few hundred rows). */
    @Insert("""
            <script>
            INSERT INTO journey_step (id, tenant_id, instance_id, journey_id, journey_version, contact_id, node_id, seq,
                                      outcome, detail, at)
            VALUES
            <foreach collection="rows" item="r" separator=",">
              (#{r.id}, #{r.tenantId}, #{r.instanceId}, #{r.journeyId}, #{r.journeyVersion}, #{r.contactId},
               #{r.nodeId}, #{r.seq}, #{r.outcome}, #{r.detail,jdbcType=VARCHAR}, #{r.at})
            </foreach>
            </script>
            """)
    int insertAll(@Param("rows") List<JourneyStepRow> rows);
}
