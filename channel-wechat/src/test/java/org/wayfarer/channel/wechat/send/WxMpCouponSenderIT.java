package org.wayfarer.channel.wechat.send;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
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
import org.wayfarer.journey.channel.Delivery;
import org.wayfarer.journey.channel.SendReceipt;
import org.wayfarer.journey.crypto.SecretCipher;
import org.wayfarer.journey.event.ContactEvent;
import org.wayfarer.journey.event.EventLog;
import org.wayfarer.journey.event.EventTypes;
import org.wayfarer.journey.event.Identity;
import org.wayfarer.journey.testing.InMemoryEventLog;
import org.wayfarer.journey.testing.InMemoryOutbox;
import org.wayfarer.journey.testing.MutableClock;

/** A card voucher through kefu while the reply window is open, else through a template linking its landing page. */
class WxMpCouponSenderIT {

    private static final String APP_ID = "wx1234567890abcdef";
    private static final String OPENID = "oFOLLOWER";
    private static final long CONTACT = 30;
    private static final Map<String, Object> COUPON = Map.of("cardId", "pCARD1", "stock", 100,
            "landingUrl", "https://mp.weixin.qq.com/bizmall/cardlandingpage?id=1",
            "template", Map.of("templateId", "TPL_COUPON", "data", Map.of("thing1", "春季券")));

    private final SecretCipher cipher = new SecretCipher(new byte[32]);
    private final InMemoryAccountStore store = new InMemoryAccountStore();
    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T08:00:00Z"));
    private final InMemoryEventLog events = new InMemoryEventLog();
    private FakeWeChatServer wechat;
    private FakeKefu kefu;
    private WxMpServices services;
    private WxMpCouponSender sender;

    @BeforeEach
    void setUp() {
        wechat = FakeWeChatServer.start();
        kefu = FakeKefu.on(wechat);
        store.insert(new StoredAccount(1, 5, APP_ID, "Shop", cipher.encrypt("app-secret"), cipher.encrypt("token1"),
                null, clock.instant(), clock.instant()));
        services = new WxMpServices(new AccountLookup(store, cipher), WeChatProperties.defaults(wechat.baseUrl())
                .withReadTimeout(Duration.ofMillis(300)).withConnectTimeout(Duration.ofMillis(300)));
        KefuWindows windows = new KefuWindows(events, new InMemoryOutbox());
        sender = new WxMpCouponSender(new WxMpKefuSender(services, windows), new WxMpTemplateSender(services),
                windows, clock);
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

    private SendReceipt send(Map<String, Object> message) {
        return sender.send(new Delivery(4711, 5, "wechat.coupon", APP_ID, OPENID, message, 1, CONTACT));
    }

    @Test
    void insideTheReplyWindowTheCardGoesAsAKefuWxcard() {
        followed(clock.instant().minusSeconds(20));

        assertThat(send(COUPON)).isEqualTo(new SendReceipt.Accepted(null));

        assertThat(kefu.sends()).singleElement().satisfies(body -> {
            assertThat(body.get("msgtype").asString()).isEqualTo("wxcard");
            assertThat(body.get("wxcard").get("card_id").asString()).isEqualTo("pCARD1");
        });
        assertThat(wechat.templateSends()).isEmpty();
    }

    @Test
    void outsideTheWindowATemplateLinksTheCardsLandingPage() {
        followed(clock.instant().minus(Duration.ofHours(1)));

        assertThat(send(COUPON)).isEqualTo(new SendReceipt.Accepted("200000001"));

        assertThat(kefu.sends()).isEmpty();
        assertThat(wechat.templateSends()).singleElement().satisfies(template -> {
            assertThat(template.templateId()).isEqualTo("TPL_COUPON");
            assertThat(template.body().get("url").asString())
                    .isEqualTo("https://mp.weixin.qq.com/bizmall/cardlandingpage?id=1");
            assertThat(template.dataValue("thing1")).isEqualTo("春季券");
            assertThat(template.clientMsgId()).isEqualTo("4711");
        });
    }

    @Test
    void aKefuRefusalFallsBackToTheTemplateButAnUnknownOutcomeDoesNot() {
        followed(clock.instant().minusSeconds(20));
        kefu.failNext(45047, "out of response count limit");

        assertThat(send(COUPON)).isEqualTo(new SendReceipt.Accepted("200000001"));
        assertThat(kefu.sends()).hasSize(1);
        assertThat(wechat.templateSends()).hasSize(1);

        kefu.failNext(-1, "system error");
        assertThat(send(COUPON)).isInstanceOf(SendReceipt.RetryLater.class);
        assertThat(wechat.templateSends()).as("back-pressure is not a refusal").hasSize(1);
    }

    @Test
    void withoutATemplateAClosedWindowIsARejectionNamingWhy() {
        assertThat(send(Map.of("cardId", "pCARD1"))).isEqualTo(new SendReceipt.Rejected("no_window",
                "no reply window: the follower has not interacted with " + APP_ID + " in the last 48 hours; the"
                        + " coupon has no template to link its landing page"));
        assertThat(send(Map.of("stock", 1))).isEqualTo(new SendReceipt.Rejected("invalid_message",
                "cardId is required"));
        assertThat(kefu.sends()).isEmpty();
        assertThat(wechat.templateSends()).isEmpty();
    }
}
