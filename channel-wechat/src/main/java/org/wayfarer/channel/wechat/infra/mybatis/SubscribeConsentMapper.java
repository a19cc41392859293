package org.wayfarer.channel.wechat.infra.mybatis;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import java.util.List;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;

/** MyBatis mapper of {@code wechat_subscribe_consent}. */
public interface SubscribeConsentMapper extends BaseMapper<SubscribeConsentRow> {

    /** Index {@code ix_subscribe_consent_template}. */
    @Select("SELECT * FROM wechat_subscribe_consent WHERE contact_id = #{contactId} AND app_id = #{appId}"
            + " AND template_id = #{templateId} AND tenant_id = #{tenantId}"
            + " ORDER BY occurred_at DESC, id DESC LIMIT #{limit}")
    List<SubscribeConsentRow> forTemplate(@Param("tenantId") long tenantId, @Param("contactId") long contactId,
                                          @Param("appId") String appId, @Param("templateId") String templateId,
                                          @Param("limit") int limit);

    /** Index {@code ix_subscribe_consent_contact}. */
    @Select("SELECT * FROM wechat_subscribe_consent WHERE contact_id = #{contactId} AND tenant_id = #{tenantId}"
            + " ORDER BY occurred_at DESC, id DESC LIMIT #{limit}")
    List<SubscribeConsentRow> history(@Param("tenantId") long tenantId, @Param("contactId") long contactId,
                                      @Param("limit") int limit);

    /** Index {@code ix_subscribe_consent_msg}. */
    @Select("SELECT * FROM wechat_subscribe_consent WHERE app_id = #{appId} AND msg_id = #{msgId}"
            + " AND tenant_id = #{tenantId} ORDER BY occurred_at, id")
    List<SubscribeConsentRow> byMsgId(@Param("tenantId") long tenantId, @Param("appId") String appId,
                                      @Param("msgId") String msgId);
}
