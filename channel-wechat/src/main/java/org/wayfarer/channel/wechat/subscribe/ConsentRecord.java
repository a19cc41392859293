package org.wayfarer.channel.wechat.subscribe;

import java.time.Instant;
import java.util.Objects;

/**
 * One entry of the subscription-consent ledger: what happened to one follower's subscription to one template on one
 * official account, and when.
 *
 * @param contactId   the follower's contact
 * @param appId       the official account
 * @param occurredAt  when it happened: the push's {@code CreateTime}, or when WeChat answered a send
 * @param dedupeKey   what makes it unique per (tenant, account, template): the push's event dedupe key, so a retried
 *                    push records nothing new; {@code send:<deliveryId>} and {@code refused:<deliveryId>} for what a
 *                    send learnt; {@code submsg:<msgId>} for a delivery report
 * @param deliveryId  the outbox row ({@code SENT}, {@code SEND_REFUSED}), else null
 * @param msgId       WeChat's msgid ({@code SENT}, {@code RESULT}), else null
 * @param errorCode   WeChat's code ({@code RESULT}: 0 is success; {@code SEND_REFUSED}: 43101), else null
 * @param errorStatus WeChat's text for it ({@code RESULT}: {@code success}, {@code failed:user block}, ...;
 *                    {@code SEND_REFUSED}: the errmsg), else null
 * @param recordedAt  when Wayfarer stored it
 */
public record ConsentRecord(long id, long tenantId, long contactId, String appId, String templateId, ConsentKind kind,
                            Instant occurredAt, String dedupeKey, Long deliveryId, String msgId, Integer errorCode,
                            String errorStatus, Instant recordedAt) {

    public ConsentRecord {
        Objects.requireNonNull(appId, "appId");
        Objects.requireNonNull(templateId, "templateId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(dedupeKey, "dedupeKey");
        Objects.requireNonNull(recordedAt, "recordedAt");
    }
}
