package org.wayfarer.channel.wechat;

/** The caller's tenant has not connected this official account (or nobody has: the two read the same). */
public final class UnknownAccountException extends RuntimeException {

    public UnknownAccountException(String appId) {
        super("official account " + appId + " is not connected to this tenant");
    }
}
