package org.wayfarer.channel.wechat.send;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.wayfarer.channel.wechat.WeChatProperties;
import org.wayfarer.channel.wechat.account.AccountLookup;
import org.wayfarer.channel.wechat.account.StoredAccount;
import org.wayfarer.channel.wechat.account.WxMpServices;
import org.wayfarer.channel.wechat.testapp.InMemoryAccountStore;
import org.wayfarer.channel.wechat.testing.FakeWeChatServer;
import org.wayfarer.channel.wechat.testing.FakeWeChatServer.TemplateSend;
import org.wayfarer.journey.channel.DailyQuota;
import org.wayfarer.journey.channel.Delivery;
import org.wayfarer.journey.channel.SendReceipt;
import org.wayfarer.journey.crypto.SecretCipher;
import org.wayfarer.journey.event.IdentityKind;

/** The template sender through WxJava against a fake WeChat on loopback: what is sent, and what each answer means. */
class WxMpTemplateSenderIT {

    private static final String APP_ID = "wx1234567890abcdef";
    private static final String OPENID = "oMgHVjngRipVsoxg6TuX3vz6glDg";
    private static final Duration READ_TIMEOUT = Duration.ofMillis(300);

    private final SecretCipher cipher = new SecretCipher(new byte[32]);
    private final InMemoryAccountStore store = new InMemoryAccountStore();
    private FakeWeChatServer wechat;
    private WxMpServices services;
    private WxMpTemplateSender sender;

    @BeforeEach
    void setUp() {
        wechat = FakeWeChatServer.start();
        Instant at = Instant.parse("2026-03-01T08:00:00Z");
        store.insert(new StoredAccount(1, 5, APP_ID, "Shop", cipher.encrypt("app-secret"), cipher.encrypt("token1"),
                null, at, at));
        services = services(wechat.baseUrl());
        sender = new WxMpTemplateSender(services);
    }

    @AfterEach
    void tearDown() {
        services.close();
        wechat.close();
    }

    @Test
    void describesItsChannel() {
        assertThat(sender.channel()).isEqualTo("wechat.template");
        assertThat(sender.addressKind()).isEqualTo(IdentityKind.WECHAT_OPENID);
        assertThat(sender.idempotencyWindow()).as("inside WeChat's 10 minutes").isEqualTo(Duration.ofMinutes(8));
        assertThat(sender.dailyQuota(APP_ID)).contains(new DailyQuota(100_000, ZoneId.of("Asia/Shanghai")));
        WxMpTemplateSender bigger = new WxMpTemplateSender(services,
                new TemplateQuotaProperties(200_000, Map.of(APP_ID, 1_000_000L)));
        assertThat(bigger.dailyQuota(APP_ID)).contains(new DailyQuota(1_000_000, ZoneId.of("Asia/Shanghai")));
        assertThat(bigger.dailyQuota("wx0000000000000000")).hasValueSatisfying(q -> assertThat(q.max())
                .isEqualTo(200_000));
    }

    @Test
    void weChatDeliversARepeatedClientMsgIdOnce() {
        SendReceipt first = sender.send(delivery(20, Map.of("templateId", "T")));
        SendReceipt repeat = sender.send(delivery(20, Map.of("templateId", "T")));

        assertThat(first).isEqualTo(new SendReceipt.Accepted("200000001"));
        assertThat(repeat).as("answered like the first").isEqualTo(first);
        assertThat(wechat.templateSends()).singleElement().extracting(TemplateSend::clientMsgId).isEqualTo("20");
        assertThat(wechat.templateCalls()).extracting(TemplateSend::repeat).containsExactly(false, true);
    }

    @Test
    void aSendRepeatedAfterAFailureIsDelivered() {
        wechat.failNextTemplateSends(-1, "system error", 1);

        sender.send(delivery(21, Map.of("templateId", "T")));
        SendReceipt retried = sender.send(delivery(21, Map.of("templateId", "T")));

        assertThat(retried).isEqualTo(new SendReceipt.Accepted("200000001"));
        assertThat(wechat.templateSends()).extracting(TemplateSend::msgId).containsExactly(null, 200_000_001L);
    }

    @Test
    void sendsTheTemplateWithTheDeliveryIdAsClientMsgId() {
        SendReceipt receipt = sender.send(delivery(77_001L, Map.of(
                "templateId", "TPL_WELCOME",
                "url", "https://brand.example/hi",
                "miniprogram", Map.of("appid", "wxmini0000000001", "pagepath", "pages/index"),
                "data", Map.of("thing1", "Twenty-one characters",
                        "time2", Map.of("value", "08:00", "color", "#173177")))));

        assertThat(receipt).isEqualTo(new SendReceipt.Accepted("200000001"));
        assertThat(wechat.templateSends()).singleElement().satisfies(send -> {
            assertThat(send.toUser()).isEqualTo(OPENID);
            assertThat(send.templateId()).isEqualTo("TPL_WELCOME");
            assertThat(send.clientMsgId()).isEqualTo("77001");
            assertThat(send.accessToken()).isEqualTo("TOKEN-1");
            assertThat(send.body().get("url").asString()).isEqualTo("https://brand.example/hi");
            assertThat(send.body().get("miniprogram").get("appid").asString()).isEqualTo("wxmini0000000001");
            assertThat(send.body().get("miniprogram").get("pagepath").asString()).isEqualTo("pages/index");
            assertThat(send.dataValue("thing1")).isEqualTo("Twenty-one characters");
            assertThat(send.dataValue("time2")).isEqualTo("08:00");
            assertThat(send.body().get("data").get("time2").get("color").asString()).isEqualTo("#173177");
        });
    }

    @Test
    void reusesTheAccessToken() {
        sender.send(delivery(1, Map.of("templateId", "T")));
        SendReceipt second = sender.send(delivery(2, Map.of("templateId", "T")));

        assertThat(second).isEqualTo(new SendReceipt.Accepted("200000002"));
        assertThat(wechat.tokenRequests()).isEqualTo(1);
        assertThat(wechat.templateSends()).extracting(TemplateSend::clientMsgId).containsExactly("1", "2");
    }

    @ParameterizedTest
    @CsvSource({
            "43004, require subscribe",
            "40003, invalid openid",
            "40037, invalid template_id",
            "47003, argument invalid! data.thing1.value exceeds limit",
            "40036, invalid template_id size",
            "48001, api unauthorized"})
    void rejectsBusinessRefusals(int errcode, String errmsg) {
        wechat.failNextTemplateSends(errcode, errmsg, 1);

        SendReceipt receipt = sender.send(delivery(3, Map.of("templateId", "T")));

        assertThat(receipt).isEqualTo(new SendReceipt.Rejected(String.valueOf(errcode), errmsg));
        assertThat(wechat.templateSends()).hasSize(1);
    }

    @ParameterizedTest
    @CsvSource({
            "-1, system error, PT5S",
            "45011, api minute-quota reach limit, PT60S",
            "45009, reach max api daily quota limit, PT1H"})
    void leavesBackPressureToTheOutboxWithoutRetryingItself(int errcode, String errmsg, Duration after) {
        wechat.failNextTemplateSends(errcode, errmsg, 1);

        SendReceipt receipt = sender.send(delivery(4, Map.of("templateId", "T")));

        assertThat(receipt).isEqualTo(new SendReceipt.RetryLater(String.valueOf(errcode), errmsg, after));
        assertThat(wechat.templateSends()).as("one attempt, no SDK retry").hasSize(1);
    }

    @Test
    void refreshesAnExpiredAccessTokenOnceAndReplays() {
        wechat.failNextTemplateSends(40001, "invalid credential, access_token is invalid or not latest", 1);

        SendReceipt receipt = sender.send(delivery(5, Map.of("templateId", "T")));

        assertThat(receipt).isEqualTo(new SendReceipt.Accepted("200000001"));
        assertThat(wechat.tokenRequests()).isEqualTo(2);
        assertThat(wechat.templateSends()).extracting(TemplateSend::accessToken).containsExactly("TOKEN-1", "TOKEN-2");
    }

    @Test
    void reportsUnknownWhenNoAnswerComesInTime() {
        sender.send(delivery(6, Map.of("templateId", "T")));
        wechat.holdNextTemplateSends(1);

        SendReceipt receipt = sender.send(delivery(7, Map.of("templateId", "T")));
        wechat.releaseHeldSends();

        assertThat(receipt).isInstanceOf(SendReceipt.Unknown.class);
        assertThat(((SendReceipt.Unknown) receipt).reason()).contains("SocketTimeoutException");
        assertThat(wechat.templateSends()).extracting(TemplateSend::clientMsgId).containsExactly("6", "7");
    }

    @Test
    void retriesLaterWhenWeChatCannotBeReached() throws IOException {
        services.close();
        services = services("http://127.0.0.1:" + closedPort());
        sender = new WxMpTemplateSender(services);

        SendReceipt receipt = sender.send(delivery(8, Map.of("templateId", "T")));

        assertThat(receipt).isInstanceOfSatisfying(SendReceipt.RetryLater.class, retry -> {
            assertThat(retry.code()).isEqualTo("token");
            assertThat(retry.after()).isEqualTo(Duration.ofSeconds(5));
        });
    }

    @Test
    void retriesLaterWhenTheSendConnectionIsRefused() throws IOException {
        services.close();
        services = services("http://127.0.0.1:" + closedPort());
        sender = new WxMpTemplateSender(services);
        // a valid token in hand, so the template request itself is what meets the refused connection
        services.find(APP_ID).orElseThrow().config().updateAccessToken("TOKEN-CACHED", 7200);

        SendReceipt receipt = sender.send(delivery(10, Map.of("templateId", "T")));

        assertThat(receipt).isInstanceOfSatisfying(SendReceipt.RetryLater.class, retry -> {
            assertThat(retry.code()).isEqualTo("io");
            assertThat(retry.reason()).contains("HttpHostConnectException");
            assertThat(retry.after()).isEqualTo(Duration.ofSeconds(5));
        });
    }

    @Test
    void rejectsDeliveriesForUnknownAccountsOrInvalidMessages() {
        Delivery unknown = new Delivery(11, 5, "wechat.template", "wx0000000000000000", OPENID,
                Map.of("templateId", "T"));

        assertThat(sender.send(unknown)).isEqualTo(new SendReceipt.Rejected("unknown_account",
                "official account wx0000000000000000 is not connected"));
        assertThat(sender.send(delivery(12, Map.of("url", "https://x"))))
                .isEqualTo(new SendReceipt.Rejected("invalid_message", "templateId is required"));
        assertThat(wechat.templateSends()).isEmpty();
    }

    private WxMpServices services(String baseUrl) {
        return new WxMpServices(new AccountLookup(store, cipher),
                WeChatProperties.defaults(baseUrl).withReadTimeout(READ_TIMEOUT).withConnectTimeout(READ_TIMEOUT));
    }

    private static Delivery delivery(long id, Map<String, Object> message) {
        return new Delivery(id, 5, "wechat.template", APP_ID, OPENID, message);
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
