package org.wayfarer.channel.wechat.account;

import java.util.List;
import java.util.Optional;

/**
 * Storage of connected official accounts (port; adapter in {@code infra/mybatis}). An AppID is unique across all
 * tenants. Lookups by AppID are deliberately cross-tenant: a callback names only the AppID. Thread-safe.
 */
public interface AccountStore {

    /**
     * Stores a new account.
     *
     * @return {@code false} (and stores nothing) when the AppID is already stored, for any tenant
     */
    boolean insert(StoredAccount account);

    /** The account with this (lower-case) AppID, whichever tenant owns it. */
    Optional<StoredAccount> findByAppId(String appId);

    /** The tenant's accounts, oldest first. */
    List<StoredAccount> listByTenant(long tenantId);
}
