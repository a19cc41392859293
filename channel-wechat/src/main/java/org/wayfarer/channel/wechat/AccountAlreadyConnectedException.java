package org.wayfarer.channel.wechat;

/** STAND-IN (admin branch): the real type arrives with the channel-wechat work; drop this file at merge. */
public class AccountAlreadyConnectedException extends RuntimeException {

    public AccountAlreadyConnectedException(String appId) {
        super("official account " + appId + " is already connected");
    }
}
