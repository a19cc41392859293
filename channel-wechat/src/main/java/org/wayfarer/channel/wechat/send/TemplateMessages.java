package org.wayfarer.channel.wechat.send;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import me.chanjar.weixin.mp.bean.template.WxMpTemplateData;
import me.chanjar.weixin.mp.bean.template.WxMpTemplateMessage;
import org.wayfarer.journey.channel.Delivery;

/**
 * Builds the WxJava template message for a delivery. Message keys: {@code templateId} (required), {@code url},
 * {@code miniprogram} {@code {appid, pagepath}}, {@code data} {@code {name: "value" | {value, color}}}.
 *
 * <p>Data goes through the builder's list: {@code WxMpTemplateMessage.addData} silently truncates long values
 * ({@code thing*} over 20 characters and others), and a silently changed message is worse than a rejected one.
 */
final class TemplateMessages {

    private TemplateMessages() {
    }

    /** @throws IllegalArgumentException naming the offending key when the message is not a valid template message */
    static WxMpTemplateMessage build(Delivery delivery) {
        Map<String, Object> message = delivery.message();
        if (delivery.recipient() == null || delivery.recipient().isBlank()) {
            throw new IllegalArgumentException("recipient openid is required");
        }
        String templateId = text(message.get("templateId"), "templateId");
        if (templateId == null) {
            throw new IllegalArgumentException("templateId is required");
        }
        return WxMpTemplateMessage.builder()
                .toUser(delivery.recipient())
                .templateId(templateId)
                .url(text(message.get("url"), "url"))
                .miniProgram(miniProgram(first(message, "miniprogram", "miniProgram")))
                .clientMsgId(String.valueOf(delivery.deliveryId()))
                .data(data(message.get("data")))
                .build();
    }

    private static WxMpTemplateMessage.MiniProgram miniProgram(Object value) {
        if (value == null) {
            return null;
        }
        if (!(value instanceof Map<?, ?> map)) {
            throw new IllegalArgumentException("miniprogram must be an object {appid, pagepath}");
        }
        String appid = text(map.get("appid"), "miniprogram.appid");
        if (appid == null) {
            throw new IllegalArgumentException("miniprogram.appid is required");
        }
        Object pagePath = map.get("pagepath") != null ? map.get("pagepath") : map.get("pagePath");
        return new WxMpTemplateMessage.MiniProgram(appid, text(pagePath, "miniprogram.pagepath"), false);
    }

    private static List<WxMpTemplateData> data(Object value) {
        List<WxMpTemplateData> out = new ArrayList<>();
        if (value == null) {
            return out;
        }
        if (!(value instanceof Map<?, ?> map)) {
            throw new IllegalArgumentException("data must be an object of name: value");
        }
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            String name = String.valueOf(entry.getKey());
            Object field = entry.getValue();
            if (field instanceof Map<?, ?> valueAndColor) {
                String fieldValue = scalar(valueAndColor.get("value"), "data." + name + ".value");
                if (fieldValue == null) {
                    throw new IllegalArgumentException("data." + name + ".value is required");
                }
                out.add(new WxMpTemplateData(name, fieldValue, text(valueAndColor.get("color"), "data." + name
                        + ".color")));
            } else {
                String fieldValue = scalar(field, "data." + name);
                if (fieldValue == null) {
                    throw new IllegalArgumentException("data." + name + " has no value");
                }
                out.add(new WxMpTemplateData(name, fieldValue));
            }
        }
        return out;
    }

    private static Object first(Map<String, Object> message, String key, String alias) {
        return message.get(key) != null ? message.get(key) : message.get(alias);
    }

    private static String text(Object value, String key) {
        if (value == null) {
            return null;
        }
        if (!(value instanceof String s)) {
            throw new IllegalArgumentException(key + " must be a string");
        }
        return s.isBlank() ? null : s;
    }

    private static String scalar(Object value, String key) {
        if (value == null) {
            return null;
        }
        if (value instanceof String || value instanceof Number || value instanceof Boolean) {
            return String.valueOf(value);
        }
        throw new IllegalArgumentException(key + " must be a string or {value, color}");
    }
}
