package org.wayfarer.channel.wechat.send;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.wayfarer.channel.wechat.WeChatProperties;
import org.wayfarer.channel.wechat.account.AccountLookup;
import org.wayfarer.channel.wechat.account.StoredAccount;
import org.wayfarer.channel.wechat.account.WxMpServices;
import org.wayfarer.channel.wechat.testapp.InMemoryAccountStore;
import org.wayfarer.channel.wechat.testing.FakeKefu;
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
import org.wayfarer.journey.event.EventLog;
import org.wayfarer.journey.event.EventTypes;
import org.wayfarer.journey.event.Identity;
import org.wayfarer.journey.testing.InMemoryEventLog;
import org.wayfarer.journey.testing.InMemoryOutbox;
import org.wayfarer.journey.testing.MutableClock;

/**
 * The dispatcher with the real kefu and template senders against a fake WeChat: a kefu send goes out inside the
 * follower's reply window, and one whose window closed, or that WeChat refuses with 45015 or 45047, moves to its
 * template fallback on the same delivery and never calls the kefu API outside the window.
 */
class KefuFallThroughIT {

    private static final String APP_ID = "wx1234567890abcdef";
    private static final String OPENID = "oFOLLOWER";
    private static final long CONTACT = 30;

    private final SecretCipher cipher = new SecretCipher(new byte[32]);
    private final InMemoryAccountStore store = new InMemoryAccountStore();
    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T08:00:00Z"));
    private final InMemoryOutbox outbox = new InMemoryOutbox();
    private final InMemoryEventLog events = new InMemoryEventLog();
    private FakeWeChatServer wechat;
    private FakeKefu kefu;
    private WxMpServices services;
    private OutboxDispatcher dispatcher;

    @BeforeEach
    void setUp() {
        wechat = FakeWeChatServer.start();
        kefu = FakeKefu.on(wechat);
        store.insert(new StoredAccount(1, 5, APP_ID, "Shop", cipher.encrypt("app-secret"), cipher.encrypt("token1"),
                null, clock.instant(), clock.instant()));
        services = new WxMpServices(new AccountLookup(store, cipher), WeChatProperties.defaults(wechat.baseUrl())
                .withReadTimeout(Duration.ofMillis(300)).withConnectTimeout(Duration.ofMillis(300)));
        ChannelAccounts tenantFive = new ChannelAccounts() {
            @Override
            public boolean owns(long tenantId, String channel, String account) {
                return tenantId == 5 && APP_ID.equals(account);
            }

            @Override
            public boolean covers(String channel) {
                return true;
            }
        };
        ChannelSenders senders = new ChannelSenders(List.of(new WxMpTemplateSender(services),
                new WxMpKefuSender(services, new KefuWindows(events, outbox))));
        dispatcher = new OutboxDispatcher(outbox, senders, new AccountOwnership(List.of(tenantFive)),
                (channel, account) -> Duration.ZERO, Runnable::run, clock,
                new OutboxDispatcher.Settings("node-a", Duration.ofMinutes(1), 8, 100, 4));
    }

    @AfterEach
    void tearDown() {
        services.close();
        wechat.close();
    }

    private void followed(Instant at) {
        events.append(new EventLog.NewEvent(900, new ContactEvent(5, APP_ID, "evt:1", EventTypes.WECHAT_FOLLOWED,
                Identity.wechatOpenid(APP_ID, OPENID), null, at, Map.of(), Map.of()), CONTACT, 0), at);
    }

    /** A mini-program card with a template message to fall back to, queued now as row 4711. */
    private void queueCardWithTemplateFallback() {
        Map<String, Object> card = Fallbacks.attach(Map.of("msgtype", "miniprogrampage", "title", "欢迎",
                "appid", "wxMINI", "pagepath", "pages/store", "thumbMediaId", "M1"),
                List.of(new Fallbacks.Fallback("wechat.template", APP_ID, OPENID, Map.of("templateId", "TPL"))));
        outbox.insert(List.of(new OutboxMessage(4711, 5, 10, 20, "welcome", 1, CONTACT, "wechat.kefu", APP_ID,
                OPENID, card, OutboxStatus.PENDING, 0, clock.instant(), null, null, null, clock.instant(),
                clock.instant())));
    }

    private OutboxMessage row() {
        return outbox.find(4711).orElseThrow();
    }

    @Test
    void insideTheWindowTheCardGoesOutWithoutItsFallbacks() {
        followed(clock.instant().minusSeconds(10));
        queueCardWithTemplateFallback();

        dispatcher.dispatchSoon(List.of(4711L));

        assertThat(kefu.sends()).singleElement().satisfies(body -> {
            assertThat(body.get("msgtype").asString()).isEqualTo("miniprogrampage");
            assertThat(body.has(Fallbacks.KEY)).isFalse();
        });
        assertThat(row().status()).isEqualTo(OutboxStatus.SENT);
        assertThat(row().channel()).isEqualTo("wechat.kefu");
        assertThat(wechat.templateSends()).isEmpty();
    }

    @Test
    void aClosedWindowNeverCallsTheKefuApiAndTheTemplateGoesInstead() {
        followed(clock.instant().minus(Duration.ofMinutes(2)));
        queueCardWithTemplateFallback();

        dispatcher.dispatchSoon(List.of(4711L));
        assertThat(row().status()).isEqualTo(OutboxStatus.PENDING);
        assertThat(row().channel()).isEqualTo("wechat.template");
        dispatcher.sweep();

        assertThat(kefu.sends()).isEmpty();
        assertThat(wechat.templateSends()).singleElement().satisfies(send -> {
            assertThat(send.templateId()).isEqualTo("TPL");
            assertThat(send.clientMsgId()).as("the same delivery").isEqualTo("4711");
        });
        assertThat(row().status()).isEqualTo(OutboxStatus.SENT);
        assertThat(row().errorCode()).isEqualTo("unreachable");
        assertThat(row().errorMessage()).startsWith("wechat.kefu refused it (unreachable: reply window closed:"
                + " wechat.followed at 2026-03-01T07:58:00Z allowed kefu messages until 2026-03-01T07:59:00Z)");
    }

    @Test
    void weChatsWindowRefusalsFallThroughAndAreNeverRetriedOnKefu() {
        followed(clock.instant().minusSeconds(10));
        kefu.failNext(45015, "response out of time limit or subscription is canceled");
        queueCardWithTemplateFallback();

        dispatcher.dispatchSoon(List.of(4711L));
        dispatcher.sweep();

        assertThat(kefu.sends()).hasSize(1);
        assertThat(wechat.templateSends()).extracting(TemplateSend::clientMsgId).containsExactly("4711");
        assertThat(row().status()).isEqualTo(OutboxStatus.SENT);
        assertThat(row().channel()).isEqualTo("wechat.template");
        assertThat(row().errorCode()).isEqualTo("45015");
    }

    @Test
    void withoutAFallbackTheRefusalIsFinal() {
        followed(clock.instant().minusSeconds(10));
        kefu.failNext(45047, "out of response count limit");
        outbox.insert(List.of(new OutboxMessage(4712, 5, 10, 20, "welcome", 2, CONTACT, "wechat.kefu", APP_ID,
                OPENID, Map.of("msgtype", "text", "content", "hi"), OutboxStatus.PENDING, 0, clock.instant(), null,
                null, null, clock.instant(), clock.instant())));

        dispatcher.dispatchSoon(List.of(4712L));
        clock.advance(Duration.ofMinutes(5));
        dispatcher.sweep();

        assertThat(kefu.sends()).hasSize(1);
        assertThat(outbox.find(4712).orElseThrow().status()).isEqualTo(OutboxStatus.REJECTED);
        assertThat(outbox.find(4712).orElseThrow().errorCode()).isEqualTo("45047");
    }
}
