package org.wayfarer.channel.wechat;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;
import org.wayfarer.channel.wechat.account.AccountStore;
import org.wayfarer.channel.wechat.account.AppIds;
import org.wayfarer.channel.wechat.account.StoredAccount;
import org.wayfarer.channel.wechat.account.WxMpServices;
import org.wayfarer.journey.IdGenerator;
import org.wayfarer.journey.crypto.SecretCipher;

/**
 * Connects official accounts to tenants and lists them (the admin API's entry point into this channel).
 *
 * <p>Credentials (secret, token, AES key) are encrypted with the {@link SecretCipher} before they are stored and are
 * never returned. An AppID belongs to one tenant only. Thread-safe.
 */
public class WeChatAccounts {

    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9]{3,32}");
    private static final Pattern SECRET = Pattern.compile("[\\x21-\\x7e]{1,128}");
    private static final Pattern AES_KEY = Pattern.compile("[A-Za-z0-9+/]{43}");

    private final AccountStore store;
    private final SecretCipher cipher;
    private final IdGenerator ids;
    private final Clock clock;
    private final WxMpServices services;

    public WeChatAccounts(AccountStore store, SecretCipher cipher, IdGenerator ids, Clock clock,
                          WxMpServices services) {
        this.store = store;
        this.cipher = cipher;
        this.ids = ids;
        this.clock = clock;
        this.services = services;
    }

    /**
     * Connects an official account to {@code tenantId}.
     *
     * @return the account as stored (AppID lower-cased, name stripped)
     * @throws IllegalArgumentException         when a field is invalid; the message names the field and the rule, and
     *                                          never contains a credential
     * @throws AccountAlreadyConnectedException when any tenant connected this AppID before
     */
    public ConnectedAccount connect(long tenantId, ConnectAccount command) {
        if (command == null) {
            throw new IllegalArgumentException("account details are required");
        }
        String appId = validAppId(command.appId());
        String name = validName(command.name());
        String secret = validSecret(command.secret());
        String token = validToken(command.token());
        String aesKey = validAesKey(command.aesKey());

        Instant now = Instant.ofEpochMilli(clock.millis());
        StoredAccount account = new StoredAccount(ids.nextId(), tenantId, appId, name, cipher.encrypt(secret),
                cipher.encrypt(token), aesKey == null ? null : cipher.encrypt(aesKey), now, now);
        boolean inserted = store.insert(account);
        // Also after a refused insert: a cached service must never outlive the row it was built from.
        services.invalidate(appId);
        if (!inserted) {
            throw new AccountAlreadyConnectedException(appId);
        }
        return toConnected(account);
    }

    /** The tenant's connected accounts, oldest first; never another tenant's. */
    public List<ConnectedAccount> list(long tenantId) {
        return store.listByTenant(tenantId).stream().map(WeChatAccounts::toConnected).toList();
    }

    /**
     * Whether {@code tenantId} has connected the official account {@code appId} (any case). False for an AppID that
     * is invalid, unknown, or connected by another tenant: callers may act through an account only when this holds,
     * and learn nothing about other tenants' accounts from it. Reads the account store on every call.
     */
    public boolean isConnected(long tenantId, String appId) {
        if (!AppIds.isValid(appId)) {
            return false;
        }
        return store.findByAppId(AppIds.normalize(appId)).filter(account -> account.tenantId() == tenantId)
                .isPresent();
    }

    private static ConnectedAccount toConnected(StoredAccount account) {
        return new ConnectedAccount(account.appId(), account.name(), account.aesKeyEncrypted() != null,
                account.createdAt());
    }

    private static String validAppId(String appId) {
        if (appId == null || appId.isBlank()) {
            throw new IllegalArgumentException("appId is required");
        }
        if (!AppIds.isValid(appId)) {
            throw new IllegalArgumentException("appId must be 'wx' followed by 16 hexadecimal digits");
        }
        return AppIds.normalize(appId);
    }

    private static String validName(String name) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("name is required");
        }
        String stripped = name.strip();
        if (stripped.length() > 128) {
            throw new IllegalArgumentException("name must be at most 128 characters");
        }
        return stripped;
    }

    private static String validSecret(String secret) {
        if (secret == null || secret.isBlank()) {
            throw new IllegalArgumentException("secret is required");
        }
        if (!SECRET.matcher(secret).matches()) {
            throw new IllegalArgumentException("secret must be at most 128 printable ASCII characters without spaces");
        }
        return secret;
    }

    private static String validToken(String token) {
        if (token == null || token.isBlank()) {
            throw new IllegalArgumentException("token is required");
        }
        if (!TOKEN.matcher(token).matches()) {
            throw new IllegalArgumentException("token must be 3 to 32 letters or digits");
        }
        return token;
    }

    private static String validAesKey(String aesKey) {
        if (aesKey == null || aesKey.isBlank()) {
            return null;
        }
        if (aesKey.length() != 43) {
            throw new IllegalArgumentException("aesKey must be exactly 43 characters (or absent for plain mode)");
        }
        if (!AES_KEY.matcher(aesKey).matches()) {
            throw new IllegalArgumentException("aesKey must contain only base64 characters (A-Z, a-z, 0-9, +, /)");
        }
        return aesKey;
    }
}
