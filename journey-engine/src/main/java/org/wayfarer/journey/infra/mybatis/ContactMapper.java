package org.wayfarer.journey.infra.mybatis;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import java.util.List;
import org.apache.ibatis.annotations.Insert;
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
            UPDATE contact SET attributes_json = #{r.attributesJson}, updated_at = #{r.updatedAt}, version = version + 1
             WHERE id = #{r.id} AND tenant_id = #{r.tenantId} AND version = #{r.version}
            """)
    int updateIfVersion(@Param("r") ContactRow row);

    @Insert("""
            <script>
            INSERT INTO contact (id, tenant_id, attributes_json, created_at, updated_at, version)
            VALUES
            <foreach collection="rows" item="r" separator=",">
              (#{r.id}, #{r.tenantId}, #{r.attributesJson}, #{r.createdAt}, #{r.updatedAt}, #{r.version})
            </foreach>
            </script>
            """)
    int insertAll(@Param("rows") List<ContactRow> rows);

    /**
     * Optimistic-locking update of many contacts in one statement: a row changes only where its version still
     * matches, and the count tells the caller whether every one did.
     */
    @Update("""
            <script>
            UPDATE contact
               SET attributes_json = CASE id
                   <foreach collection="rows" item="r"> WHEN #{r.id} THEN #{r.attributesJson}</foreach> END,
                   updated_at = CASE id
                   <foreach collection="rows" item="r"> WHEN #{r.id} THEN #{r.updatedAt}</foreach> END,
                   version = version + 1
             WHERE (id, tenant_id, version) IN
            <foreach collection="rows" item="r" open="(" separator="," close=")">(#{r.id}, #{r.tenantId}, #{r.version})</foreach>
            </script>
            """)
    int updateAllIfVersion(@Param("rows") List<ContactRow> rows);
}
