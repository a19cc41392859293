package org.wayfarer.channel.wechat.infra.mybatis;

import com.baomidou.mybatisplus.annotation.InterceptorIgnore;
import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import java.util.List;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;

/** MyBatis mapper of {@code wechat_account}. */
public interface WeChatAccountMapper extends BaseMapper<WeChatAccountRow> {

    /**
     * Cross-tenant by design: a callback names only the AppID, before any tenant is known. Hence no tenant-line
     * filtering, should the application install MyBatis-Plus's tenant interceptor.
     */
    @InterceptorIgnore(tenantLine = "true")
    @Select("SELECT * FROM wechat_account WHERE app_id = #{appId}")
    WeChatAccountRow findByAppId(@Param("appId") String appId);

    @Select("SELECT * FROM wechat_account WHERE tenant_id = #{tenantId} ORDER BY created_at, id")
    List<WeChatAccountRow> listByTenant(@Param("tenantId") long tenantId);
}
