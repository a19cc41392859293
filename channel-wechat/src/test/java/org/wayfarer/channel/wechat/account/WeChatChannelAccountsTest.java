package org.wayfarer.channel.wechat.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.wayfarer.channel.wechat.testapp.InMemoryAccountStore;

/** Which tenant owns an official account, straight from the account store. */
class WeChatChannelAccountsTest {

    private static final String APP_ID = "wx1234567890abcdef";
    private static final Instant AT = Instant.parse("2026-03-01T08:00:00Z");

    private final InMemoryAccountStore store = new InMemoryAccountStore();
    private final WeChatChannelAccounts accounts = new WeChatChannelAccounts(store);

    private void connect(long tenantId, String appId) {
        store.insert(new StoredAccount(tenantId * 100, tenantId, appId, "Shop", "s", "t", null, AT, AT));
    }

    @Test
    void coversEveryWeChatChannelAndNothingElse() {
        for (String channel : new String[] {"wechat.template", "wechat.kefu", "wechat.coupon", "wechat.subscribe"}) {
            assertThat(accounts.covers(channel)).as(channel).isTrue();
        }
        for (String channel : new String[] {"wecom.app", "sms", "email", "wechat", "wechatx.template", ""}) {
            assertThat(accounts.covers(channel)).as(channel).isFalse();
        }
    }

    @Test
    void ownsAnAccountConnectedToTheTenantInAnyCase() {
        connect(1, APP_ID);

        assertThat(accounts.owns(1, "wechat.template", APP_ID)).isTrue();
        assertThat(accounts.owns(1, "wechat.kefu", APP_ID.toUpperCase().replace("WX", "wx"))).isTrue();
        assertThat(accounts.owns(1, "wechat.template", "WX1234567890ABCDEF")).isTrue();
    }

    @Test
    void doesNotOwnAnotherTenantsAccountOrAnUnknownOne() {
        connect(1, APP_ID);

        assertThat(accounts.owns(2, "wechat.template", APP_ID)).isFalse();
        assertThat(accounts.owns(1, "wechat.template", "wx00000000000000ff")).isFalse();
    }

    @Test
    void answersNoForMalformedAccountsAndForeignChannelsWithoutThrowing() {
        connect(1, APP_ID);

        String[] malformed = {null, "", " ", "wx123", APP_ID + " ", "gh_1234567890ab", "x".repeat(10_000)};
        for (String account : malformed) {
            assertThat(accounts.owns(1, "wechat.template", account)).as(String.valueOf(account)).isFalse();
        }
        assertThat(accounts.owns(1, "wecom.app", APP_ID)).isFalse();
        assertThat(accounts.owns(1, null, APP_ID)).isFalse();
    }

    @Test
    void seesAnAccountTheMomentItIsConnected() {
        assertThat(accounts.owns(3, "wechat.template", APP_ID)).isFalse();

        connect(3, APP_ID);

        assertThat(accounts.owns(3, "wechat.template", APP_ID)).isTrue();
    }

    @Test
    void anAccountConnectedAfterARefusalIsOwnedAtOnceAndAKnownOwnerIsNotReadAgain() {
        assertThat(accounts.owns(1, "wechat.template", APP_ID)).as("not connected yet").isFalse();
        connect(1, APP_ID);
        assertThat(accounts.owns(1, "wechat.template", APP_ID)).as("a refusal is not remembered").isTrue();

        int reads = store.reads();
        for (int i = 0; i < 100; i++) {
            assertThat(accounts.owns(1, "wechat.template", APP_ID)).isTrue();
            assertThat(accounts.owns(2, "wechat.template", APP_ID)).isFalse();
        }
        assertThat(store.reads()).as("the owner is remembered").isEqualTo(reads);
    }
}
