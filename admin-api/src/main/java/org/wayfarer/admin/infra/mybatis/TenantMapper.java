package org.wayfarer.admin.infra.mybatis;

import com.baomidou.mybatisplus.annotation.InterceptorIgnore;
import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import org.apache.ibatis.annotations.Mapper;

/** {@code tenant}: the table of tenants is not itself tenant-scoped, so the tenant-line interceptor skips it. */
@Mapper
@InterceptorIgnore(tenantLine = "true")
public interface TenantMapper extends BaseMapper<TenantRow> {
}
