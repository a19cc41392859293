package org.wayfarer.channel.wechat.send;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.wayfarer.channel.wechat.WeChatProperties;
import org.wayfarer.channel.wechat.account.AccountLookup;
import org.wayfarer.channel.wechat.account.StoredAccount;
import org.wayfarer.channel.wechat.account.WxMpServices;
import org.wayfarer.channel.wechat.subscribe.ConsentKind;
import org.wayfarer.channel.wechat.subscribe.ConsentLedger;
import org.wayfarer.channel.wechat.subscribe.ConsentRecord;
import org.wayfarer.channel.wechat.testapp.InMemoryAccountStore;
import org.wayfarer.channel.wechat.testapp.InMemoryConsentStore;
import org.wayfarer.channel.wechat.testing.FakeSubscribe;
import org.wayfarer.channel.wechat.testing.FakeWeChatServer;
import org.wayfarer.journey.channel.Delivery;
import org.wayfarer.journey.channel.Reach;
import org.wayfarer.journey.channel.SendReceipt;
import org.wayfarer.journey.crypto.SecretCipher;
import org.wayfarer.journey.event.ContactEvent;
import org.wayfarer.journey.event.EventTypes;
import org.wayfarer.journey.event.Identity;
import org.wayfarer.journey.testing.InMemoryOutbox;
import org.wayfarer.journey.testing.MutableClock;
import tools.jackson.databind.json.JsonMapper;

/**
 * The subscription sender through WxJava against a fake {@code bizsend}: the exact body, a grant spent by the send,
 * no message without a grant, WeChat's refusal recorded, back-pressure left to the outbox, a lost answer final.
 */
class WxMpSubscribeSenderIT {

    private static final String APP_ID = "wx1234567890abcdef";
    private static final String OPENID = "oMgHVjngRipVsoxg6TuX3vz6glDg";
    private static final long TENANT = 5;
    private static final long CONTACT = 30;
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Map<String, Object> SHIPPED = Map.of("templateId", "TPL_SHIPPED", "page", "pages/x",
            "data", Map.of("thing1", "hello"));

    private final SecretCipher cipher = new SecretCipher(new byte[32]);
    private final InMemoryAccountStore accounts = new InMemoryAccountStore();
    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T08:00:00Z"));
    private final InMemoryConsentStore consents = new InMemoryConsentStore();
    private final AtomicLong ids = new AtomicLong(1_000);
    private final ConsentLedger ledger = new ConsentLedger(consents, new InMemoryOutbox(), ids::incrementAndGet,
            clock);
    private FakeWeChatServer wechat;
    private FakeSubscribe subscribe;
    private WxMpServices services;
    private WxMpSubscribeSender sender;

    @BeforeEach
    void setUp() {
        wechat = FakeWeChatServer.start();
        subscribe = FakeSubscribe.on(wechat);
        accounts.insert(new StoredAccount(1, TENANT, APP_ID, "Shop", cipher.encrypt("app-secret"),
                cipher.encrypt("token1"), null, clock.instant(), clock.instant()));
        services = new WxMpServices(new AccountLookup(accounts, cipher), WeChatProperties.defaults(wechat.baseUrl())
                .withReadTimeout(Duration.ofMillis(300)).withConnectTimeout(Duration.ofMillis(300)));
        sender = new WxMpSubscribeSender(services, ledger);
    }

    @AfterEach
    void tearDown() {
        subscribe.releaseHeld();
        services.close();
        wechat.close();
    }

    private void accepted(String templateId) {
        ledger.record(new ContactEvent(TENANT, APP_ID, "evt:" + OPENID + ":" + clock.instant().getEpochSecond()
                + ":subscribe_msg_popup_event:" + templateId + "=accept", EventTypes.WECHAT_SUBSCRIBE_MSG_CHANGED,
                Identity.wechatOpenid(APP_ID, OPENID), null, clock.instant(), Map.of(
                        "event", "subscribe_msg_popup_event",
                        "changes", List.of(Map.of("templateId", templateId, "status", "accept", "popupScene", 2L))),
                Map.of()), CONTACT);
    }

    private Delivery delivery(long id, Map<String, Object> message) {
        return new Delivery(id, TENANT, "wechat.subscribe", APP_ID, OPENID, message, 1, CONTACT);
    }

    private Reach reach(long deliveryId, Map<String, Object> message) {
        return new Reach(TENANT, CONTACT, APP_ID, OPENID, deliveryId, clock.instant(), message);
    }

    @Test
    void sendsTheBodyWeChatDocumentsAndSpendsTheGrant() {
        accepted("TPL_SHIPPED");
        clock.advance(Duration.ofMinutes(1));
        assertThat(sender.unreachable(reach(7, SHIPPED))).isEmpty();

        SendReceipt receipt = sender.send(delivery(7, SHIPPED));

        assertThat(receipt).isEqualTo(new SendReceipt.Accepted(String.valueOf(FakeSubscribe.FIRST_MSGID)));
        assertThat(subscribe.sends()).singleElement().isEqualTo(JSON.readTree("{\"touser\":\"" + OPENID + "\","
                + "\"template_id\":\"TPL_SHIPPED\",\"page\":\"pages/x\",\"data\":{\"thing1\":{\"value\":\"hello\"}}}"));
        assertThat(sender.unreachable(reach(8, SHIPPED))).hasValue("no subscription consent for template"
                + " TPL_SHIPPED: the one-time grant of 2026-03-01T08:00:00Z was used by delivery 7");
        assertThat(ledger.byMsgId(TENANT, APP_ID, "300000001")).singleElement().satisfies(sent -> {
            assertThat(sent.kind()).isEqualTo(ConsentKind.SENT);
            assertThat(sent.deliveryId()).isEqualTo(7);
            assertThat(sent.contactId()).isEqualTo(CONTACT);
            assertThat(sent.templateId()).isEqualTo("TPL_SHIPPED");
        });
    }

    @Test
    void withoutAGrantTheFollowerIsUnreachable() {
        accepted("TPL_OTHER");

        assertThat(sender.unreachable(reach(0, SHIPPED))).hasValue("no subscription consent for template"
                + " TPL_SHIPPED: the follower has not accepted it");
        assertThat(sender.unreachable(reach(0, Map.of("data", Map.of()))))
                .as("no template: left to send, which names the key").isEmpty();
        assertThat(subscribe.sends()).isEmpty();
    }

    @Test
    void weChatsNotSubscribedIsARejectionRecordedAsARefusal() {
        accepted("TPL_SHIPPED");
        clock.advance(Duration.ofMinutes(1));
        subscribe.failNext(43101, "user refuse to accept the msg rid: 64a1b2c3-1d2e3f4a-5b6c7d8e");

        SendReceipt receipt = sender.send(delivery(7, SHIPPED));

        assertThat(receipt).isEqualTo(new SendReceipt.Rejected("43101",
                "user refuse to accept the msg rid: 64a1b2c3-1d2e3f4a-5b6c7d8e"));
        assertThat(sender.unreachable(reach(8, SHIPPED))).hasValue("no subscription consent for template"
                + " TPL_SHIPPED: refused at 2026-03-01T08:01:00Z (WeChat refused delivery 7 with 43101)");
        assertThat(ledger.history(TENANT, CONTACT, 10)).extracting(ConsentRecord::kind)
                .containsExactly(ConsentKind.SEND_REFUSED, ConsentKind.ONE_TIME);
    }

    @ParameterizedTest
    @CsvSource({"-1, system error, PT5S", "45011, api minute-quota reach limit, PT60S"})
    void backPressureIsLeftToTheOutboxAndSpendsNothing(int errcode, String errmsg, Duration after) {
        accepted("TPL_SHIPPED");
        subscribe.failNext(errcode, errmsg);

        assertThat(sender.send(delivery(7, SHIPPED)))
                .isEqualTo(new SendReceipt.RetryLater(String.valueOf(errcode), errmsg, after));
        assertThat(sender.unreachable(reach(8, SHIPPED))).isEmpty();
        assertThat(consents.all()).extracting(ConsentRecord::kind).containsExactly(ConsentKind.ONE_TIME);
    }

    @Test
    void otherRefusalsAreRejectionsThatLeaveTheLedgerAlone() {
        accepted("TPL_SHIPPED");
        subscribe.failNext(47003, "argument invalid! data.thing1.value exceeds limit");

        assertThat(sender.send(delivery(7, SHIPPED))).isEqualTo(new SendReceipt.Rejected("47003",
                "argument invalid! data.thing1.value exceeds limit"));
        assertThat(consents.all()).extracting(ConsentRecord::kind).containsExactly(ConsentKind.ONE_TIME);
    }

    @Test
    void aLostAnswerIsUnknownAndNeverRepeated() {
        accepted("TPL_SHIPPED");
        subscribe.answerNextLate(Duration.ofSeconds(10));

        SendReceipt receipt = sender.send(delivery(7, SHIPPED));

        assertThat(receipt).isInstanceOf(SendReceipt.Unknown.class);
        assertThat(((SendReceipt.Unknown) receipt).reason()).contains("SocketTimeoutException");
        assertThat(sender.idempotencyWindow()).as("no idempotency key: at most once").isEqualTo(Duration.ZERO);
        assertThat(subscribe.sends()).hasSize(1);
    }

    @Test
    void refusesAnInvalidMessageOrAnUnknownAccountWithoutCallingWeChat() {
        assertThat(sender.send(delivery(7, Map.of("templateId", "T", "data", Map.of("number1", 3)))))
                .isEqualTo(new SendReceipt.Rejected("invalid_message", "data.number1 must be a non-empty string"));
        assertThat(sender.send(delivery(7, Map.of("data", Map.of("thing1", "x")))))
                .isEqualTo(new SendReceipt.Rejected("invalid_message", "templateId is required"));
        assertThat(sender.send(new Delivery(8, TENANT, "wechat.subscribe", "wx0000000000000000", OPENID, SHIPPED)))
                .isEqualTo(new SendReceipt.Rejected("unknown_account",
                        "official account wx0000000000000000 is not connected"));
        assertThat(subscribe.sends()).isEmpty();
        assertThat(sender.channel()).isEqualTo("wechat.subscribe");
    }
}
