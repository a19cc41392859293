package org.wayfarer.channel.wechat.account;

import java.util.Objects;
import me.chanjar.weixin.mp.api.WxMpService;
import me.chanjar.weixin.mp.config.WxMpConfigStorage;

/**
 * A connected official account ready to use: who owns it, and its own {@code WxMpService} (never switched over, so
 * no ThreadLocal account state is involved). Thread-safe.
 */
public record MpAccount(AccountCredentials credentials, WxMpService service) {

    public MpAccount {
        Objects.requireNonNull(credentials, "credentials");
        Objects.requireNonNull(service, "service");
    }

    public long tenantId() {
        return credentials.tenantId();
    }

    public String appId() {
        return credentials.appId();
    }

    /** The account's WxJava configuration (token, AES key, host overrides) for signature checks and decryption. */
    public WxMpConfigStorage config() {
        return service.getWxMpConfigStorage();
    }

    @Override
    public String toString() {
        return "MpAccount[" + credentials + "]";
    }
}
