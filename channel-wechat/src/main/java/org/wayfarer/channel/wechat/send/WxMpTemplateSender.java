package org.wayfarer.channel.wechat.send;

import java.time.Duration;
import java.time.ZoneId;
import java.util.Optional;
import me.chanjar.weixin.mp.bean.template.WxMpTemplateMessage;
import org.wayfarer.channel.wechat.account.WxMpServices;
import org.wayfarer.journey.channel.ChannelSender;
import org.wayfarer.journey.channel.DailyQuota;
import org.wayfarer.journey.channel.Delivery;
import org.wayfarer.journey.channel.SendReceipt;
import org.wayfarer.journey.event.IdentityKind;

/**
 * Sends official-account template messages ({@code wechat.template}) through the delivery's account
 * ({@link Delivery#account()} = AppID) to an openid.
 *
 * <p>The delivery id becomes WeChat's {@code client_msg_id}, its idempotency key: WeChat sends one message per
 * openid + {@code client_msg_id} within 10 minutes, so the sender declares an {@link #idempotencyWindow()} of
 * {@value #IDEMPOTENCY_WINDOW_MINUTES} minutes and the dispatcher may repeat a send whose outcome is unknown inside
 * it. One HTTP attempt per call, no sleeping; outcomes as described in {@link TemplateReceipts}. A message that is not a valid template message, or an
 * AppID no tenant connected, is rejected ({@code invalid_message}, {@code unknown_account}). Never throws for
 * provider or I/O errors. Thread-safe.
 */
public final class WxMpTemplateSender implements ChannelSender {

    /** The channel name in journey definitions. */
    public static final String CHANNEL = "wechat.template";

    /**
     * Two minutes below WeChat's ten: a repeat may start just before the window closes and then take up to the read
     * timeout, and the window is counted from our first claim, which our clock and WeChat's see slightly apart.
     */
    static final int IDEMPOTENCY_WINDOW_MINUTES = 8;

    /** WeChat's template quota renews at midnight Beijing time. */
    static final ZoneId QUOTA_ZONE = ZoneId.of("Asia/Shanghai");

    private final WxMpServices services;
    private final TemplateQuotaProperties quotas;

    /** A sender counting WeChat's default quota of 100,000 a day for every account. */
    public WxMpTemplateSender(WxMpServices services) {
        this(services, TemplateQuotaProperties.defaults());
    }

    public WxMpTemplateSender(WxMpServices services, TemplateQuotaProperties quotas) {
        this.services = services;
        this.quotas = quotas;
    }

    /** The account's template quota: the dispatcher defers sends over it to the next day instead of meeting 45009. */
    @Override
    public Optional<DailyQuota> dailyQuota(String account) {
        return Optional.of(new DailyQuota(quotas.of(account), QUOTA_ZONE));
    }

    @Override
    public String channel() {
        return CHANNEL;
    }

    @Override
    public IdentityKind addressKind() {
        return IdentityKind.WECHAT_OPENID;
    }

    @Override
    public Duration idempotencyWindow() {
        return Duration.ofMinutes(IDEMPOTENCY_WINDOW_MINUTES);
    }

    @Override
    public SendReceipt send(Delivery delivery) {
        WxMpTemplateMessage message;
        try {
            message = TemplateMessages.build(delivery);
        } catch (IllegalArgumentException e) {
            return new SendReceipt.Rejected("invalid_message", e.getMessage());
        }
        return AccountCalls.call(services, delivery.account(), account ->
                new SendReceipt.Accepted(account.service().getTemplateMsgService().sendTemplateMsg(message)));
    }
}
