package org.wayfarer.channel.wechat.subscribe;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.wayfarer.journey.IdGenerator;
import org.wayfarer.journey.event.ContactEvent;
import org.wayfarer.journey.event.EventTypes;

/**
 * The ledger records a subscription push stands for, one per template it names.
 *
 * <ul>
 *   <li>{@value EventTypes#WECHAT_SUBSCRIBE_MSG_CHANGED} from {@code subscribe_msg_popup_event}: {@code accept} is a
 *       {@link ConsentKind#ONE_TIME} grant, {@code reject} a {@link ConsentKind#REFUSED};</li>
 *   <li>from {@code subscribe_msg_change_event} (the settings): {@code accept} is {@link ConsentKind#STANDING},
 *       {@code reject} is {@link ConsentKind#REVOKED};</li>
 *   <li>{@value EventTypes#WECHAT_SUBSCRIBE_MSG_SENT}: one {@link ConsentKind#RESULT} per result, keyed
 *       {@code submsg:<msgId>}.</li>
 * </ul>
 * Every record of a change carries the event's dedupe key, so a retried push maps to the records already stored.
 * Entries without a template id, or with a status other than accept and reject, are left out. Pure.
 */
final class ConsentRecords {

    static final String POPUP = "subscribe_msg_popup_event";
    static final String SETTINGS = "subscribe_msg_change_event";
    /** The longest template id kept (the column's width); WeChat's are 43 characters. */
    static final int MAX_TEMPLATE_ID = 128;
    private static final int MAX_MSG_ID = 64;
    private static final int MAX_ERROR_STATUS = 255;

    private ConsentRecords() {
    }

    /** Whether the event is one the ledger records. */
    static boolean concerns(ContactEvent event) {
        return EventTypes.WECHAT_SUBSCRIBE_MSG_CHANGED.equals(event.type())
                || EventTypes.WECHAT_SUBSCRIBE_MSG_SENT.equals(event.type());
    }

    static List<ConsentRecord> of(ContactEvent event, long contactId, IdGenerator ids, Instant recordedAt) {
        if (EventTypes.WECHAT_SUBSCRIBE_MSG_CHANGED.equals(event.type())) {
            return changes(event, contactId, ids, recordedAt);
        }
        if (EventTypes.WECHAT_SUBSCRIBE_MSG_SENT.equals(event.type())) {
            return results(event, contactId, ids, recordedAt);
        }
        return List.of();
    }

    private static List<ConsentRecord> changes(ContactEvent event, long contactId, IdGenerator ids,
                                               Instant recordedAt) {
        boolean popup = POPUP.equals(event.properties().get("event"));
        boolean settings = SETTINGS.equals(event.properties().get("event"));
        List<ConsentRecord> records = new ArrayList<>();
        if (!popup && !settings) {
            return records;
        }
        for (Map<?, ?> change : items(event.properties().get("changes"))) {
            String templateId = text(change.get("templateId"), MAX_TEMPLATE_ID);
            Object status = change.get("status");
            ConsentKind kind;
            if ("accept".equals(status)) {
                kind = popup ? ConsentKind.ONE_TIME : ConsentKind.STANDING;
            } else if ("reject".equals(status)) {
                kind = popup ? ConsentKind.REFUSED : ConsentKind.REVOKED;
            } else {
                continue;
            }
            if (templateId != null) {
                records.add(new ConsentRecord(ids.nextId(), event.tenantId(), contactId, event.source(), templateId,
                        kind, event.occurredAt(), event.dedupeKey(), null, null, null, null, recordedAt));
            }
        }
        return records;
    }

    private static List<ConsentRecord> results(ContactEvent event, long contactId, IdGenerator ids,
                                               Instant recordedAt) {
        List<ConsentRecord> records = new ArrayList<>();
        for (Map<?, ?> result : items(event.properties().get("results"))) {
            String templateId = text(result.get("templateId"), MAX_TEMPLATE_ID);
            if (templateId == null) {
                continue;
            }
            String msgId = text(result.get("msgId"), MAX_MSG_ID);
            Integer errorCode = result.get("errorCode") instanceof Number code
                    && code.longValue() == code.intValue() ? code.intValue() : null;
            String key = msgId == null ? event.dedupeKey() : "submsg:" + msgId;
            records.add(new ConsentRecord(ids.nextId(), event.tenantId(), contactId, event.source(), templateId,
                    ConsentKind.RESULT, event.occurredAt(), key, null, msgId, errorCode,
                    capped(result.get("errorStatus")), recordedAt));
        }
        return records;
    }

    private static List<Map<?, ?>> items(Object value) {
        if (!(value instanceof List<?> list)) {
            return List.of();
        }
        List<Map<?, ?>> items = new ArrayList<>();
        for (Object item : list) {
            if (item instanceof Map<?, ?> map) {
                items.add(map);
            }
        }
        return items;
    }

    /** Text up to {@code max} characters; null when absent, blank or longer (no id is ever cut short). */
    private static String text(Object value, int max) {
        return value instanceof String text && !text.isBlank() && text.length() <= max ? text : null;
    }

    private static String capped(Object value) {
        if (!(value instanceof String text) || text.isBlank()) {
            return null;
        }
        return text.length() <= MAX_ERROR_STATUS ? text : text.substring(0, MAX_ERROR_STATUS);
    }
}
