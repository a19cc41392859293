package org.wayfarer.channel.wechat.qrcode;

/** The tenant has no QR code with this id. */
public class QrCodeNotFoundException extends RuntimeException {

    private final long id;

    public QrCodeNotFoundException(long id) {
        super("no QR code " + id);
        this.id = id;
    }

    public long id() {
        return id;
    }
}
