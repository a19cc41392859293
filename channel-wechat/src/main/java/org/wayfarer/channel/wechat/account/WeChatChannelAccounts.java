package org.wayfarer.channel.wechat.account;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.Objects;
import org.wayfarer.journey.channel.ChannelAccounts;

/**
 * Which tenant owns an official account, for every {@code wechat.*} channel (template, kefu, coupon, subscription
 * messages all send from an official account named by its AppID). Answers from the {@link AccountStore} (one
 * indexed read by the unique AppID) and remembers an owner it found for a minute, since the dispatcher asks before
 * every send; an AppID not found is asked again every time, so an account connected a moment ago is owned at once.
 * A malformed AppID is simply not owned. Thread-safe.
 */
public final class WeChatChannelAccounts implements ChannelAccounts {

    private static final String CHANNEL_PREFIX = "wechat.";

    private final AccountStore store;
    /**
     * AppID → owning tenant, for AppIDs found connected: the dispatcher asks before every send, and an AppID never
     * moves to another tenant. Only answers found are kept, so an account connected just now is seen at once.
     */
    private final Cache<String, Long> owners = Caffeine.newBuilder().maximumSize(10_000)
            .expireAfterWrite(Duration.ofMinutes(1)).build();

    public WeChatChannelAccounts(AccountStore store) {
        this.store = Objects.requireNonNull(store, "store");
    }

    @Override
    public boolean owns(long tenantId, String channel, String account) {
        if (!covers(channel) || !AppIds.isValid(account)) {
            return false;
        }
        String appId = AppIds.normalize(account);
        Long owner = owners.getIfPresent(appId);
        if (owner == null) {
            owner = store.findByAppId(appId).map(StoredAccount::tenantId).orElse(null);
            if (owner == null) {
                return false;
            }
            owners.put(appId, owner);
        }
        return owner == tenantId;
    }

    @Override
    public boolean covers(String channel) {
        return channel != null && channel.startsWith(CHANNEL_PREFIX) && channel.length() > CHANNEL_PREFIX.length();
    }
}
