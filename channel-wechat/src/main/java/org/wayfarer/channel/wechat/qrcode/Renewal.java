package org.wayfarer.channel.wechat.qrcode;

import java.time.Instant;

/** A fresh ticket for a temporary code: what replaces the current one. */
public record Renewal(String ticket, String url, String imageUrl, Instant issuedAt, Instant expiresAt,
                      Instant renewAt) {
}
