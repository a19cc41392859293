package org.wayfarer.channel.wechat;

import java.util.List;

/** STAND-IN (admin branch): the real service arrives with the channel-wechat work; drop this file at merge. */
public class WeChatAccounts {

    /**
     * @throws IllegalArgumentException         when the command is incomplete or malformed
     * @throws AccountAlreadyConnectedException when the appId is already connected
     */
    public ConnectedAccount connect(long tenantId, ConnectAccount command) {
        throw new UnsupportedOperationException("stand-in");
    }

    public List<ConnectedAccount> list(long tenantId) {
        throw new UnsupportedOperationException("stand-in");
    }
}
