package org.wayfarer.channel.wechat.account;

import java.util.Optional;
import org.wayfarer.journey.crypto.SecretCipher;

/** Finds an account by AppID, across tenants, and decrypts its credentials. Thread-safe; no caching here. */
public class AccountLookup {

    private final AccountStore store;
    private final SecretCipher cipher;

    public AccountLookup(AccountStore store, SecretCipher cipher) {
        this.store = store;
        this.cipher = cipher;
    }

    /**
     * @param appId any case; an invalid AppID is simply not found
     * @return the owning tenant and decrypted credentials, or empty when no tenant connected this AppID
     */
    public Optional<AccountCredentials> findByAppId(String appId) {
        if (!AppIds.isValid(appId)) {
            return Optional.empty();
        }
        return store.findByAppId(AppIds.normalize(appId)).map(this::decrypt);
    }

    private AccountCredentials decrypt(StoredAccount account) {
        String aesKey = account.aesKeyEncrypted() == null ? null : cipher.decrypt(account.aesKeyEncrypted());
        return new AccountCredentials(account.tenantId(), account.appId(), cipher.decrypt(account.secretEncrypted()),
                cipher.decrypt(account.tokenEncrypted()), aesKey);
    }
}
