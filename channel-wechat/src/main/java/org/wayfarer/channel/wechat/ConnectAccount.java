package org.wayfarer.channel.wechat;

/**
 * STAND-IN (admin branch): the real type arrives with the channel-wechat work; drop this file at merge.
 *
 * @param aesKey null for plain mode
 */
public record ConnectAccount(String appId, String name, String secret, String token, String aesKey) {

    @Override
    public String toString() {
        return "ConnectAccount[appId=" + appId + ", name=" + name + ", secrets masked]";
    }
}
