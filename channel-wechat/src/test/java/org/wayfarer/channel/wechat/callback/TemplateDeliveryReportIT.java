package org.wayfarer.channel.wechat.callback;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.wayfarer.journey.dispatch.OutboxClaim;
import org.wayfarer.journey.dispatch.OutboxMessage;
import org.wayfarer.journey.dispatch.OutboxReceipt;
import org.wayfarer.journey.dispatch.OutboxStatus;
import org.wayfarer.journey.event.EventTypes;
import org.wayfarer.journey.testing.InMemoryOutbox;

/** TEMPLATESENDJOBFINISH: the delivery status lands on the outbox row of that msgid, and the event is kept. */
class TemplateDeliveryReportIT extends MpCallbackTestSupport {

    @Autowired
    InMemoryOutbox outbox;

    private long sentTemplate(long id, String account, String msgId) {
        Instant at = clock.instant();
        outbox.insert(List.of(new OutboxMessage(id, SAFE_TENANT, id + 1, 3, "welcome", 1, 9, "wechat.template",
                account, OPENID, Map.of("templateId", "TPL"), OutboxStatus.PENDING, 0, at, null, null, null, at, at)));
        OutboxClaim claim = outbox.lease(List.of(id), "node-a", at, at.plusSeconds(30)).get(0);
        outbox.settle("node-a", List.of(OutboxReceipt.sent(claim, msgId)), at);
        return id;
    }

    @Test
    void theReportsStatusIsRecordedOnTheRowWeChatKnowsByItsMsgId() throws Exception {
        long ours = sentTemplate(7001, SAFE_APP, "200163836");
        long otherAccount = sentTemplate(7002, "wx0000000000000999", "200163836");

        assertThat(post(safe.encrypted(safe.templateSendJobFinish(OPENID, 200_163_836L, "failed:user block")))
                .statusCode()).isEqualTo(200);

        assertThat(outbox.deliveryStatus(ours)).contains("failed:user block");
        assertThat(outbox.deliveryStatus(otherAccount)).isEmpty();
        assertThat(intake.events()).singleElement().extracting(e -> e.type())
                .isEqualTo(EventTypes.WECHAT_TEMPLATE_DELIVERED);
    }

    @Test
    void aReportForAMessageNotOnRecordIsStillAnEvent() throws Exception {
        assertThat(post(safe.encrypted(safe.templateSendJobFinish(OPENID, 200_999_999L, "success"))).statusCode())
                .isEqualTo(200);

        assertThat(intake.events()).singleElement().satisfies(event ->
                assertThat(event.properties()).containsEntry("msgId", "200999999"));
    }
}
