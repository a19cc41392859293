package org.wayfarer.channel.wechat;

/**
 * Command to connect an official account to a tenant. Validated by {@link WeChatAccounts#connect}; {@link #toString()}
 * never shows the credentials.
 *
 * @param appId  the account's AppID, {@code wx} followed by 16 hex digits (case-insensitive; stored lower case)
 * @param name   display name, 1..128 characters
 * @param secret the AppSecret
 * @param token  the callback Token configured in the WeChat console (3..32 letters or digits)
 * @param aesKey the EncodingAESKey (43 base64 characters) for safe mode; {@code null} or blank for plain mode
 */
public record ConnectAccount(String appId, String name, String secret, String token, String aesKey) {

    @Override
    public String toString() {
        return "ConnectAccount[appId=" + appId + ", name=" + name + ", credentials redacted]";
    }
}
