package org.wayfarer.journey.infra.mybatis;

import java.util.List;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;

/**
 * The {@code journey_counter} table. Not a {@code BaseMapper}: the table's key is composite, which MyBatis-Plus's
 * generated statements cannot address. Public only so the Spring wiring can hand it to the adapter.
 */
public interface JourneyCounterMapper {

    /** Sums per (node, metric); {@code amount} carries the sum. Null bounds and a null version are open. */
    @Select("""
            <script>
            SELECT node_id, metric, SUM(amount) AS amount FROM journey_counter
             WHERE tenant_id = #{tenantId} AND journey_id = #{journeyId}
            <if test="version != null"> AND journey_version = #{version}</if>
            <if test="from != null"> AND bucket &gt;= #{from}</if>
            <if test="to != null"> AND bucket &lt; #{to}</if>
             GROUP BY node_id, metric
            </script>
            """)
    List<JourneyCounterRow> sum(@Param("tenantId") long tenantId, @Param("journeyId") long journeyId,
                                @Param("version") Integer version, @Param("from") Long from, @Param("to") Long to);

    /** Journey-level sums per (hour bucket, metric), by bucket. Null bounds and a null version are open. */
    @Select("""
            <script>
            SELECT bucket, metric, SUM(amount) AS amount FROM journey_counter
             WHERE tenant_id = #{tenantId} AND journey_id = #{journeyId} AND node_id = ''
            <if test="version != null"> AND journey_version = #{version}</if>
            <if test="from != null"> AND bucket &gt;= #{from}</if>
            <if test="to != null"> AND bucket &lt; #{to}</if>
             GROUP BY bucket, metric ORDER BY bucket
            </script>
            """)
    List<JourneyCounterRow> journeyLevelByHour(@Param("tenantId") long tenantId, @Param("journeyId") long journeyId,
                                               @Param("version") Integer version, @Param("from") Long from,
                                               @Param("to") Long to);
}
