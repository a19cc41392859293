package org.wayfarer.channel.wechat.send;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
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
import org.wayfarer.channel.wechat.testing.FakeKefu;
import org.wayfarer.channel.wechat.testing.FakeWeChatServer;
import org.wayfarer.journey.channel.Delivery;
import org.wayfarer.journey.channel.SendReceipt;
import org.wayfarer.journey.crypto.SecretCipher;
import org.wayfarer.journey.testing.InMemoryEventLog;
import org.wayfarer.journey.testing.InMemoryOutbox;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The kefu sender through WxJava against a fake WeChat: the exact body of each message type, and each answer. */
class WxMpKefuSenderIT {

    private static final String APP_ID = "wx1234567890abcdef";
    private static final String OPENID = "oMgHVjngRipVsoxg6TuX3vz6glDg";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final SecretCipher cipher = new SecretCipher(new byte[32]);
    private final InMemoryAccountStore store = new InMemoryAccountStore();
    private FakeWeChatServer wechat;
    private FakeKefu kefu;
    private WxMpServices services;
    private WxMpKefuSender sender;

    @BeforeEach
    void setUp() {
        wechat = FakeWeChatServer.start();
        kefu = FakeKefu.on(wechat);
        Instant at = Instant.parse("2026-03-01T08:00:00Z");
        store.insert(new StoredAccount(1, 5, APP_ID, "Shop", cipher.encrypt("app-secret"), cipher.encrypt("token1"),
                null, at, at));
        services = new WxMpServices(new AccountLookup(store, cipher), WeChatProperties.defaults(wechat.baseUrl())
                .withReadTimeout(Duration.ofMillis(300)).withConnectTimeout(Duration.ofMillis(300)));
        sender = new WxMpKefuSender(services, new KefuWindows(new InMemoryEventLog(), new InMemoryOutbox()));
    }

    @AfterEach
    void tearDown() {
        services.close();
        wechat.close();
    }

    private SendReceipt send(Map<String, Object> message) {
        return sender.send(new Delivery(7, 5, "wechat.kefu", APP_ID, OPENID, message));
    }

    private static JsonNode json(String text) {
        return JSON.readTree(text);
    }

    @Test
    void sendsAMiniProgramPageCardAsWeChatDocumentsIt() {
        assertThat(send(Map.of("msgtype", "miniprogrampage", "title", "门店欢迎你", "appid", "wxMINI",
                "pagepath", "pages/store?id=7", "thumbMediaId", "MEDIA1"))).isEqualTo(new SendReceipt.Accepted(null));

        assertThat(kefu.sends()).singleElement().isEqualTo(json("""
                {"touser": "oMgHVjngRipVsoxg6TuX3vz6glDg", "msgtype": "miniprogrampage",
                 "miniprogrampage": {"title": "门店欢迎你", "appid": "wxMINI", "pagepath": "pages/store?id=7",
                                     "thumb_media_id": "MEDIA1"}}"""));
    }

    @Test
    void sendsTextNewsImageAndCardMessages() {
        send(Map.of("msgtype", "text", "content", "欢迎关注"));
        send(Map.of("msgtype", "news", "articles", List.of(Map.of("title", "春季新品", "description", "看看",
                "url", "https://brand.example/spring", "picurl", "https://brand.example/spring.jpg"))));
        send(Map.of("msgtype", "image", "mediaId", "MEDIA2"));
        send(Map.of("msgtype", "wxcard", "cardId", "pCARD1"));

        assertThat(kefu.sends()).containsExactly(
                json("{\"touser\":\"" + OPENID + "\",\"msgtype\":\"text\",\"text\":{\"content\":\"欢迎关注\"}}"),
                json("{\"touser\":\"" + OPENID + "\",\"msgtype\":\"news\",\"news\":{\"articles\":[{\"title\":"
                        + "\"春季新品\",\"description\":\"看看\",\"url\":\"https://brand.example/spring\","
                        + "\"picurl\":\"https://brand.example/spring.jpg\"}]}}"),
                json("{\"touser\":\"" + OPENID + "\",\"msgtype\":\"image\",\"image\":{\"media_id\":\"MEDIA2\"}}"),
                json("{\"touser\":\"" + OPENID + "\",\"msgtype\":\"wxcard\",\"wxcard\":{\"card_id\":\"pCARD1\"}}"));
    }

    @ParameterizedTest
    @CsvSource({
            "45015, response out of time limit or subscription is canceled",
            "45047, out of response count limit",
            "43004, require subscribe",
            "48001, api unauthorized"})
    void windowAndPermissionRefusalsAreRejectionsNeverRetried(int errcode, String errmsg) {
        kefu.failNext(errcode, errmsg);

        assertThat(send(Map.of("msgtype", "text", "content", "hi")))
                .isEqualTo(new SendReceipt.Rejected(String.valueOf(errcode), errmsg));
        assertThat(kefu.sends()).hasSize(1);
    }

    @ParameterizedTest
    @CsvSource({"-1, system error, PT5S", "45011, api minute-quota reach limit, PT60S",
            "45009, reach max api daily quota limit, PT1H"})
    void backPressureIsLeftToTheOutbox(int errcode, String errmsg, Duration after) {
        kefu.failNext(errcode, errmsg);

        assertThat(send(Map.of("msgtype", "text", "content", "hi")))
                .isEqualTo(new SendReceipt.RetryLater(String.valueOf(errcode), errmsg, after));
    }

    @Test
    void refusesAnInvalidMessageOrAnUnknownAccountWithoutCallingWeChat() {
        assertThat(send(Map.of("msgtype", "miniprogrampage", "title", "t", "appid", "wxMINI")))
                .isEqualTo(new SendReceipt.Rejected("invalid_message", "pagepath is required"));
        assertThat(send(Map.of("msgtype", "voice", "mediaId", "M"))).isEqualTo(new SendReceipt.Rejected(
                "invalid_message", "msgtype 'voice' is not one of text, news, image, miniprogrampage, wxcard"));
        assertThat(sender.send(new Delivery(8, 5, "wechat.kefu", "wx0000000000000000", OPENID,
                Map.of("msgtype", "text", "content", "hi")))).isEqualTo(new SendReceipt.Rejected("unknown_account",
                "official account wx0000000000000000 is not connected"));
        assertThat(kefu.sends()).isEmpty();
        assertThat(sender.idempotencyWindow()).as("no idempotency key: at most once").isEqualTo(Duration.ZERO);
    }

    @Test
    void anExpiredAccessTokenIsRefreshedOnceAndTheMessageSentAgain() {
        kefu.failNext(40001, "invalid credential, access_token is invalid or not latest");

        assertThat(send(Map.of("msgtype", "text", "content", "hi"))).isEqualTo(new SendReceipt.Accepted(null));

        assertThat(wechat.tokenRequests()).isEqualTo(2);
        assertThat(kefu.sends()).hasSize(2);
    }

    @Test
    void aGatewayErrorOrNoAnswerAfterTheRequestLeftIsUnknownNeverRepeated() {
        kefu.failNextWithHttp(502);
        assertThat(send(Map.of("msgtype", "text", "content", "hi"))).isInstanceOf(SendReceipt.Unknown.class);

        kefu.holdNext();
        SendReceipt timedOut = send(Map.of("msgtype", "text", "content", "hi"));
        kefu.release();
        assertThat(timedOut).isInstanceOfSatisfying(SendReceipt.Unknown.class,
                unknown -> assertThat(unknown.reason()).contains("SocketTimeoutException"));
        assertThat(kefu.sends()).hasSize(2);
    }
}
