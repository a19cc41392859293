package org.wayfarer.channel.wechat;

/** WeChat refused or failed an API call made for an admin request; nothing was changed on our side. */
public final class WeChatApiException extends RuntimeException {

    private final int errcode;

    public WeChatApiException(int errcode, String errmsg) {
        super("WeChat answered " + errcode + ": " + errmsg);
        this.errcode = errcode;
    }

    /** WeChat's errcode (-99 when no errcode came: an I/O failure or an unusable answer). */
    public int errcode() {
        return errcode;
    }
}
