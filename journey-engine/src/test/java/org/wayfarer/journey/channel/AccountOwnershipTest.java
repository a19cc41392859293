package org.wayfarer.journey.channel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class AccountOwnershipTest {

    private final ChannelAccounts wechat = new ChannelAccounts() {
        @Override
        public boolean owns(long tenantId, String channel, String account) {
            return tenantId == 1 && account.equals("wx1");
        }

        @Override
        public boolean covers(String channel) {
            return channel.startsWith("wechat.");
        }
    };

    @Test
    void asksTheModuleThatCoversTheChannel() {
        AccountOwnership ownership = new AccountOwnership(List.of(wechat));

        assertThat(ownership.owns(1, "wechat.template", "wx1")).isTrue();
        assertThat(ownership.owns(2, "wechat.template", "wx1")).as("another tenant's account").isFalse();
    }

    @Test
    void aChannelNobodyCoversOwnsNothing() {
        AccountOwnership ownership = new AccountOwnership(List.of(wechat));

        assertThat(ownership.owns(1, "sms", "wx1")).isFalse();
        assertThat(new AccountOwnership(List.of()).owns(1, "wechat.template", "wx1")).isFalse();
        assertThat(ownership.owns(1, "wechat.template", null)).isFalse();
    }
}
