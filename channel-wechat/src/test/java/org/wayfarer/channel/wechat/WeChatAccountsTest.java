package org.wayfarer.channel.wechat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.wayfarer.channel.wechat.account.AccountLookup;
import org.wayfarer.channel.wechat.account.WxMpServices;
import org.wayfarer.channel.wechat.testapp.InMemoryAccountStore;
import org.wayfarer.journey.testing.MutableClock;
import org.wayfarer.journey.crypto.SecretCipher;

/** Validation of {@link WeChatAccounts#connect}; storage itself is covered by {@link WeChatAccountsContract}. */
class WeChatAccountsTest {

    private static final String APP_ID = "wx1234567890abcdef";
    private static final String AES_KEY = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG";

    private final InMemoryAccountStore store = new InMemoryAccountStore();
    private final SecretCipher cipher = new SecretCipher(new byte[32]);
    private final WxMpServices services = new WxMpServices(new AccountLookup(store, cipher),
            WeChatProperties.defaults(null));
    private final AtomicLong ids = new AtomicLong();
    private final WeChatAccounts accounts = new WeChatAccounts(store, cipher, ids::incrementAndGet,
            new MutableClock(Instant.parse("2026-03-01T08:00:00.123456Z")), services);

    @AfterEach
    void close() {
        services.close();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "NULL", value = {
            "missing appId     | NULL                | Shop | secret | token1 | NULL  | appId is required",
            "short appId       | wx1234              | Shop | secret | token1 | NULL  | appId must be 'wx' followed by 16 hexadecimal digits",
            "non-hex appId     | wx1234567890abcdeg  | Shop | secret | token1 | NULL  | appId must be 'wx' followed by 16 hexadecimal digits",
            "blank name        | wx1234567890abcdef  | '  ' | secret | token1 | NULL  | name is required",
            "blank secret      | wx1234567890abcdef  | Shop | ' '    | token1 | NULL  | secret is required",
            "spaced secret     | wx1234567890abcdef  | Shop | 'a b'  | token1 | NULL  | secret must be at most 128 printable ASCII characters without spaces",
            "blank token       | wx1234567890abcdef  | Shop | secret | NULL   | NULL  | token is required",
            "short token       | wx1234567890abcdef  | Shop | secret | ab     | NULL  | token must be 3 to 32 letters or digits",
            "token with dash   | wx1234567890abcdef  | Shop | secret | to-ken | NULL  | token must be 3 to 32 letters or digits",
            "short aesKey      | wx1234567890abcdef  | Shop | secret | token1 | abc   | aesKey must be exactly 43 characters (or absent for plain mode)",
    })
    void refusesInvalidAccountsWithAPreciseMessage(String rule, String appId, String name, String secret, String token,
                                                   String aesKey, String message) {
        assertThatThrownBy(() -> accounts.connect(1, new ConnectAccount(appId, name, secret, token, aesKey)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(message);
        assertThat(store.listByTenant(1)).isEmpty();
    }

    @Test
    void refusesNonBase64AesKeys() {
        String key = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEF-";

        assertThatThrownBy(() -> accounts.connect(1, new ConnectAccount(APP_ID, "Shop", "secret", "token1", key)))
                .hasMessage("aesKey must contain only base64 characters (A-Z, a-z, 0-9, +, /)");
    }

    @Test
    void refusesOverlongNamesAndSecrets() {
        assertThatThrownBy(() -> accounts.connect(1, new ConnectAccount(APP_ID, "n".repeat(129), "s", "tok", null)))
                .hasMessage("name must be at most 128 characters");
        assertThatThrownBy(() -> accounts.connect(1, new ConnectAccount(APP_ID, "Shop", "s".repeat(129), "tok", null)))
                .hasMessageStartingWith("secret must be at most 128");
        assertThatThrownBy(() -> accounts.connect(1, new ConnectAccount(APP_ID, "Shop", "s", "t".repeat(33), null)))
                .hasMessage("token must be 3 to 32 letters or digits");
    }

    @Test
    void neverQuotesCredentialsInMessages() {
        assertThatThrownBy(() -> accounts.connect(1, new ConnectAccount(APP_ID, "Shop", "top secret", "tok", null)))
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("top secret"));
        assertThatThrownBy(() -> accounts.connect(1, new ConnectAccount(APP_ID, "Shop", "s", "bad-token", null)))
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("bad-token"));
        assertThat(new ConnectAccount(APP_ID, "Shop", "top secret", "tok", AES_KEY).toString())
                .doesNotContain("top secret", AES_KEY);
    }

    @Test
    void acceptsTheLimitsAndNormalisesTheAppId() {
        ConnectedAccount connected = accounts.connect(1, new ConnectAccount("WX1234567890ABCDEF", "n".repeat(128),
                "s".repeat(128), "t".repeat(32), AES_KEY));

        assertThat(connected.appId()).isEqualTo(APP_ID);
        assertThat(connected.safeMode()).isTrue();
        assertThat(connected.connectedAt()).isEqualTo(Instant.parse("2026-03-01T08:00:00.123Z"));
        assertThat(accounts.connect(1, new ConnectAccount("wxabcdef1234567890", "Shop", "s", "abc", null)).safeMode())
                .isFalse();
    }
}
