package org.wayfarer.channel.wechat.testapp;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.wayfarer.channel.wechat.account.AccountStore;
import org.wayfarer.channel.wechat.account.StoredAccount;

/** An {@link AccountStore} in a map, for tests without a database. Thread-safe. */
public final class InMemoryAccountStore implements AccountStore {

    private final Map<String, StoredAccount> byAppId = new ConcurrentHashMap<>();

    @Override
    public boolean insert(StoredAccount account) {
        return byAppId.putIfAbsent(account.appId(), account) == null;
    }

    @Override
    public Optional<StoredAccount> findByAppId(String appId) {
        return Optional.ofNullable(byAppId.get(appId));
    }

    @Override
    public List<StoredAccount> listByTenant(long tenantId) {
        return byAppId.values().stream()
                .filter(account -> account.tenantId() == tenantId)
                .sorted(Comparator.comparing(StoredAccount::createdAt).thenComparing(StoredAccount::id))
                .toList();
    }
}
