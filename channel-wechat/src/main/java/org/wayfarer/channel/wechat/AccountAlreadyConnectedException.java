package org.wayfarer.channel.wechat;

/** The appId is already connected, to this or another tenant; an AppID can belong to one tenant only. */
public class AccountAlreadyConnectedException extends RuntimeException {

    private final String appId;

    public AccountAlreadyConnectedException(String appId) {
        super("official account " + appId + " is already connected");
        this.appId = appId;
    }

    public String appId() {
        return appId;
    }
}
