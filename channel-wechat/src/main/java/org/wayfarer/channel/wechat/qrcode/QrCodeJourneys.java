package org.wayfarer.channel.wechat.qrcode;

/** Whether a journey belongs to a tenant (port; wired from the engine's journey store). Thread-safe. */
@FunctionalInterface
public interface QrCodeJourneys {

    /** Any status counts, drafts and archived journeys included. */
    boolean exists(long tenantId, long journeyId);
}
