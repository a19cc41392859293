package org.wayfarer.channel.wechat.callback;

import static org.wayfarer.channel.wechat.callback.PushValues.blankToNull;
import static org.wayfarer.channel.wechat.callback.PushValues.integer;
import static org.wayfarer.channel.wechat.callback.PushValues.properties;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;
import me.chanjar.weixin.mp.bean.message.WxMpSubscribeMsgEvent;
import me.chanjar.weixin.mp.bean.message.WxMpXmlMessage;
import org.wayfarer.journey.event.ContactEvent;
import org.wayfarer.journey.event.EventTypes;

/**
 * Subscription-message (订阅通知) events. {@code subscribe_msg_popup_event} (the user answered a subscription popup)
 * and {@code subscribe_msg_change_event} (the user changed a subscription in the settings) become
 * {@value EventTypes#WECHAT_SUBSCRIBE_MSG_CHANGED}; {@code subscribe_msg_sent_event} (the outcome of a send) becomes
 * {@value EventTypes#WECHAT_SUBSCRIBE_MSG_SENT}. Each push carries a list, kept as a list of small objects; the
 * changed event also lists the accepted and rejected template ids, so that a condition reads
 * {@code event.accepted.contains('TPL')}. Pure.
 *
 * <p>Dedupe keys: a change {@code evt:<FromUserName>:<CreateTime>:<Event>:<TemplateId=status,...>} (two pushes of one
 * second by one user differ in what they change); a send result {@code submsg:<MsgID,...>} (the ids of the sends it
 * reports, as {@code tpl:<MsgID>} for template results), or the event key {@code evt:...:<Event>:} when it names no
 * send. A part that would pass 255 characters becomes {@code sha256:<hex>}.
 */
final class MpSubscribeMsgEvents {

    private static final String ACCEPT = "accept";
    private static final String REJECT = "reject";

    private MpSubscribeMsgEvents() {
    }

    static ContactEvent popup(MpPush push, String event, WxMpXmlMessage message) {
        WxMpSubscribeMsgEvent.SubscribeMsgPopupEvent popup = message.getSubscribeMsgPopupEvent();
        return changed(push, event, items(popup == null ? null : popup.getList(), item -> properties(
                "templateId", blankToNull(item.getTemplateId()),
                "status", blankToNull(item.getSubscribeStatusString()),
                "popupScene", integer(item.getPopupScene()))));
    }

    static ContactEvent change(MpPush push, String event, WxMpXmlMessage message) {
        WxMpSubscribeMsgEvent.SubscribeMsgChangeEvent change = message.getSubscribeMsgChangeEvent();
        return changed(push, event, items(change == null ? null : change.getList(), item -> properties(
                "templateId", blankToNull(item.getTemplateId()),
                "status", blankToNull(item.getSubscribeStatusString()))));
    }

    static ContactEvent sent(MpPush push, String event, WxMpXmlMessage message) {
        WxMpSubscribeMsgEvent.SubscribeMsgSentEvent sent = message.getSubscribeMsgSentEvent();
        List<Map<String, Object>> results = items(sent == null ? null : sent.getList(), item -> properties(
                "templateId", blankToNull(item.getTemplateId()),
                "msgId", blankToNull(item.getMsgId()),
                "errorCode", integer(item.getErrorCode()),
                "errorStatus", blankToNull(item.getErrorStatus())));
        String msgIds = joined(results, result -> (String) result.get("msgId"));
        String dedupeKey = msgIds.isEmpty() ? push.eventKey(event, null) : PushValues.boundedKey("submsg:", msgIds);
        return push.event(dedupeKey, EventTypes.WECHAT_SUBSCRIBE_MSG_SENT, properties("results", results));
    }

    private static ContactEvent changed(MpPush push, String event, List<Map<String, Object>> changes) {
        String detail = joined(changes, change -> change.getOrDefault("templateId", "") + "="
                + change.getOrDefault("status", ""));
        return push.event(push.eventKey(event, detail), EventTypes.WECHAT_SUBSCRIBE_MSG_CHANGED, properties(
                "event", event,
                "changes", changes,
                "accepted", templates(changes, ACCEPT),
                "rejected", templates(changes, REJECT)));
    }

    private static <T> List<Map<String, Object>> items(List<T> list, Function<T, Map<String, Object>> mapping) {
        return list == null ? List.of() : list.stream().filter(Objects::nonNull).map(mapping).toList();
    }

    private static List<String> templates(List<Map<String, Object>> changes, String status) {
        return changes.stream()
                .filter(change -> status.equalsIgnoreCase((String) change.get("status")))
                .map(change -> (String) change.get("templateId"))
                .filter(Objects::nonNull)
                .toList();
    }

    private static String joined(List<Map<String, Object>> items, Function<Map<String, Object>, String> part) {
        return items.stream().map(part).filter(Objects::nonNull).collect(Collectors.joining(","));
    }
}
