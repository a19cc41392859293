package org.wayfarer.admin.infra.mybatis;

import org.apache.ibatis.annotations.Mapper;
import org.mybatis.spring.annotation.MapperScan;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.wayfarer.admin.security.ApiKeyStore;
import org.wayfarer.admin.tenant.TenantStore;

/**
 * The admin tables on MyBatis-Plus. Scans its own mappers explicitly: once any module declares a
 * {@code @MapperScan}, MyBatis-Plus stops auto-detecting {@code @Mapper} interfaces, so relying on that would break.
 */
@Configuration(proxyBeanMethods = false)
@MapperScan(basePackageClasses = MybatisAdminConfiguration.class, annotationClass = Mapper.class)
public class MybatisAdminConfiguration {

    @Bean
    ApiKeyStore mybatisApiKeyStore(ApiKeyMapper mapper) {
        return new MybatisApiKeyStore(mapper);
    }

    @Bean
    TenantStore mybatisTenantStore(TenantMapper mapper) {
        return new MybatisTenantStore(mapper);
    }
}
