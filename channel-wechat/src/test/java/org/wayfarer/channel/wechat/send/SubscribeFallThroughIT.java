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
import org.wayfarer.channel.wechat.testing.FakeWeChatServer.TemplateSend;
import org.wayfarer.journey.channel.AccountOwnership;
import org.wayfarer.journey.channel.ChannelAccounts;
import org.wayfarer.journey.crypto.SecretCipher;
import org.wayfarer.journey.dispatch.ChannelSenders;
import org.wayfarer.journey.dispatch.Fallbacks;
import org.wayfarer.journey.dispatch.OutboxDispatcher;
import org.wayfarer.journey.dispatch.OutboxMessage;
import org.wayfarer.journey.dispatch.OutboxStatus;
import org.wayfarer.journey.event.ContactEvent;
import org.wayfarer.journey.event.EventTypes;
import org.wayfarer.journey.event.Identity;
import org.wayfarer.journey.testing.InMemoryOutbox;
import org.wayfarer.journey.testing.MutableClock;

/**
 * The engine's dispatcher with the real subscription and template senders against a fake WeChat, for a send node
 * with {@code "channels": ["wechat.subscribe", "wechat.template"]}: the subscription message goes while the follower
 * holds a grant; without one, or once it is spent, or when WeChat answers 43101, the same delivery moves to the
 * template, and {@code bizsend} is never called without a grant.
 */
class SubscribeFallThroughIT {

    private static final String APP_ID = "wx1234567890abcdef";
    private static final String OPENID = "oFOLLOWER";
    private static final long TENANT = 5;
    private static final long CONTACT = 30;

    private final SecretCipher cipher = new SecretCipher(new byte[32]);
    private final InMemoryAccountStore accounts = new InMemoryAccountStore();
    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T08:00:00Z"));
    private final InMemoryOutbox outbox = new InMemoryOutbox();
    private final InMemoryConsentStore consents = new InMemoryConsentStore();
    private final AtomicLong ids = new AtomicLong(1_000);
    private final ConsentLedger ledger = new ConsentLedger(consents, outbox, ids::incrementAndGet, clock);
    private FakeWeChatServer wechat;
    private FakeSubscribe subscribe;
    private WxMpServices services;
    private OutboxDispatcher dispatcher;

    @BeforeEach
    void setUp() {
        wechat = FakeWeChatServer.start();
        subscribe = FakeSubscribe.on(wechat);
        accounts.insert(new StoredAccount(1, TENANT, APP_ID, "Shop", cipher.encrypt("app-secret"),
                cipher.encrypt("token1"), null, clock.instant(), clock.instant()));
        services = new WxMpServices(new AccountLookup(accounts, cipher), WeChatProperties.defaults(wechat.baseUrl())
                .withReadTimeout(Duration.ofMillis(300)).withConnectTimeout(Duration.ofMillis(300)));
        ChannelAccounts tenantFive = new ChannelAccounts() {
            @Override
            public boolean owns(long tenantId, String channel, String account) {
                return tenantId == TENANT && APP_ID.equals(account);
            }

            @Override
            public boolean covers(String channel) {
                return true;
            }
        };
        ChannelSenders senders = new ChannelSenders(List.of(new WxMpTemplateSender(services),
                new WxMpSubscribeSender(services, ledger)));
        dispatcher = new OutboxDispatcher(outbox, senders, new AccountOwnership(List.of(tenantFive)),
                (channel, account) -> Duration.ZERO, Runnable::run, clock,
                new OutboxDispatcher.Settings("node-a", Duration.ofMinutes(1), 8, 100, 4));
    }

    @AfterEach
    void tearDown() {
        services.close();
        wechat.close();
    }

    private void acceptedInAPopup(Instant at) {
        ledger.record(new ContactEvent(TENANT, APP_ID, "evt:" + OPENID + ":" + at.getEpochSecond()
                + ":subscribe_msg_popup_event:TPL_SHIPPED=accept", EventTypes.WECHAT_SUBSCRIBE_MSG_CHANGED,
                Identity.wechatOpenid(APP_ID, OPENID), null, at, Map.of("event", "subscribe_msg_popup_event",
                "changes", List.of(Map.of("templateId", "TPL_SHIPPED", "status", "accept", "popupScene", 2L))),
                Map.of()), CONTACT);
    }

    /** A shipping notice with a template message to fall back to, queued now as row {@code id}. */
    private void queueNoticeWithTemplateFallback(long id) {
        Map<String, Object> notice = Fallbacks.attach(Map.of("templateId", "TPL_SHIPPED",
                        "page", "pages/order?id=" + id, "data", Map.of("thing1", "已发货")),
                List.of(new Fallbacks.Fallback("wechat.template", APP_ID, OPENID, Map.of("templateId", "TPL_OLD",
                        "data", Map.of("first", "已发货")))));
        outbox.insert(List.of(new OutboxMessage(id, TENANT, 10 + id, 20, "notify", 1, CONTACT, "wechat.subscribe",
                APP_ID, OPENID, notice, OutboxStatus.PENDING, 0, clock.instant(), null, null, null, clock.instant(),
                clock.instant())));
    }

    private OutboxMessage row(long id) {
        return outbox.find(id).orElseThrow();
    }

    @Test
    void withAGrantTheSubscriptionMessageGoesWithoutItsFallbacks() {
        acceptedInAPopup(clock.instant());
        clock.advance(Duration.ofMinutes(1));
        queueNoticeWithTemplateFallback(4711);

        dispatcher.dispatchSoon(List.of(4711L));

        assertThat(subscribe.sends()).singleElement().satisfies(body -> {
            assertThat(body.get("template_id").asString()).isEqualTo("TPL_SHIPPED");
            assertThat(body.get("page").asString()).isEqualTo("pages/order?id=4711");
            assertThat(body.has(Fallbacks.KEY)).isFalse();
        });
        assertThat(row(4711).status()).isEqualTo(OutboxStatus.SENT);
        assertThat(row(4711).channel()).isEqualTo("wechat.subscribe");
        assertThat(row(4711).providerMessageId()).isEqualTo(String.valueOf(FakeSubscribe.FIRST_MSGID));
        assertThat(wechat.templateSends()).isEmpty();
    }

    @Test
    void withoutAGrantBizsendIsNeverCalledAndTheTemplateGoesInstead() {
        queueNoticeWithTemplateFallback(4711);

        dispatcher.dispatchSoon(List.of(4711L));
        assertThat(row(4711).channel()).isEqualTo("wechat.template");
        dispatcher.sweep();

        assertThat(subscribe.sends()).isEmpty();
        assertThat(wechat.templateSends()).singleElement().satisfies(send -> {
            assertThat(send.templateId()).isEqualTo("TPL_OLD");
            assertThat(send.clientMsgId()).as("the same delivery").isEqualTo("4711");
        });
        assertThat(row(4711).status()).isEqualTo(OutboxStatus.SENT);
        assertThat(row(4711).errorCode()).isEqualTo("unreachable");
        assertThat(row(4711).errorMessage()).startsWith("wechat.subscribe refused it (unreachable: no subscription"
                + " consent for template TPL_SHIPPED: the follower has not accepted it)");
    }

    @Test
    void aSpentGrantSendsTheSecondNoticeAsATemplate() {
        acceptedInAPopup(clock.instant());
        clock.advance(Duration.ofMinutes(1));
        queueNoticeWithTemplateFallback(4711);
        queueNoticeWithTemplateFallback(4712);

        dispatcher.dispatchSoon(List.of(4711L));
        dispatcher.dispatchSoon(List.of(4712L));
        dispatcher.sweep();

        assertThat(subscribe.sends()).extracting(body -> body.get("page").asString())
                .containsExactly("pages/order?id=4711");
        assertThat(wechat.templateSends()).extracting(TemplateSend::clientMsgId).containsExactly("4712");
        assertThat(row(4712).errorMessage()).contains("the one-time grant of 2026-03-01T08:00:00Z was used by"
                + " delivery 4711");
    }

    @Test
    void weChatsRefusalFallsThroughAndIsRecordedAsARefusal() {
        acceptedInAPopup(clock.instant());
        clock.advance(Duration.ofMinutes(1));
        subscribe.failNext(43101, "user refuse to accept the msg");
        queueNoticeWithTemplateFallback(4711);

        dispatcher.dispatchSoon(List.of(4711L));
        dispatcher.sweep();

        assertThat(subscribe.sends()).hasSize(1);
        assertThat(wechat.templateSends()).extracting(TemplateSend::clientMsgId).containsExactly("4711");
        assertThat(row(4711).status()).isEqualTo(OutboxStatus.SENT);
        assertThat(row(4711).channel()).isEqualTo("wechat.template");
        assertThat(row(4711).errorCode()).isEqualTo("43101");
        assertThat(consents.all()).extracting(ConsentRecord::kind)
                .containsExactly(ConsentKind.ONE_TIME, ConsentKind.SEND_REFUSED);
    }
}
