package org.wayfarer.channel.wechat.testapp;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.wayfarer.channel.wechat.account.AccountStore;
import org.wayfarer.channel.wechat.account.StoredAccount;

/** An {@link AccountStore} in a map, for tests without a database. Thread-safe. */
public final class InMemoryAccountStore implements AccountStore {

    private final Map<String, StoredAccount> byAppId = new ConcurrentHashMap<>();
    private final AtomicInteger reads = new AtomicInteger();

    /** How many times {@link #findByAppId} was called, so a test can see what a cache saves. */
    public int reads() {
        return reads.get();
    }

    @Override
    public boolean insert(StoredAccount account) {
        return byAppId.putIfAbsent(account.appId(), account) == null;
    }

    @Override
    public Optional<StoredAccount> findByAppId(String appId) {
        reads.incrementAndGet();
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
