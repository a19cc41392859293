package org.wayfarer.journey.webhook;

import org.wayfarer.journey.channel.ChannelAccounts;

/**
 * The {@value WebhookSender#CHANNEL} channel has no accounts: every tenant may call out, and its calls carry the
 * empty account. Where a journey may call is fixed in its definition (scheme and host written out, checked at
 * publish), not by an account.
 */
public final class WebhookAccounts implements ChannelAccounts {

    @Override
    public boolean covers(String channel) {
        return WebhookSender.CHANNEL.equals(channel);
    }

    @Override
    public boolean owns(long tenantId, String channel, String account) {
        return covers(channel) && account.isEmpty();
    }
}
