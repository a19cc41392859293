package org.wayfarer.channel.wechat.send;

import java.util.Optional;
import me.chanjar.weixin.mp.bean.kefu.WxMpKefuMessage;
import org.wayfarer.channel.wechat.account.WxMpServices;
import org.wayfarer.journey.channel.ChannelSender;
import org.wayfarer.journey.channel.Delivery;
import org.wayfarer.journey.channel.Reach;
import org.wayfarer.journey.channel.SendReceipt;
import org.wayfarer.journey.event.IdentityKind;

/**
 * Sends customer-service (kefu) messages ({@code wechat.kefu}: text, news, image, mini-program page card, card
 * voucher; see {@link KefuMessages}) through the delivery's account to an openid.
 *
 * <p>WeChat takes a kefu message only inside the follower's reply window; the engine checks that window before it
 * calls ({@code KefuWindows}), and WeChat's own refusals, 45015 (window closed or unfollowed) and 45047 (the window's
 * quota spent), are rejections, never retried: a send node with more channels falls through to the next. The kefu
 * API has no idempotency key, so an unknown outcome is final (at most once). Other outcomes as in
 * {@link TemplateReceipts}. Never throws for provider or I/O errors. Thread-safe.
 */
public final class WxMpKefuSender implements ChannelSender {

    /** The channel name in journey definitions. */
    public static final String CHANNEL = "wechat.kefu";

    private final WxMpServices services;
    private final KefuWindows windows;

    public WxMpKefuSender(WxMpServices services, KefuWindows windows) {
        this.services = services;
        this.windows = windows;
    }

    /** Closed while the follower has no open reply window with quota left ({@link KefuWindows}). */
    @Override
    public Optional<String> unreachable(Reach reach) {
        return windows.closed(reach);
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
    public SendReceipt send(Delivery delivery) {
        WxMpKefuMessage message;
        try {
            message = KefuMessages.build(delivery);
        } catch (IllegalArgumentException e) {
            return new SendReceipt.Rejected("invalid_message", e.getMessage());
        }
        return AccountCalls.call(services, delivery.account(), account -> {
            account.service().getKefuService().sendKefuMessage(message);
            return new SendReceipt.Accepted(null);
        });
    }
}
