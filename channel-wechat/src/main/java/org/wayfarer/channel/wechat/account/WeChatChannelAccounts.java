package org.wayfarer.channel.wechat.account;

import java.util.Objects;
import org.wayfarer.journey.channel.ChannelAccounts;

/**
 * Which tenant owns an official account, for every {@code wechat.*} channel (template, kefu, coupon, subscription
 * messages all send from an official account named by its AppID). Answers from the {@link AccountStore} on every
 * call, without a cache: an account connected a moment ago is owned at once, and the lookup is one indexed read by
 * the unique AppID. A malformed AppID is simply not owned. Thread-safe.
 */
public final class WeChatChannelAccounts implements ChannelAccounts {

    private static final String CHANNEL_PREFIX = "wechat.";

    private final AccountStore store;

    public WeChatChannelAccounts(AccountStore store) {
        this.store = Objects.requireNonNull(store, "store");
    }

    @Override
    public boolean owns(long tenantId, String channel, String account) {
        if (!covers(channel) || !AppIds.isValid(account)) {
            return false;
        }
        return store.findByAppId(AppIds.normalize(account))
                .map(stored -> stored.tenantId() == tenantId)
                .orElse(false);
    }

    @Override
    public boolean covers(String channel) {
        return channel != null && channel.startsWith(CHANNEL_PREFIX) && channel.length() > CHANNEL_PREFIX.length();
    }
}
