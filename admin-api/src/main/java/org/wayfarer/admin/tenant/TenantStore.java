package org.wayfarer.admin.tenant;

import java.time.Instant;

/** The tenant table (port). Thread-safe. */
public interface TenantStore {

    /**
     * Creates the tenant unless it exists. Safe when several nodes start at once: exactly one of them creates it.
     *
     * @return true when this call created it
     */
    boolean createIfAbsent(long tenantId, String name, Instant createdAt);
}
