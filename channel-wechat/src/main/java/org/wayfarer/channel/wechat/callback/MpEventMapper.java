package org.wayfarer.channel.wechat.callback;

import static org.wayfarer.channel.wechat.callback.PushValues.blankToNull;
import static org.wayfarer.channel.wechat.callback.PushValues.decimal;
import static org.wayfarer.channel.wechat.callback.PushValues.properties;
import static org.wayfarer.channel.wechat.callback.PushValues.required;

import java.util.Locale;
import java.util.Map;
import me.chanjar.weixin.mp.bean.message.ScanCodeInfo;
import me.chanjar.weixin.mp.bean.message.SendLocationInfo;
import me.chanjar.weixin.mp.bean.message.SendPicsInfo;
import me.chanjar.weixin.mp.bean.message.WxMpXmlMessage;
import org.wayfarer.journey.event.ContactEvent;
import org.wayfarer.journey.event.EventTypes;

/**
 * Maps official-account events ({@code MsgType=event}): follows, QR scans, menus, location reports and template
 * results here, cards in {@link MpCardEvents}, subscription messages in {@link MpSubscribeMsgEvents}, and every other
 * {@code Event} to {@value EventTypes#WECHAT_EVENT_RECEIVED} with its name, so that none is dropped. Pure and
 * thread-safe.
 *
 * <p>Dedupe keys are type-specific, so that WeChat's retries of one push collapse and distinct pushes never do:
 * template results {@code tpl:<MsgID>}; cards and subscription messages as described in their classes; other events
 * {@code evt:<FromUserName>:<CreateTime>:<Event>:<EventKey or ''>} (an over-long EventKey, e.g. a VIEW URL, is
 * replaced by {@code sha256:<hex>} to stay within 255 characters).
 */
final class MpEventMapper {

    private static final String QR_SCENE_PREFIX = "qrscene_";

    ContactEvent map(MpPush push, String event, WxMpXmlMessage message) {
        String eventKey = blankToNull(message.getEventKey());
        return switch (event.toLowerCase(Locale.ROOT)) {
            case "subscribe" -> keyed(push, event, eventKey, EventTypes.WECHAT_FOLLOWED,
                    properties("scene", sceneOf(eventKey), "ticket", blankToNull(message.getTicket())));
            case "unsubscribe" -> keyed(push, event, eventKey, EventTypes.WECHAT_UNFOLLOWED, Map.of());
            case "scan" -> keyed(push, event, eventKey, EventTypes.WECHAT_QR_SCANNED,
                    properties("scene", eventKey, "ticket", blankToNull(message.getTicket())));
            case "click" -> keyed(push, event, eventKey, EventTypes.WECHAT_MENU_CLICKED, properties("key", eventKey));
            case "view" -> keyed(push, event, eventKey, EventTypes.WECHAT_MENU_VIEWED,
                    properties("url", eventKey, "menuId", message.getMenuId()));
            case "view_miniprogram" -> keyed(push, event, eventKey, EventTypes.WECHAT_MENU_VIEWED,
                    properties("miniprogram", true, "pagepath", eventKey, "menuId", message.getMenuId()));
            case "scancode_push", "scancode_waitmsg" -> keyed(push, event, eventKey, EventTypes.WECHAT_MENU_SCANNED,
                    scanned(event, eventKey, message.getScanCodeInfo()));
            case "pic_sysphoto", "pic_photo_or_album", "pic_weixin" -> keyed(push, event, eventKey,
                    EventTypes.WECHAT_MENU_PHOTO_SENT, photos(event, eventKey, message.getSendPicsInfo()));
            case "location_select" -> keyed(push, event, eventKey, EventTypes.WECHAT_MENU_LOCATION_SENT,
                    selectedLocation(eventKey, message.getSendLocationInfo()));
            case "location" -> keyed(push, event, eventKey, EventTypes.WECHAT_LOCATION_REPORTED,
                    properties("latitude", decimal(message.getLatitude()),
                            "longitude", decimal(message.getLongitude()),
                            "precision", decimal(message.getPrecision())));
            case "templatesendjobfinish" -> templateResult(push, message);
            case "user_get_card" -> MpCardEvents.received(push, event, message);
            case "user_consume_card" -> MpCardEvents.redeemed(push, event, message);
            case "subscribe_msg_popup_event" -> MpSubscribeMsgEvents.popup(push, event, message);
            case "subscribe_msg_change_event" -> MpSubscribeMsgEvents.change(push, event, message);
            case "subscribe_msg_sent_event" -> MpSubscribeMsgEvents.sent(push, event, message);
            default -> keyed(push, event, eventKey, EventTypes.WECHAT_EVENT_RECEIVED,
                    properties("event", event, "eventKey", eventKey));
        };
    }

    private static ContactEvent keyed(MpPush push, String event, String eventKey, String type,
                                      Map<String, Object> properties) {
        return push.event(push.eventKey(event, eventKey), type, properties);
    }

    private static ContactEvent templateResult(MpPush push, WxMpXmlMessage message) {
        String msgId = required(templateMsgId(message), "MsgID");
        return push.event("tpl:" + msgId, EventTypes.WECHAT_TEMPLATE_DELIVERED,
                properties("msgId", msgId, "status", blankToNull(message.getStatus())));
    }

    private static Map<String, Object> scanned(String event, String key, ScanCodeInfo info) {
        return properties("event", event, "key", key,
                "scanType", info == null ? null : blankToNull(info.getScanType()),
                "scanResult", info == null ? null : blankToNull(info.getScanResult()));
    }

    private static Map<String, Object> photos(String event, String key, SendPicsInfo info) {
        return properties("event", event, "key", key, "count", info == null ? null : info.getCount());
    }

    /** WeChat writes these coordinates as text (CDATA); they are numbers like those of a location message. */
    private static Map<String, Object> selectedLocation(String key, SendLocationInfo info) {
        if (info == null) {
            return properties("key", key);
        }
        return properties("key", key, "latitude", decimal(info.getLocationX()),
                "longitude", decimal(info.getLocationY()), "scale", decimal(info.getScale()),
                "label", blankToNull(info.getLabel()), "poiname", blankToNull(info.getPoiName()));
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
}
