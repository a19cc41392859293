package org.wayfarer.channel.wechat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.wayfarer.channel.wechat.account.AccountCredentials;
import org.wayfarer.channel.wechat.account.AccountLookup;
import org.wayfarer.channel.wechat.account.WxMpServices;
import org.wayfarer.journey.testing.MutableClock;
import org.wayfarer.journey.crypto.SecretCipher;

/**
 * The account store's contract, through {@link WeChatAccounts}; one subclass per database the adapter supports.
 * Every test uses fresh AppIDs and tenants, so the subclasses may share a schema across tests.
 */
abstract class WeChatAccountsContract {

    private static final String AES_KEY = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG";

    @Autowired
    WeChatAccounts accounts;
    @Autowired
    AccountLookup lookup;
    @Autowired
    WxMpServices services;
    @Autowired
    SecretCipher cipher;
    @Autowired
    MutableClock clock;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void connectsAnAccountAndListsItForItsTenantOnly() {
        long tenant = newTenant();
        long otherTenant = newTenant();
        String appId = newAppId();

        ConnectedAccount connected = accounts.connect(tenant,
                new ConnectAccount(appId, "  Flagship store  ", "secret-1", "token1", AES_KEY));

        assertThat(connected.appId()).isEqualTo(appId);
        assertThat(connected.name()).isEqualTo("Flagship store");
        assertThat(connected.safeMode()).isTrue();
        assertThat(connected.connectedAt()).isEqualTo(clock.instant());
        assertThat(accounts.list(tenant)).containsExactly(connected);
        assertThat(accounts.list(otherTenant)).isEmpty();
    }

    @Test
    void listsATenantsAccountsOldestFirst() {
        long tenant = newTenant();
        ConnectedAccount first = accounts.connect(tenant, new ConnectAccount(newAppId(), "First", "s", "tok", null));
        clock.advance(Duration.ofSeconds(1));
        ConnectedAccount second = accounts.connect(tenant, new ConnectAccount(newAppId(), "Second", "s", "tok", null));

        assertThat(accounts.list(tenant)).containsExactly(first, second);
        assertThat(second.safeMode()).isFalse();
    }

    @Test
    void rejectsAnAppIdAlreadyConnectedToAnyTenant() {
        long tenant = newTenant();
        String appId = newAppId();
        accounts.connect(tenant, new ConnectAccount(appId, "Original", "secret-1", "token1", null));

        assertThatThrownBy(() -> accounts.connect(tenant, new ConnectAccount(appId, "Again", "s", "tok", null)))
                .isInstanceOf(AccountAlreadyConnectedException.class)
                .hasMessageContaining(appId);
        long thief = newTenant();
        assertThatThrownBy(() -> accounts.connect(thief,
                new ConnectAccount(appId.toUpperCase().replace("WX", "wx"), "Theirs", "s", "tok", null)))
                .isInstanceOf(AccountAlreadyConnectedException.class);

        assertThat(accounts.list(tenant)).extracting(ConnectedAccount::name).containsExactly("Original");
        assertThat(accounts.list(thief)).isEmpty();
    }

    @Test
    void storesCredentialsEncrypted() {
        String appId = newAppId();
        accounts.connect(newTenant(), new ConnectAccount(appId, "Shop", "plain-app-secret-0123456789",
                "plainToken42", AES_KEY));

        Map<String, Object> row = jdbc.queryForMap(
                "SELECT secret_enc, token_enc, aes_key_enc FROM wechat_account WHERE app_id = ?", appId);
        String secret = (String) row.get("secret_enc");
        String token = (String) row.get("token_enc");
        String aesKey = (String) row.get("aes_key_enc");

        assertThat(secret).startsWith("v1:").doesNotContain("plain-app-secret");
        assertThat(token).startsWith("v1:").doesNotContain("plainToken42");
        assertThat(aesKey).startsWith("v1:").doesNotContain(AES_KEY);
        assertThat(cipher.decrypt(secret)).isEqualTo("plain-app-secret-0123456789");
        assertThat(cipher.decrypt(token)).isEqualTo("plainToken42");
        assertThat(cipher.decrypt(aesKey)).isEqualTo(AES_KEY);
    }

    @Test
    void leavesTheAesKeyEmptyInPlainMode() {
        String appId = newAppId();
        accounts.connect(newTenant(), new ConnectAccount(appId, "Shop", "secret", "token1", "  "));

        assertThat(jdbc.queryForObject("SELECT aes_key_enc FROM wechat_account WHERE app_id = ?", String.class,
                appId)).isNull();
    }

    @Test
    void makesTheAccountResolvableByAppIdWithDecryptedCredentials() {
        long tenant = newTenant();
        String appId = newAppId();
        assertThat(services.find(appId)).isEmpty();

        accounts.connect(tenant, new ConnectAccount(appId, "Shop", "secret-9", "token9", AES_KEY));

        assertThat(lookup.findByAppId(appId.toUpperCase().replace("WX", "wx"))).hasValueSatisfying(found -> {
            assertThat(found).isEqualTo(new AccountCredentials(tenant, appId, "secret-9", "token9", AES_KEY));
            assertThat(found.toString()).doesNotContain("secret-9", "token9", AES_KEY);
        });
        assertThat(services.find(appId)).hasValueSatisfying(account -> {
            assertThat(account.tenantId()).isEqualTo(tenant);
            assertThat(account.config().getToken()).isEqualTo("token9");
            assertThat(account.config().getAesKey()).isEqualTo(AES_KEY);
        });
    }

    @Test
    void storesNothingForAnInvalidAccount() {
        long tenant = newTenant();

        assertThatThrownBy(() -> accounts.connect(tenant, new ConnectAccount(newAppId(), "Shop", "s", "t!", null)))
                .isInstanceOf(IllegalArgumentException.class);

        assertThat(accounts.list(tenant)).isEmpty();
    }

    private static long newTenant() {
        return ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE);
    }

    private static String newAppId() {
        return String.format("wx%016x", ThreadLocalRandom.current().nextLong());
    }
}
