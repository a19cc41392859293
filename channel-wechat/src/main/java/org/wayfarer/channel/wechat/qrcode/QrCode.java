package org.wayfarer.channel.wechat.qrcode;

import java.time.Instant;

/**
 * A scene QR code as operators see it.
 *
 * @param appId     lower-case AppID of its official account
 * @param ticket    the current ticket (a temporary code gets a new one at each re-issue)
 * @param url       what the QR image encodes ({@code http://weixin.qq.com/q/...}), for generating the image yourself
 * @param imageUrl  WeChat's picture of the current ticket ({@code showqrcode?ticket=...})
 * @param expiresAt when the current ticket expires; {@code null} for a permanent code
 * @param journeyId the journey it is shown with, or {@code null}
 * @param follows   {@code wechat.followed} events with this scene under this account since the code was created
 * @param scans     {@code wechat.qr_scanned} events (scans by existing followers) likewise
 * @param reissues  how many times the ticket was replaced before it expired
 * @param retiredAt when it was retired ({@code null}: live); a retired code is no longer re-issued or counted, and
 *                  its scene may be used again
 */
public record QrCode(long id, String appId, String scene, boolean temporary, String ticket, String url,
                     String imageUrl, Instant expiresAt, Long journeyId, long follows, long scans, int reissues,
                     Instant createdAt, Instant retiredAt) {

    public boolean live() {
        return retiredAt == null;
    }
}
