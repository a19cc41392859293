package org.wayfarer.channel.wechat.qrcode;

import java.time.Instant;
import java.util.Objects;

/**
 * A QR code as stored.
 *
 * @param expiresIn lifetime asked for each ticket of a temporary code, seconds; {@code null} for a permanent code
 * @param issuedAt  when the current ticket was issued
 * @param expiresAt when the current ticket expires; {@code null} for a permanent code
 * @param renewAt   when the re-issue job asks for the next ticket; {@code null} for permanent and retired codes
 * @param reissues  tickets replaced so far; the optimistic version of a re-issue
 * @param retiredAt {@code null} while live
 */
public record StoredQrCode(long id, long tenantId, String appId, String scene, boolean temporary, Integer expiresIn,
                           String ticket, String url, String imageUrl, Instant issuedAt, Instant expiresAt,
                           Instant renewAt, Long journeyId, long follows, long scans, int reissues,
                           Instant createdAt, Instant updatedAt, Instant retiredAt) {

    public StoredQrCode {
        Objects.requireNonNull(appId, "appId");
        Objects.requireNonNull(scene, "scene");
        Objects.requireNonNull(ticket, "ticket");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(imageUrl, "imageUrl");
        Objects.requireNonNull(issuedAt, "issuedAt");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }

    public boolean live() {
        return retiredAt == null;
    }

    public QrCode view() {
        return new QrCode(id, appId, scene, temporary, ticket, url, imageUrl, expiresAt, journeyId, follows, scans,
                reissues, createdAt, retiredAt);
    }
}
