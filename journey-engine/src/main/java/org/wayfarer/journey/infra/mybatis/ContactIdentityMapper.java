package org.wayfarer.journey.infra.mybatis;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import java.util.Collection;
import java.util.List;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;

/** The {@code contact_identity} table. Public only so the Spring wiring can hand it to the adapter. */
public interface ContactIdentityMapper extends BaseMapper<ContactIdentityRow> {

    /** The tenant goes inside the row value, so H2 and MariaDB look every identity up in the unique index. */
    @Select("""
            <script>
            SELECT * FROM contact_identity
             WHERE (tenant_id, kind, namespace, id_value) IN
            <foreach collection="identities" item="i" open="(" separator="," close=")">
              (#{tenantId}, #{i.kind}, #{i.namespace}, #{i.idValue})
            </foreach>
            </script>
            """)
    List<ContactIdentityRow> selectOwners(@Param("tenantId") long tenantId,
                                          @Param("identities") Collection<ContactIdentityRow> identities);

}
