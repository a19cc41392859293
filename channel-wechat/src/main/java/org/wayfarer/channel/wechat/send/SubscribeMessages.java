package org.wayfarer.channel.wechat.send;

import static org.wayfarer.channel.wechat.send.MessageFields.optional;
import static org.wayfarer.channel.wechat.send.MessageFields.required;

import java.util.LinkedHashMap;
import java.util.Map;
import me.chanjar.weixin.mp.bean.subscribe.WxMpSubscribeMessage;
import org.wayfarer.journey.channel.Delivery;

/**
 * Builds the WxJava subscription message ({@code bizsend}) for a delivery. Message keys: {@code templateId}
 * (required), {@code page} (a web page to open, optional), {@code miniprogram} {@code {appid, pagepath}} (a
 * mini-program page to open instead, optional), {@code data} (required): the template's keywords, each a non-empty
 * string, e.g. {@code {"thing1": "春季新品", "time2": "2026-03-01 10:00"}}. Anything else is refused with the key
 * named: WeChat would refuse it too, after a call.
 */
final class SubscribeMessages {

    private SubscribeMessages() {
    }

    /** The template id of a subscription message, or null when it has none. */
    static String templateId(Map<String, Object> message) {
        return message.get("templateId") instanceof String id && !id.isBlank() ? id : null;
    }

    /** @throws IllegalArgumentException naming the offending key when the message is not a subscription message */
    static WxMpSubscribeMessage build(Delivery delivery) {
        if (delivery.recipient() == null || delivery.recipient().isBlank()) {
            throw new IllegalArgumentException("recipient openid is required");
        }
        Map<String, Object> message = delivery.message();
        String templateId = required(message, "templateId", "");
        WxMpSubscribeMessage.WxMpSubscribeMessageBuilder builder = WxMpSubscribeMessage.builder()
                .toUser(delivery.recipient())
                .templateId(templateId)
                .page(optional(message, "page", ""))
                .dataMap(data(message.get("data")));
        Object miniprogram = message.get("miniprogram");
        if (miniprogram != null) {
            if (!(miniprogram instanceof Map<?, ?> page)) {
                throw new IllegalArgumentException("miniprogram must be an object {appid, pagepath}");
            }
            builder.miniProgram(new WxMpSubscribeMessage.MiniProgram(required(page, "appid", "miniprogram."),
                    required(page, "pagepath", "miniprogram."), false));
        }
        return builder.build();
    }

    private static Map<String, String> data(Object value) {
        if (!(value instanceof Map<?, ?> data) || data.isEmpty()) {
            throw new IllegalArgumentException("data must be an object of the template's keywords, e.g."
                    + " {\"thing1\": \"...\"}");
        }
        Map<String, String> values = new LinkedHashMap<>();
        data.forEach((key, keyword) -> {
            if (!(keyword instanceof String text) || text.isBlank()) {
                throw new IllegalArgumentException("data." + key + " must be a non-empty string");
            }
            values.put(String.valueOf(key), text);
        });
        return values;
    }
}
