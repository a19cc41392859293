package org.wayfarer.channel.wechat.callback;

import static org.wayfarer.channel.wechat.callback.PushValues.blankToNull;
import static org.wayfarer.channel.wechat.callback.PushValues.decimal;
import static org.wayfarer.channel.wechat.callback.PushValues.properties;
import static org.wayfarer.channel.wechat.callback.PushValues.required;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import me.chanjar.weixin.mp.bean.message.WxMpXmlMessage;
import org.wayfarer.journey.event.ContactEvent;
import org.wayfarer.journey.event.EventTypes;

/**
 * Maps a parsed official-account callback to a {@link ContactEvent} (docs/architecture/overview.md, sections 3 and 4):
 * every push becomes an event, none is dropped. Messages are mapped here, events by {@link MpEventMapper}. Pure and
 * thread-safe.
 *
 * <p>Messages (text, image, voice, video, shortvideo, location, link, and any other {@code MsgType}) become
 * {@value EventTypes#WECHAT_MESSAGE_RECEIVED} with {@code msgType}, the type's fields and {@code msgId} (as text:
 * the ids exceed what a JSON number holds exactly). Their dedupe key is {@code msg:<MsgId>}; a message of an unknown
 * type without a MsgId gets {@code msg:<FromUserName>:<CreateTime>:<MsgType>}. The event dedupe keys are described
 * in {@link MpEventMapper}. The catalogue of types and properties is in channel-wechat/README.md.
 */
final class MpMessageMapper {

    /**
     * Last second of year 9999: later instants overflow the event store's epoch milliseconds. The callback handler
     * holds CreateTime to a much narrower window around its clock; this bound keeps the mapper safe on its own.
     */
    private static final long MAX_CREATE_TIME = 253_402_300_799L;
    /** Longest MsgType and Event accepted: WeChat's are at most 30 characters; the name is part of dedupe keys. */
    private static final int MAX_TYPE_NAME = 64;

    private final MpEventMapper events = new MpEventMapper();

    /**
     * @throws IllegalArgumentException when a field the type needs is missing or out of range (a bad request), e.g.
     *                                  a CreateTime before 1970 or after 9999
     */
    ContactEvent map(long tenantId, String appId, WxMpXmlMessage message) {
        String openid = required(message.getFromUser(), "FromUserName");
        Long createTime = message.getCreateTime();
        if (createTime == null) {
            throw new IllegalArgumentException("CreateTime is missing");
        }
        if (createTime < 0 || createTime > MAX_CREATE_TIME) {
            throw new IllegalArgumentException("CreateTime is out of range");
        }
        String msgType = typeName(message.getMsgType(), "MsgType");
        MpPush push = new MpPush(tenantId, appId, openid, createTime);
        if ("event".equalsIgnoreCase(msgType)) {
            return events.map(push, typeName(message.getEvent(), "Event"), message);
        }
        return mapMessage(push, msgType, message);
    }

    private static ContactEvent mapMessage(MpPush push, String msgType, WxMpXmlMessage message) {
        String msgId = message.getMsgId() == null ? null : message.getMsgId().toString();
        Map<String, Object> fields = switch (msgType.toLowerCase(Locale.ROOT)) {
            case "text" -> properties("content", message.getContent());
            case "image" -> properties("picUrl", blankToNull(message.getPicUrl()),
                    "mediaId", blankToNull(message.getMediaId()));
            case "voice" -> properties("mediaId", blankToNull(message.getMediaId()),
                    "format", blankToNull(message.getFormat()), "recognition", blankToNull(message.getRecognition()));
            case "video", "shortvideo" -> properties("mediaId", blankToNull(message.getMediaId()),
                    "thumbMediaId", blankToNull(message.getThumbMediaId()));
            case "location" -> properties("latitude", decimal(message.getLocationX()),
                    "longitude", decimal(message.getLocationY()), "scale", decimal(message.getScale()),
                    "label", blankToNull(message.getLabel()));
            case "link" -> properties("title", blankToNull(message.getTitle()),
                    "description", blankToNull(message.getDescription()), "url", blankToNull(message.getUrl()));
            default -> null;
        };
        String dedupeKey;
        if (fields == null) {
            // a type this mapper does not know: kept with what every message has, never dropped
            fields = Map.of();
            dedupeKey = "msg:" + (msgId != null ? msgId : push.openid() + ":" + push.createTime() + ":" + msgType);
        } else {
            dedupeKey = "msg:" + required(msgId, "MsgId");
        }
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("msgType", msgType);
        properties.putAll(fields);
        if (msgId != null) {
            properties.put("msgId", msgId);
        }
        return push.event(dedupeKey, EventTypes.WECHAT_MESSAGE_RECEIVED, properties);
    }

    /** A MsgType or Event: present, and short enough to be part of a dedupe key. */
    private static String typeName(String value, String field) {
        required(value, field);
        if (value.length() > MAX_TYPE_NAME) {
            throw new IllegalArgumentException(field + " is longer than " + MAX_TYPE_NAME + " characters");
        }
        return value;
    }
}
