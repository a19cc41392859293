package org.wayfarer.admin.infra.mybatis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.dao.DuplicateKeyException;
import org.wayfarer.admin.security.ApiKey;
import org.wayfarer.admin.security.ApiKeyStore;
import org.wayfarer.admin.security.ApiKeys;
import org.wayfarer.admin.security.Role;
import org.wayfarer.admin.support.EmbeddedDatabaseConfiguration;
import org.wayfarer.admin.tenant.TenantStore;

/** The admin tables on H2 in MySQL mode, migrated by Flyway, through the MyBatis-Plus adapters. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE,
        properties = EmbeddedDatabaseConfiguration.URL_PROPERTY)
class MybatisAdminStoresIT {

    /** Only the persistence part, not the whole application. */
    @Configuration(proxyBeanMethods = false)
    @Import(EmbeddedDatabaseConfiguration.class)
    static class Persistence {
    }

    private static final Instant CREATED = Instant.parse("2026-03-01T08:00:00.123Z");

    @Autowired
    private ApiKeyStore keys;
    @Autowired
    private TenantStore tenants;

    @Test
    void storesKeysAndFindsThemByHash() {
        ApiKey active = new ApiKey(7_243_519_830_371_356_672L, 3, "ci", "wf_AbCd", ApiKeys.hash("key-one"),
                Role.OPERATOR, CREATED, null);
        ApiKey revoked = new ApiKey(2, 3, "old", "", ApiKeys.hash("key-two"), Role.ADMIN, CREATED,
                CREATED.plusSeconds(5));
        keys.insert(active);
        keys.insert(revoked);

        assertThat(keys.findByHash(ApiKeys.hash("key-one"))).contains(active);
        assertThat(keys.findByHash(ApiKeys.hash("key-two"))).contains(revoked);
        assertThat(keys.findByHash(ApiKeys.hash("key-three"))).isEmpty();
    }

    @Test
    void tellsWhetherATenantHasAnyKey() {
        keys.insert(new ApiKey(10, 4, "only", "", ApiKeys.hash("tenant-four-key"), Role.VIEWER, CREATED,
                CREATED));

        assertThat(keys.anyForTenant(4)).isTrue();
        assertThat(keys.anyForTenant(5)).isFalse();
    }

    @Test
    void refusesTwoKeysWithTheSameHash() {
        keys.insert(new ApiKey(20, 6, "a", "", ApiKeys.hash("same"), Role.VIEWER, CREATED, null));

        assertThatThrownBy(() -> keys.insert(new ApiKey(21, 7, "b", "", ApiKeys.hash("same"), Role.ADMIN, CREATED,
                null))).isInstanceOf(DuplicateKeyException.class);
    }

    @Test
    void createsATenantOnlyOnce() {
        assertThat(tenants.createIfAbsent(42, "brand", CREATED)).isTrue();
        assertThat(tenants.createIfAbsent(42, "brand again", CREATED)).isFalse();
    }
}
