package org.wayfarer.channel.wechat.qrcode;

/**
 * WeChat did not issue a ticket: it answered an errcode, or could not be reached, or its answer was unusable. The
 * message names the errcode and WeChat's (English) errmsg, never a credential or an access token.
 */
public class WeChatQrCodeException extends RuntimeException {

    private final Integer errcode;

    public WeChatQrCodeException(Integer errcode, String message) {
        super(message);
        this.errcode = errcode;
    }

    /** WeChat's errcode; {@code null} when there was none (not reached, or no usable answer). */
    public Integer errcode() {
        return errcode;
    }
}
