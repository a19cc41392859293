package org.wayfarer.admin.support;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.wayfarer.admin.security.ApiKey;
import org.wayfarer.admin.security.ApiKeyStore;
import org.wayfarer.admin.security.ApiKeys;
import org.wayfarer.admin.security.Role;

/** Known API keys for two tenants, stored (hashed) in an in-memory {@link ApiKeyStore}. */
@TestConfiguration(proxyBeanMethods = false)
public class TestKeys {

    public static final long TENANT = 1;
    public static final long OTHER_TENANT = 2;

    public static final String ADMIN = "wf_test-admin-key-of-tenant-one-0001";
    public static final String OPERATOR = "wf_test-operator-key-of-tenant-one-01";
    public static final String VIEWER = "wf_test-viewer-key-of-tenant-one-0001";
    public static final String REVOKED_ADMIN = "wf_test-revoked-admin-key-tenant-one1";
    public static final String OTHER_TENANT_ADMIN = "wf_test-admin-key-of-tenant-two-0001";

    public static String bearer(String key) {
        return "Bearer " + key;
    }

    @Bean
    ApiKeyStore apiKeyStore() {
        InMemoryApiKeyStore store = new InMemoryApiKeyStore();
        Instant created = Instant.parse("2026-01-01T00:00:00Z");
        store.insert(key(11, TENANT, ADMIN, Role.ADMIN, created, null));
        store.insert(key(12, TENANT, OPERATOR, Role.OPERATOR, created, null));
        store.insert(key(13, TENANT, VIEWER, Role.VIEWER, created, null));
        store.insert(key(14, TENANT, REVOKED_ADMIN, Role.ADMIN, created, created.plusSeconds(60)));
        store.insert(key(21, OTHER_TENANT, OTHER_TENANT_ADMIN, Role.ADMIN, created, null));
        return store;
    }

    private static ApiKey key(long id, long tenant, String raw, Role role, Instant created, Instant revoked) {
        return new ApiKey(id, tenant, role + " test key", "", ApiKeys.hash(raw), role, created, revoked);
    }

    /** Keys by hash, as the table holds them. */
    public static final class InMemoryApiKeyStore implements ApiKeyStore {

        private final Map<String, ApiKey> byHash = new ConcurrentHashMap<>();

        @Override
        public Optional<ApiKey> findByHash(String keyHash) {
            return Optional.ofNullable(byHash.get(keyHash));
        }

        @Override
        public boolean anyForTenant(long tenantId) {
            return byHash.values().stream().anyMatch(k -> k.tenantId() == tenantId);
        }

        @Override
        public void insert(ApiKey key) {
            if (byHash.putIfAbsent(key.keyHash(), key) != null) {
                throw new IllegalStateException("duplicate key hash");
            }
        }
    }
}
