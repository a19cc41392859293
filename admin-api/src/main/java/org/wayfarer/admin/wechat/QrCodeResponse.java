package org.wayfarer.admin.wechat;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import org.wayfarer.channel.wechat.qrcode.QrCode;

/** A scene QR code with what it brought. */
public record QrCodeResponse(
        @Schema(description = "QR code id: a 64-bit integer sent as a string") String id,
        String appId,
        String scene,
        boolean temporary,
        @Schema(description = "The current ticket; a temporary code gets a new one at each re-issue") String ticket,
        @Schema(description = "What the QR image encodes, to draw the image yourself",
                example = "http://weixin.qq.com/q/kZgfwMTm72WWPkovabbI") String url,
        @Schema(description = "WeChat's picture of the current ticket") String imageUrl,
        @Schema(description = "When the current ticket expires; null for a permanent code") Instant expiresAt,
        @Schema(description = "The journey the code is shown with, or null") String journeyId,
        @Schema(description = "wechat.followed events through the code (first follows), counted exactly")
        long follows,
        @Schema(description = "wechat.qr_scanned events (scans by existing followers), counted exactly") long scans,
        @Schema(description = "How many times the ticket was replaced before it expired") int reissues,
        Instant createdAt,
        @Schema(description = "When the code was retired; null while live") Instant retiredAt) {

    static QrCodeResponse of(QrCode code) {
        return new QrCodeResponse(Long.toString(code.id()), code.appId(), code.scene(), code.temporary(),
                code.ticket(), code.url(), code.imageUrl(), code.expiresAt(),
                code.journeyId() == null ? null : Long.toString(code.journeyId()), code.follows(), code.scans(),
                code.reissues(), code.createdAt(), code.retiredAt());
    }
}
