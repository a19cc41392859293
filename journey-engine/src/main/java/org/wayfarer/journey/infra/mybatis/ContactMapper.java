package org.wayfarer.journey.infra.mybatis;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

/** The {@code contact} table. Public only so the Spring wiring can hand it to the adapter. */
public interface ContactMapper extends BaseMapper<ContactRow> {

    @Select("""
            SELECT c.* FROM contact_identity i JOIN contact c ON c.id = i.contact_id AND c.tenant_id = i.tenant_id
             WHERE i.tenant_id = #{tenantId} AND i.kind = #{kind} AND i.namespace = #{namespace}
               AND i.id_value = #{value}
            """)
    ContactRow selectByIdentity(@Param("tenantId") long tenantId, @Param("kind") String kind,
                                @Param("namespace") String namespace, @Param("value") String value);

    /** Optimistic-locking update; returns 0 when the row is gone, belongs to another tenant, or moved on. */
    @Update("""
            UPDATE contact SET attributes_json = #{r.attributesJson}, tags_json = #{r.tagsJson,jdbcType=VARCHAR},
                   updated_at = #{r.updatedAt}, version = version + 1
             WHERE id = #{r.id} AND tenant_id = #{r.tenantId} AND version = #{r.version}
            """)
    int updateIfVersion(@Param("r") ContactRow row);
}
