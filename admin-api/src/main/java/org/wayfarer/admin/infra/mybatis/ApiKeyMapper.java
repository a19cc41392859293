package org.wayfarer.admin.infra.mybatis;

import com.baomidou.mybatisplus.annotation.InterceptorIgnore;
import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import org.apache.ibatis.annotations.Mapper;

/**
 * {@code api_key}. Exempt from the tenant-line interceptor: authentication looks a key up by hash before the tenant
 * is known, and the key is what tells it.
 */
@Mapper
@InterceptorIgnore(tenantLine = "true")
public interface ApiKeyMapper extends BaseMapper<ApiKeyRow> {
}
