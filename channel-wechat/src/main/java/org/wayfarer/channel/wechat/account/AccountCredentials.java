package org.wayfarer.channel.wechat.account;

import java.util.Objects;

/**
 * Decrypted credentials of one official account, for the callback endpoint and the senders. Keep it in memory only;
 * {@link #toString()} is redacted so it cannot leak through a log line.
 *
 * @param aesKey the EncodingAESKey, {@code null} in plain mode
 */
public record AccountCredentials(long tenantId, String appId, String secret, String token, String aesKey) {

    public AccountCredentials {
        Objects.requireNonNull(appId, "appId");
        Objects.requireNonNull(secret, "secret");
        Objects.requireNonNull(token, "token");
    }

    /** Whether callbacks are AES encrypted. */
    public boolean safeMode() {
        return aesKey != null;
    }

    @Override
    public String toString() {
        return "AccountCredentials[tenantId=" + tenantId + ", appId=" + appId + ", safeMode=" + safeMode()
                + ", secrets redacted]";
    }
}
