package org.wayfarer.channel.wechat.qrcode;

/** What one intake write adds to the live code of {@code scene} under {@code appId}, if the tenant has one. */
public record SceneTally(long tenantId, String appId, String scene, long follows, long scans) {
}
