package org.wayfarer.admin.security;

import java.time.Instant;

/**
 * A stored API key. Only the SHA-256 hash of the key is kept; {@code keyPrefix} holds at most its first few
 * characters so people can tell keys apart.
 *
 * @param revokedAt null while the key is usable
 */
public record ApiKey(long id, long tenantId, String name, String keyPrefix, String keyHash, Role role,
                     Instant createdAt, Instant revokedAt) {

    public boolean active() {
        return revokedAt == null;
    }

    @Override
    public String toString() {
        return "ApiKey[id=" + id + ", tenantId=" + tenantId + ", name=" + name + ", role=" + role + "]";
    }
}
