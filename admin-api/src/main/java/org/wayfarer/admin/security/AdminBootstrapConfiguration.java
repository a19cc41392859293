package org.wayfarer.admin.security;

import java.time.Clock;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.wayfarer.admin.tenant.TenantStore;
import org.wayfarer.journey.IdGenerator;

/** Registers the start-up bootstrap of tenant 1 and its first ADMIN key. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AdminProperties.class)
class AdminBootstrapConfiguration {

    @Bean
    AdminBootstrap adminBootstrap(TenantStore tenants, ApiKeyStore keys, IdGenerator ids, Clock clock,
                                  AdminProperties properties) {
        return new AdminBootstrap(tenants, keys, ids, clock, properties);
    }
}
