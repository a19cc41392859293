package org.wayfarer.channel.wechat.account;

import java.time.Instant;
import java.util.Objects;

/**
 * An official account as stored: credentials are {@code SecretCipher} output, never plaintext.
 *
 * @param aesKeyEncrypted {@code null} for a plain-mode account
 */
public record StoredAccount(long id, long tenantId, String appId, String name, String secretEncrypted,
                            String tokenEncrypted, String aesKeyEncrypted, Instant createdAt, Instant updatedAt) {

    public StoredAccount {
        Objects.requireNonNull(appId, "appId");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(secretEncrypted, "secretEncrypted");
        Objects.requireNonNull(tokenEncrypted, "tokenEncrypted");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }
}
