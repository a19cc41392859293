package org.wayfarer.channel.wechat.qrcode;

/**
 * The account holds as many permanent codes as WeChat allows (100,000 an account, or the lower
 * {@code wayfarer.wechat.qrcodes.max-permanent-per-account}); retired ones count too, since WeChat never frees one.
 * Nothing was stored and WeChat was not called.
 */
public class PermanentQrCodeLimitException extends RuntimeException {

    private final long limit;

    public PermanentQrCodeLimitException(long limit) {
        super("the official account already holds " + limit + " permanent QR codes, the most allowed");
        this.limit = limit;
    }

    public long limit() {
        return limit;
    }
}
