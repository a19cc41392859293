package org.wayfarer.channel.wechat.infra.mybatis;

import com.baomidou.mybatisplus.annotation.InterceptorIgnore;
import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import java.util.List;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

/**
 * MyBatis mapper of {@code wechat_qrcode} and its ticket history {@code wechat_qrcode_ticket}; the tally's batched
 * update is in {@link MybatisQrCodeStore}.
 */
public interface WeChatQrCodeMapper extends BaseMapper<WeChatQrCodeRow> {

    @Select("SELECT * FROM wechat_qrcode WHERE tenant_id = #{tenantId} AND id = #{id}")
    WeChatQrCodeRow find(@Param("tenantId") long tenantId, @Param("id") long id);

    /** By the unique key (app_id, live_scene); an AppID belongs to one tenant. */
    @InterceptorIgnore(tenantLine = "true")
    @Select("SELECT * FROM wechat_qrcode WHERE app_id = #{appId} AND live_scene = #{scene}")
    WeChatQrCodeRow findLive(@Param("appId") String appId, @Param("scene") String scene);

    @Select("""
            <script>
            SELECT * FROM wechat_qrcode WHERE tenant_id = #{tenantId}
            <if test="appId != null"> AND app_id = #{appId}</if>
            <if test="afterId != null"> AND id &gt; #{afterId}</if>
            ORDER BY id LIMIT #{limit}
            </script>""")
    List<WeChatQrCodeRow> list(@Param("tenantId") long tenantId, @Param("appId") String appId,
                               @Param("afterId") Long afterId, @Param("limit") int limit);

    /** Reads the index (app_id, is_temporary) only. */
    @InterceptorIgnore(tenantLine = "true")
    @Select("SELECT COUNT(*) FROM wechat_qrcode WHERE app_id = #{appId} AND is_temporary = FALSE")
    long countPermanent(@Param("appId") String appId);

    /** Cross-tenant by design: the re-issue job serves every tenant. A range of the index (renew_at, id). */
    @InterceptorIgnore(tenantLine = "true")
    @Select("""
            <script>
            SELECT * FROM wechat_qrcode WHERE renew_at &lt;= #{now}
            <if test="afterRenewAt != null">
              AND (renew_at &gt; #{afterRenewAt} OR (renew_at = #{afterRenewAt} AND id &gt; #{afterId}))
            </if>
            ORDER BY renew_at, id LIMIT #{limit}
            </script>""")
    List<WeChatQrCodeRow> dueForRenewal(@Param("now") long now, @Param("afterRenewAt") Long afterRenewAt,
                                        @Param("afterId") Long afterId, @Param("limit") int limit);

    @Update("""
            UPDATE wechat_qrcode SET ticket = #{ticket}, url = #{url}, image_url = #{imageUrl},
                issued_at = #{issuedAt}, expires_at = #{expiresAt}, renew_at = #{renewAt}, reissues = reissues + 1,
                updated_at = #{issuedAt}
            WHERE id = #{id} AND reissues = #{reissues} AND retired_at IS NULL""")
    int renew(@Param("id") long id, @Param("reissues") int reissues, @Param("ticket") String ticket,
              @Param("url") String url, @Param("imageUrl") String imageUrl, @Param("issuedAt") long issuedAt,
              @Param("expiresAt") long expiresAt, @Param("renewAt") long renewAt);

    @Insert("""
            INSERT INTO wechat_qrcode_ticket (id, tenant_id, qrcode_id, ticket, url, issued_at, expires_at,
                replaced_at)
            VALUES (#{id}, #{tenantId}, #{qrcodeId}, #{ticket}, #{url}, #{issuedAt}, #{expiresAt}, #{replacedAt})""")
    void insertReplacedTicket(@Param("id") long id, @Param("tenantId") long tenantId,
                              @Param("qrcodeId") long qrcodeId, @Param("ticket") String ticket,
                              @Param("url") String url, @Param("issuedAt") long issuedAt,
                              @Param("expiresAt") long expiresAt, @Param("replacedAt") long replacedAt);

    @Update("""
            UPDATE wechat_qrcode SET live_scene = NULL, renew_at = NULL, retired_at = #{at}, updated_at = #{at}
            WHERE tenant_id = #{tenantId} AND id = #{id} AND retired_at IS NULL""")
    int retire(@Param("tenantId") long tenantId, @Param("id") long id, @Param("at") long at);
}
