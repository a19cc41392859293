package org.wayfarer.channel.wechat;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;
import org.wayfarer.channel.wechat.account.AccountLookup;
import org.wayfarer.channel.wechat.account.WxMpServices;
import org.wayfarer.channel.wechat.testapp.InMemoryAccountStore;
import org.wayfarer.journey.crypto.SecretCipher;
import org.wayfarer.journey.testing.MutableClock;

/** {@link WeChatAccounts#isConnected}: the question the admin API asks before it takes an event on an account. */
class WeChatAccountsOwnershipTest {

    private static final String APP_ID = "wx1234567890abcdef";
    private static final long TENANT = 7;
    private static final long OTHER_TENANT = 8;

    private final InMemoryAccountStore store = new InMemoryAccountStore();
    private final SecretCipher cipher = new SecretCipher(new byte[32]);
    private final WxMpServices services = new WxMpServices(new AccountLookup(store, cipher),
            WeChatProperties.defaults(null));
    private final AtomicLong ids = new AtomicLong();
    private final WeChatAccounts accounts = new WeChatAccounts(store, cipher, ids::incrementAndGet,
            new MutableClock(Instant.parse("2026-03-01T08:00:00Z")), services);

    @AfterEach
    void close() {
        services.close();
    }

    @Test
    void answersTrueOnlyForTheTenantThatConnectedTheAccount() {
        accounts.connect(TENANT, new ConnectAccount(APP_ID, "Shop", "secret", "token1", null));

        assertThat(accounts.isConnected(TENANT, APP_ID)).isTrue();
        assertThat(accounts.isConnected(OTHER_TENANT, APP_ID)).isFalse();
    }

    @Test
    void ignoresTheCaseOfTheAppId() {
        accounts.connect(TENANT, new ConnectAccount("WX1234567890ABCDEF", "Shop", "secret", "token1", null));

        assertThat(accounts.isConnected(TENANT, APP_ID)).isTrue();
        assertThat(accounts.isConnected(TENANT, "wx1234567890ABCDEF")).isTrue();
    }

    @Test
    void answersFalseForAnAccountNobodyConnected() {
        assertThat(accounts.isConnected(TENANT, APP_ID)).isFalse();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {" ", "wx1234", "wx1234567890abcdeg", "wx1234567890abcdef0", "gh_1234567890ab"})
    void answersFalseForInvalidAppIds(String appId) {
        accounts.connect(TENANT, new ConnectAccount(APP_ID, "Shop", "secret", "token1", null));

        assertThat(accounts.isConnected(TENANT, appId)).isFalse();
    }
}
