package org.wayfarer.channel.wechat.qrcode;

import java.util.List;

/** One page of QR codes, oldest first; {@code nextCursor} (the last id) is {@code null} on the last page. */
public record QrCodePage(List<QrCode> items, Long nextCursor) {

    public QrCodePage {
        items = List.copyOf(items);
    }
}
