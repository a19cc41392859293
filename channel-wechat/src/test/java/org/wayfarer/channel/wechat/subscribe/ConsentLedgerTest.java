package org.wayfarer.channel.wechat.subscribe;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.wayfarer.channel.wechat.testapp.InMemoryConsentStore;
import org.wayfarer.journey.channel.Delivery;
import org.wayfarer.journey.channel.Reach;
import org.wayfarer.journey.dispatch.OutboxMessage;
import org.wayfarer.journey.dispatch.OutboxStatus;
import org.wayfarer.journey.event.ContactEvent;
import org.wayfarer.journey.event.EventTypes;
import org.wayfarer.journey.event.Identity;
import org.wayfarer.journey.testing.InMemoryOutbox;
import org.wayfarer.journey.testing.MutableClock;

/** The ledger as the callback and the sender write it, over the in-memory store and outbox. */
class ConsentLedgerTest {

    private static final long TENANT = 5;
    private static final long CONTACT = 30;
    private static final String APP = "wx1234567890abcdef";
    private static final String OPENID = "oFOLLOWER";
    private static final String SHIPPED = "TPL_SHIPPED";
    private static final String COUPON = "TPL_COUPON";

    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T08:00:00Z"));
    private final InMemoryConsentStore store = new InMemoryConsentStore();
    private final InMemoryOutbox outbox = new InMemoryOutbox();
    private final AtomicLong ids = new AtomicLong(1_000);
    private final ConsentLedger ledger = new ConsentLedger(store, outbox, ids::incrementAndGet, clock);

    private ContactEvent changed(String event, String dedupeKey, Instant at, List<Map<String, Object>> changes) {
        return new ContactEvent(TENANT, APP, dedupeKey, EventTypes.WECHAT_SUBSCRIBE_MSG_CHANGED,
                Identity.wechatOpenid(APP, OPENID), null, at, Map.of("event", event, "changes", changes),
                Map.of());
    }

    private ContactEvent popup(String dedupeKey, Instant at, List<Map<String, Object>> changes) {
        return changed("subscribe_msg_popup_event", dedupeKey, at, changes);
    }

    private Reach reach(String templateId, long deliveryId) {
        return new Reach(TENANT, CONTACT, APP, OPENID, deliveryId, clock.instant(),
                Map.of("templateId", templateId));
    }

    private void queue(long id, String templateId) {
        outbox.insert(List.of(new OutboxMessage(id, TENANT, 10, 20, "notify", (int) id, CONTACT, "wechat.subscribe",
                APP, OPENID, Map.of("templateId", templateId, "data", Map.of("thing1", "x")), OutboxStatus.PENDING, 0,
                clock.instant(), null, null, null, clock.instant(), clock.instant())));
    }

    @Test
    void aPopupAnswerGrantsOneMessageOfTheAcceptedTemplateAndRefusesTheRejectedOne() {
        Instant answered = clock.instant();
        int added = ledger.record(popup("evt:1", answered, List.of(
                Map.of("templateId", SHIPPED, "status", "accept", "popupScene", 2L),
                Map.of("templateId", COUPON, "status", "reject", "popupScene", 2L))), CONTACT);
        clock.advance(Duration.ofMinutes(1));

        assertThat(added).isEqualTo(2);
        assertThat(ledger.unreachable(reach(SHIPPED, 0), SHIPPED)).isEmpty();
        assertThat(ledger.unreachable(reach(COUPON, 0), COUPON)).hasValue("no subscription consent for template"
                + " TPL_COUPON: refused at 2026-03-01T08:00:00Z (in a subscription popup)");

        queue(4711, SHIPPED);

        assertThat(ledger.unreachable(reach(SHIPPED, 4711), SHIPPED)).as("the send holding the grant").isEmpty();
        assertThat(ledger.unreachable(reach(SHIPPED, 0), SHIPPED)).hasValue("no subscription consent for template"
                + " TPL_SHIPPED: the one-time grant of 2026-03-01T08:00:00Z was used by delivery 4711");
    }

    @Test
    void aRetriedPushRecordsNothingNew() {
        ContactEvent push = popup("evt:oFOLLOWER:1772352026:subscribe_msg_popup_event:TPL_SHIPPED=accept",
                clock.instant(), List.of(Map.of("templateId", SHIPPED, "status", "accept")));

        assertThat(ledger.record(push, CONTACT)).isEqualTo(1);
        assertThat(ledger.record(push, CONTACT)).isZero();

        queue(4711, SHIPPED);
        assertThat(ledger.unreachable(reach(SHIPPED, 0), SHIPPED)).as("one push, one grant").isPresent();
        assertThat(store.all()).singleElement().satisfies(record -> {
            assertThat(record.kind()).isEqualTo(ConsentKind.ONE_TIME);
            assertThat(record.dedupeKey()).isEqualTo(push.dedupeKey());
            assertThat(record.contactId()).isEqualTo(CONTACT);
        });
    }

    @Test
    void theSettingsGrantAStandingSubscriptionAndSwitchItOff() {
        ledger.record(changed("subscribe_msg_change_event", "evt:2", clock.instant(),
                List.of(Map.of("templateId", SHIPPED, "status", "accept"))), CONTACT);
        queue(1, SHIPPED);
        queue(2, SHIPPED);
        assertThat(ledger.unreachable(reach(SHIPPED, 0), SHIPPED)).isEmpty();

        clock.advance(Duration.ofDays(30));
        ledger.record(changed("subscribe_msg_change_event", "evt:3", clock.instant(),
                List.of(Map.of("templateId", SHIPPED, "status", "reject"))), CONTACT);

        assertThat(ledger.unreachable(reach(SHIPPED, 0), SHIPPED)).hasValue("no subscription consent for template"
                + " TPL_SHIPPED: refused at 2026-03-31T08:00:00Z (switched off in the subscription settings)");
    }

    @Test
    void whatSendsLearnIsRecordedAndA43101VoidsTheGrants() {
        ledger.record(popup("evt:4", clock.instant(), List.of(Map.of("templateId", SHIPPED, "status", "accept"))),
                CONTACT);
        ledger.record(popup("evt:5", clock.instant().plusSeconds(1),
                List.of(Map.of("templateId", SHIPPED, "status", "accept"))), CONTACT);
        clock.advance(Duration.ofMinutes(1));
        ledger.sent(delivery(41), SHIPPED, "300000001");
        assertThat(ledger.unreachable(reach(SHIPPED, 0), SHIPPED)).as("one of two grants left").isEmpty();

        clock.advance(Duration.ofMinutes(1));
        ledger.refusedBySend(delivery(42), SHIPPED, "user refuse to accept the msg");

        assertThat(ledger.unreachable(reach(SHIPPED, 0), SHIPPED)).hasValue("no subscription consent for template"
                + " TPL_SHIPPED: refused at 2026-03-01T08:02:00Z (WeChat refused delivery 42 with 43101)");
        assertThat(ledger.history(TENANT, CONTACT, 10)).extracting(ConsentRecord::kind).containsExactly(
                ConsentKind.SEND_REFUSED, ConsentKind.SENT, ConsentKind.ONE_TIME, ConsentKind.ONE_TIME);
        assertThat(ledger.history(TENANT, CONTACT, 10).get(0)).satisfies(refusal -> {
            assertThat(refusal.deliveryId()).isEqualTo(42);
            assertThat(refusal.errorCode()).isEqualTo(43101);
            assertThat(refusal.errorStatus()).isEqualTo("user refuse to accept the msg");
            assertThat(refusal.dedupeKey()).isEqualTo("refused:42");
        });
    }

    @Test
    void aDeliveryReportIsFoundByWeChatsMsgIdBesideItsSend() {
        ledger.sent(delivery(41), SHIPPED, "300000001");
        clock.advance(Duration.ofSeconds(3));
        ContactEvent report = new ContactEvent(TENANT, APP, "submsg:300000001", EventTypes.WECHAT_SUBSCRIBE_MSG_SENT,
                Identity.wechatOpenid(APP, OPENID), null, clock.instant(), Map.of("results", List.of(Map.of(
                        "templateId", SHIPPED, "msgId", "300000001", "errorCode", 0L, "errorStatus", "success"))),
                Map.of());

        assertThat(ledger.record(report, CONTACT)).isEqualTo(1);
        assertThat(ledger.record(report, CONTACT)).isZero();

        assertThat(ledger.byMsgId(TENANT, APP, "300000001")).satisfiesExactly(
                send -> {
                    assertThat(send.kind()).isEqualTo(ConsentKind.SENT);
                    assertThat(send.deliveryId()).isEqualTo(41);
                },
                result -> {
                    assertThat(result.kind()).isEqualTo(ConsentKind.RESULT);
                    assertThat(result.errorCode()).isZero();
                    assertThat(result.errorStatus()).isEqualTo("success");
                    assertThat(result.occurredAt()).isEqualTo(clock.instant());
                });
        assertThat(ledger.byMsgId(TENANT, APP, "300000002")).isEmpty();
    }

    @Test
    void leavesOutWhatNamesNoTemplateOrNoKnownAnswer() {
        int added = ledger.record(popup("evt:6", clock.instant(), List.of(
                Map.of("status", "accept"),
                Map.of("templateId", SHIPPED, "status", "ban"),
                Map.of("templateId", "T".repeat(129), "status", "accept"))), CONTACT);
        int other = ledger.record(new ContactEvent(TENANT, APP, "msg:1", EventTypes.WECHAT_MESSAGE_RECEIVED,
                Identity.wechatOpenid(APP, OPENID), null, clock.instant(), Map.of("msgType", "text"), Map.of()),
                CONTACT);

        assertThat(added).isZero();
        assertThat(other).isZero();
        assertThat(store.all()).isEmpty();
        assertThat(ConsentLedger.concerns(popup("evt:7", clock.instant(), List.of()))).isTrue();
    }

    @Test
    void grantsAreHeldPerAccountTemplateAndContact() {
        ledger.record(popup("evt:8", clock.instant(), List.of(Map.of("templateId", SHIPPED, "status", "accept"))),
                CONTACT);

        assertThat(ledger.unreachable(reach(COUPON, 0), COUPON)).hasValue("no subscription consent for template"
                + " TPL_COUPON: the follower has not accepted it");
        assertThat(ledger.unreachable(new Reach(TENANT, CONTACT, "wx00000000000000b2", OPENID, 0, clock.instant()),
                SHIPPED)).isPresent();
        assertThat(ledger.unreachable(new Reach(TENANT, 31, APP, "oOTHER", 0, clock.instant()), SHIPPED)).isPresent();
        assertThat(ledger.unreachable(new Reach(6, CONTACT, APP, OPENID, 0, clock.instant()), SHIPPED)).isPresent();
    }

    private Delivery delivery(long id) {
        return new Delivery(id, TENANT, "wechat.subscribe", APP, OPENID, Map.of("templateId", SHIPPED), 1, CONTACT);
    }
}
