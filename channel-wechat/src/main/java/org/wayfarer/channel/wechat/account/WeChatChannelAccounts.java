package org.wayfarer.channel.wechat.account;

import org.wayfarer.journey.channel.ChannelAccounts;

/**
 * Which tenant owns an official account, for every {@code wechat.*} channel: the tenant that connected the AppID.
 * Reads the account store on every call, so an account connected just now is seen at once. Thread-safe.
 */
public final class WeChatChannelAccounts implements ChannelAccounts {

    private final AccountStore store;

    public WeChatChannelAccounts(AccountStore store) {
        this.store = store;
    }

    @Override
    public boolean owns(long tenantId, String channel, String account) {
        if (!AppIds.isValid(account)) {
            return false;
        }
        return store.findByAppId(AppIds.normalize(account)).map(a -> a.tenantId() == tenantId).orElse(false);
    }

    @Override
    public boolean covers(String channel) {
        return channel != null && channel.startsWith("wechat.");
    }
}
