package org.wayfarer.channel.wechat.subscribe;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.wayfarer.channel.wechat.ConnectAccount;
import org.wayfarer.channel.wechat.WeChatAccounts;
import org.wayfarer.channel.wechat.testapp.RecordingEventIntake;
import org.wayfarer.channel.wechat.testapp.WeChatTestApplication;
import org.wayfarer.channel.wechat.testing.FakeSubscribe;
import org.wayfarer.channel.wechat.testing.FakeWeChatServer;
import org.wayfarer.channel.wechat.testing.SignedCallback;
import org.wayfarer.channel.wechat.testing.WeChatCallbacks;
import org.wayfarer.journey.channel.AccountOwnership;
import org.wayfarer.journey.channel.ChannelAccounts;
import org.wayfarer.journey.channel.ChannelSender;
import org.wayfarer.journey.dispatch.ChannelSenders;
import org.wayfarer.journey.dispatch.OutboxDispatcher;
import org.wayfarer.journey.dispatch.OutboxMessage;
import org.wayfarer.journey.dispatch.OutboxStatus;
import org.wayfarer.journey.event.EventTypes;
import org.wayfarer.journey.event.Identity;
import org.wayfarer.journey.testing.InMemoryContactStore;
import org.wayfarer.journey.testing.InMemoryOutbox;
import org.wayfarer.journey.testing.MutableClock;

/**
 * Consent end to end, as the application wires it: a popup answer arrives encrypted and signed as WeChat sends it
 * in safe mode; the engine's dispatcher then sends one subscription message of the accepted template through the
 * channel's own beans, and refuses a second one (and one of the rejected template) before WeChat is called; WeChat's
 * report of the message is found on the ledger by its msgid.
 */
@SpringBootTest(classes = WeChatTestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:wechat-subscribe;MODE=MySQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1",
        "spring.datasource.username=sa"})
@DirtiesContext
class SubscribeConsentCallbackIT {

    private static final long TENANT = 22;
    private static final String APP_ID = "wx00000000000000c7";
    private static final String TOKEN = "safeToken7";
    private static final String AES_KEY = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG";
    private static final String OPENID = "oUpF8uMuAJO_M2pxb1Q9zNjWeS6o";
    private static final String ACCEPTED = "VRR0UEO9VJOLs0MHlU0OilqX6MVFDwH3_3gz3Oc0NIc";
    private static final String REJECTED = "9nLIlbOQZC5Y89AZteFEux3WCXRRRG5Wfzkpssu4bLI";
    private static final FakeWeChatServer WECHAT = FakeWeChatServer.start();
    private static final FakeSubscribe BIZSEND = FakeSubscribe.on(WECHAT);

    @DynamicPropertySource
    static void wechat(DynamicPropertyRegistry registry) {
        registry.add("wayfarer.wechat.api-base-url", WECHAT::baseUrl);
    }

    @AfterAll
    static void stopWeChat() {
        WECHAT.close();
    }

    @LocalServerPort
    int port;
    @Autowired
    WeChatAccounts accounts;
    @Autowired
    MutableClock clock;
    @Autowired
    RecordingEventIntake intake;
    @Autowired
    InMemoryContactStore contacts;
    @Autowired
    InMemoryOutbox outbox;
    @Autowired
    List<ChannelSender> senders;
    @Autowired
    ChannelAccounts channelAccounts;
    @Autowired
    ConsentLedger ledger;

    private final HttpClient http = HttpClient.newHttpClient();
    private WeChatCallbacks callbacks;
    private OutboxDispatcher dispatcher;

    @BeforeEach
    void setUp() {
        clock.set(WeChatTestApplication.START);
        if (accounts.list(TENANT).isEmpty()) {
            accounts.connect(TENANT, new ConnectAccount(APP_ID, "Safe shop", "safe-secret", TOKEN, AES_KEY));
        }
        callbacks = new WeChatCallbacks(APP_ID, TOKEN, AES_KEY, clock);
        dispatcher = new OutboxDispatcher(outbox, new ChannelSenders(senders),
                new AccountOwnership(List.of(channelAccounts)), (channel, account) -> Duration.ZERO, Runnable::run,
                clock, new OutboxDispatcher.Settings("node-a", Duration.ofMinutes(1), 8, 100, 4));
    }

    @Test
    void aPopupAcceptAllowsOneMessageAndTheSecondIsRefusedBeforeWeChatIsCalled() throws Exception {
        Map<String, String> answers = new LinkedHashMap<>();
        answers.put(ACCEPTED, "accept");
        answers.put(REJECTED, "reject");
        SignedCallback popup = callbacks.encrypted(callbacks.subscribeMsgPopup(OPENID, answers));

        assertThat(post(popup).body()).isEqualTo("success");
        assertThat(post(popup).body()).as("WeChat's retry").isEqualTo("success");
        assertThat(intake.events()).extracting(event -> event.type())
                .containsExactly(EventTypes.WECHAT_SUBSCRIBE_MSG_CHANGED);
        long contact = contacts.findByIdentity(TENANT, Identity.wechatOpenid(APP_ID, OPENID)).orElseThrow().id();
        assertThat(ledger.history(TENANT, contact, 10)).as("one record per template, the retry adding none")
                .extracting(ConsentRecord::templateId, ConsentRecord::kind)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple(ACCEPTED, ConsentKind.ONE_TIME),
                        org.assertj.core.groups.Tuple.tuple(REJECTED, ConsentKind.REFUSED));

        clock.advance(Duration.ofMinutes(1));
        queue(9001, contact, ACCEPTED);
        dispatcher.dispatchSoon(List.of(9001L));

        assertThat(BIZSEND.sends()).singleElement().satisfies(body -> {
            assertThat(body.get("touser").asString()).isEqualTo(OPENID);
            assertThat(body.get("template_id").asString()).isEqualTo(ACCEPTED);
        });
        OutboxMessage first = outbox.find(9001).orElseThrow();
        assertThat(first.status()).isEqualTo(OutboxStatus.SENT);
        String msgId = first.providerMessageId();
        assertThat(msgId).isEqualTo(String.valueOf(FakeSubscribe.FIRST_MSGID));

        queue(9002, contact, ACCEPTED);
        queue(9003, contact, REJECTED);
        dispatcher.dispatchSoon(List.of(9002L, 9003L));

        assertThat(BIZSEND.sends()).as("no call without a grant").hasSize(1);
        assertThat(outbox.find(9002).orElseThrow()).satisfies(second -> {
            assertThat(second.status()).isEqualTo(OutboxStatus.REJECTED);
            assertThat(second.errorCode()).isEqualTo("unreachable");
            assertThat(second.errorMessage()).isEqualTo("no subscription consent for template " + ACCEPTED
                    + ": the one-time grant of 2026-03-01T08:00:00Z was used by delivery 9001");
        });
        assertThat(outbox.find(9003).orElseThrow().errorMessage()).isEqualTo("no subscription consent for template "
                + REJECTED + ": refused at 2026-03-01T08:00:00Z (in a subscription popup)");

        clock.advance(Duration.ofSeconds(5));
        assertThat(post(callbacks.encrypted(callbacks.subscribeMsgSent(OPENID, ACCEPTED, msgId, 0, "success")))
                .body()).isEqualTo("success");

        assertThat(ledger.byMsgId(TENANT, APP_ID, msgId)).satisfiesExactly(
                sent -> {
                    assertThat(sent.kind()).isEqualTo(ConsentKind.SENT);
                    assertThat(sent.deliveryId()).isEqualTo(9001);
                },
                result -> {
                    assertThat(result.kind()).isEqualTo(ConsentKind.RESULT);
                    assertThat(result.errorCode()).isZero();
                    assertThat(result.errorStatus()).isEqualTo("success");
                    assertThat(result.contactId()).isEqualTo(contact);
                });
    }

    private void queue(long id, long contact, String templateId) {
        outbox.insert(List.of(new OutboxMessage(id, TENANT, id, 20, "notify", 1, contact, "wechat.subscribe", APP_ID,
                OPENID, Map.of("templateId", templateId, "page", "pages/order", "data", Map.of("thing1", "已发货")),
                OutboxStatus.PENDING, 0, clock.instant(), null, null, null, clock.instant(), clock.instant())));
    }

    private HttpResponse<String> post(SignedCallback callback) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(callback.uri("http://127.0.0.1:" + port))
                .header("Content-Type", "text/xml")
                .POST(BodyPublishers.ofString(callback.body(), StandardCharsets.UTF_8))
                .build();
        return http.send(request, BodyHandlers.ofString());
    }
}
