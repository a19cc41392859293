package org.wayfarer.channel.wechat.callback;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import me.chanjar.weixin.mp.bean.message.WxMpXmlMessage;
import org.wayfarer.journey.event.ContactEvent;
import org.wayfarer.journey.event.EventTypes;
import org.wayfarer.journey.event.Identity;

/**
 * Maps a parsed official-account callback to a {@link ContactEvent} (docs/architecture/overview.md, sections 3 and 4). Pure and
 * thread-safe.
 *
 * <p>Dedupe keys are type-specific, so that WeChat's retries of one push collapse and distinct pushes never do:
 * messages {@code msg:<MsgId>}; template results {@code tpl:<MsgID>}; other events
 * {@code evt:<FromUserName>:<CreateTime>:<Event>:<EventKey or ''>} (an over-long EventKey, e.g. a VIEW URL, is
 * replaced by {@code sha256:<hex>} to stay within 255 characters).
 */
final class MpMessageMapper {

    private static final String QR_SCENE_PREFIX = "qrscene_";
    private static final int MAX_DEDUPE_KEY = 255;
    /**
     * Last second of year 9999: later instants overflow the event store's epoch milliseconds. The callback handler
     * holds CreateTime to a much narrower window around its clock; this bound keeps the mapper safe on its own.
     */
    private static final long MAX_CREATE_TIME = 253_402_300_799L;

    /**
     * @return the event, or empty for a callback type the engine does not (yet) consume
     * @throws IllegalArgumentException when a field the type needs is missing or out of range (a bad request), e.g.
     *                                  a CreateTime before 1970 or after 9999
     */
    Optional<ContactEvent> map(long tenantId, String appId, WxMpXmlMessage message) {
        String openid = required(message.getFromUser(), "FromUserName");
        Long createTime = message.getCreateTime();
        if (createTime == null) {
            throw new IllegalArgumentException("CreateTime is missing");
        }
        if (createTime < 0 || createTime > MAX_CREATE_TIME) {
            throw new IllegalArgumentException("CreateTime is out of range");
        }
        String msgType = required(message.getMsgType(), "MsgType");
        Identity identity = Identity.wechatOpenid(appId, openid);
        Instant occurredAt = Instant.ofEpochSecond(createTime);

        if ("event".equalsIgnoreCase(msgType)) {
            return mapEvent(tenantId, appId, message, identity, occurredAt);
        }
        if ("text".equalsIgnoreCase(msgType)) {
            String msgId = required(message.getMsgId() == null ? null : message.getMsgId().toString(), "MsgId");
            Map<String, Object> properties = properties(
                    "msgType", msgType, "content", message.getContent(), "msgId", msgId);
            return Optional.of(event(tenantId, appId, "msg:" + msgId, EventTypes.WECHAT_MESSAGE_RECEIVED, identity,
                    occurredAt, properties));
        }
        return Optional.empty();
    }

    private Optional<ContactEvent> mapEvent(long tenantId, String appId, WxMpXmlMessage message, Identity identity,
                                            Instant occurredAt) {
        String event = required(message.getEvent(), "Event");
        String eventKey = blankToNull(message.getEventKey());
        String type;
        Map<String, Object> properties;
        switch (event.toLowerCase(Locale.ROOT)) {
            case "subscribe" -> {
                type = EventTypes.WECHAT_FOLLOWED;
                properties = properties("scene", sceneOf(eventKey), "ticket", blankToNull(message.getTicket()));
            }
            case "unsubscribe" -> {
                type = EventTypes.WECHAT_UNFOLLOWED;
                properties = Map.of();
            }
            case "scan" -> {
                type = EventTypes.WECHAT_QR_SCANNED;
                properties = properties("scene", eventKey, "ticket", blankToNull(message.getTicket()));
            }
            case "click" -> {
                type = EventTypes.WECHAT_MENU_CLICKED;
                properties = properties("key", eventKey);
            }
            case "view" -> {
                type = EventTypes.WECHAT_MENU_VIEWED;
                properties = properties("url", eventKey);
            }
            case "templatesendjobfinish" -> {
                String msgId = required(templateMsgId(message), "MsgID");
                Map<String, Object> result = properties("msgId", msgId, "status", blankToNull(message.getStatus()));
                return Optional.of(event(tenantId, appId, "tpl:" + msgId, EventTypes.WECHAT_TEMPLATE_DELIVERED,
                        identity, occurredAt, result));
            }
            default -> {
                return Optional.empty();
            }
        }
        String dedupeKey = eventDedupeKey(message.getFromUser(), message.getCreateTime(), event, eventKey);
        return Optional.of(event(tenantId, appId, dedupeKey, type, identity, occurredAt, properties));
    }

    private static ContactEvent event(long tenantId, String appId, String dedupeKey, String type, Identity identity,
                                      Instant occurredAt, Map<String, Object> properties) {
        return new ContactEvent(tenantId, appId, dedupeKey, type, identity, null, occurredAt, properties, null);
    }

    static String eventDedupeKey(String openid, long createTime, String event, String eventKey) {
        String prefix = "evt:" + openid + ":" + createTime + ":" + event + ":";
        String key = eventKey == null ? "" : eventKey;
        if (prefix.length() + key.length() > MAX_DEDUPE_KEY) {
            key = "sha256:" + sha256(key);
        }
        return prefix + key;
    }

    /** {@code qrscene_} marks a follow through a parametric QR code; the rest is the scene. */
    private static String sceneOf(String eventKey) {
        if (eventKey == null) {
            return null;
        }
        String scene = eventKey.startsWith(QR_SCENE_PREFIX) ? eventKey.substring(QR_SCENE_PREFIX.length()) : eventKey;
        return blankToNull(scene);
    }

    /** TEMPLATESENDJOBFINISH spells it {@code MsgID}; WxJava maps it to msgId, the raw field map is the fallback. */
    private static String templateMsgId(WxMpXmlMessage message) {
        if (message.getMsgId() != null) {
            return message.getMsgId().toString();
        }
        Map<String, Object> fields = message.getAllFieldsMap();
        Object raw = fields == null ? null : fields.get("MsgID");
        return raw == null ? null : blankToNull(raw.toString());
    }

    /** Keeps insertion order and drops absent values (event properties never hold nulls). */
    private static Map<String, Object> properties(Object... namesAndValues) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            if (namesAndValues[i + 1] != null) {
                out.put((String) namesAndValues[i], namesAndValues[i + 1]);
            }
        }
        return out;
    }

    private static String required(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(field + " is missing");
        }
        return value;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    private static String sha256(String value) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
