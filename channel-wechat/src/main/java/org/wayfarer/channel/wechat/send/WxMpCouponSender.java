package org.wayfarer.channel.wechat.send;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.wayfarer.journey.channel.ChannelSender;
import org.wayfarer.journey.channel.Delivery;
import org.wayfarer.journey.channel.Reach;
import org.wayfarer.journey.channel.SendReceipt;
import org.wayfarer.journey.event.IdentityKind;

/**
 * Delivers a card voucher ({@code wechat.coupon}): as a kefu {@code wxcard} message while the follower's reply window
 * is open ({@link KefuWindows}), else (or when WeChat refuses the kefu message) as a template message linking to the
 * card's landing page. Message: {@code cardId} (required), {@code stock} (the engine's, ignored here),
 * {@code landingUrl} (the card's landing page, made in the WeChat console), {@code template} (a
 * {@code wechat.template} message; its {@code url} defaults to {@code landingUrl}). Without a template a closed
 * window is a rejection ({@code no_window}), which a node with more channels falls through.
 *
 * <p>At most one message reaches the follower: the template is tried only after the kefu API refused for good
 * (never after an unknown outcome or back-pressure, which are returned as they are). At most once overall, as the
 * kefu API has no idempotency key. Thread-safe.
 */
public final class WxMpCouponSender implements ChannelSender {

    /** The channel name in journey definitions. */
    public static final String CHANNEL = "wechat.coupon";

    private final WxMpKefuSender kefu;
    private final WxMpTemplateSender template;
    private final KefuWindows windows;
    private final Clock clock;

    public WxMpCouponSender(WxMpKefuSender kefu, WxMpTemplateSender template, KefuWindows windows, Clock clock) {
        this.kefu = kefu;
        this.template = template;
        this.windows = windows;
        this.clock = clock;
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
        Map<String, Object> message = delivery.message();
        if (!(message.get("cardId") instanceof String cardId) || cardId.isBlank()) {
            return new SendReceipt.Rejected("invalid_message", "cardId is required");
        }
        Optional<String> closed = windows.closed(new Reach(delivery.tenantId(), delivery.contactId(),
                delivery.account(), delivery.recipient(), delivery.deliveryId(), clock.instant()));
        String why;
        if (closed.isEmpty()) {
            SendReceipt card = kefu.send(as(delivery, Map.of("msgtype", "wxcard", "cardId", cardId)));
            if (!(card instanceof SendReceipt.Rejected refused)) {
                return card;
            }
            why = "kefu refused the card (" + refused.code() + ": " + refused.reason() + ")";
        } else {
            why = closed.get();
        }
        if (!(message.get("template") instanceof Map<?, ?> templateMessage)) {
            return new SendReceipt.Rejected("no_window", why + "; the coupon has no template to link its landing"
                    + " page");
        }
        Map<String, Object> linked = new LinkedHashMap<>();
        templateMessage.forEach((key, value) -> linked.put(String.valueOf(key), value));
        if (linked.get("url") == null && message.get("landingUrl") != null) {
            linked.put("url", message.get("landingUrl"));
        }
        return template.send(as(delivery, linked));
    }

    private static Delivery as(Delivery delivery, Map<String, Object> message) {
        return new Delivery(delivery.deliveryId(), delivery.tenantId(), delivery.channel(), delivery.account(),
                delivery.recipient(), message, delivery.attempt(), delivery.contactId());
    }
}
