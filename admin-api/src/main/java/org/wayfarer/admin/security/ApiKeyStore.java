package org.wayfarer.admin.security;

import java.util.Optional;

/** Stored API keys (port). Lookups by hash span all tenants: the key is what tells the tenant. Thread-safe. */
public interface ApiKeyStore {

    /** The key with this SHA-256 hex hash, revoked or not. */
    Optional<ApiKey> findByHash(String keyHash);

    /** Whether the tenant has any key at all, revoked ones included. */
    boolean anyForTenant(long tenantId);

    /** Inserts a key; a second key with the same hash is an error. */
    void insert(ApiKey key);
}
