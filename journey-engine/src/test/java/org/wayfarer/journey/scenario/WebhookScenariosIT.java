package org.wayfarer.journey.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.wayfarer.journey.runtime.InstanceStatus;
import org.wayfarer.journey.runtime.JourneyInstance;
import org.wayfarer.journey.runtime.StepRecord;
import org.wayfarer.journey.webhook.WebhookSigner;

/**
 * The webhook node end to end: the engine calls a real HTTP server on 127.0.0.1 through the outbox and the real
 * sender, signs the call, and resumes the instance with the answer (its fields usable in later templates) or down
 * its {@code failed} path.
 */
@SpringBootTest(classes = EngineTestApplication.class)
class WebhookScenariosIT {

    @DynamicPropertySource
    static void embedded(DynamicPropertyRegistry registry) {
        String name = "wf_webhook_" + UUID.randomUUID().toString().replace("-", "");
        registry.add("spring.datasource.url",
                () -> "jdbc:h2:mem:" + name + ";MODE=MySQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1");
        registry.add("wayfarer.crypto.key", () -> "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=");
    }

    /** One call the shop received. */
    record Received(String method, String path, String body, String timestamp, String signature, String delivery) {
    }

    @Autowired
    ApplicationContext context;

    private final List<Received> received = new CopyOnWriteArrayList<>();
    private HttpServer shop;
    private JourneyKit kit;
    private String suffix;

    @BeforeEach
    void start() throws IOException {
        kit = new JourneyKit(context);
        suffix = UUID.randomUUID().toString().substring(0, 8);
        shop = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        shop.createContext("/coupons", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            received.add(new Received(exchange.getRequestMethod(), exchange.getRequestURI().getPath(), body,
                    exchange.getRequestHeaders().getFirst(WebhookSigner.TIMESTAMP_HEADER),
                    exchange.getRequestHeaders().getFirst(WebhookSigner.SIGNATURE_HEADER),
                    exchange.getRequestHeaders().getFirst(WebhookSigner.DELIVERY_HEADER)));
            byte[] answer = "{\"code\":\"CPN-42\",\"value\":30}".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        shop.createContext("/gone", exchange -> {
            exchange.sendResponseHeaders(404, -1);
            exchange.close();
        });
        shop.start();
    }

    @AfterEach
    void stop() {
        shop.stop(0);
    }

    private String journey(String path, int retries) {
        return """
                {"key": "hook-%1$s", "name": "Coupon from the shop", "trigger": {"event": "custom.joined_%1$s"},
                 "start": "coupon",
                 "nodes": {
                   "coupon": {"type": "webhook", "url": "http://127.0.0.1:%2$d%3$s", "method": "POST",
                              "headers": {"X-Shop": "cn-1"}, "body": {"member": "{{event.memberId}}"},
                              "secret": "s3cr3t", "timeout": "PT2S", "retries": %4$d, "saveAs": "coupon",
                              "next": "send", "failed": "sorry"},
                   "send": {"type": "send", "channel": "wechat.template",
                            "message": {"templateId": "TPL_COUPON",
                                        "data": {"character_string1": "{{webhook.coupon.code}}",
                                                 "amount2": "{{webhook.coupon.value}}"}}},
                   "sorry": {"type": "send", "channel": "wechat.template", "message": {"templateId": "TPL_SORRY"}}}}
                """.formatted(suffix, shop.getAddress().getPort(), path, retries);
    }

    @Test
    void theShopsAnswerIsSavedAndUsedByTheNextMessage() {
        kit.publish(journey("/coupons", 2));

        kit.happens("custom.joined_" + suffix, "oHOOK", Map.of("memberId", "M-7"), Map.of());

        assertThat(kit.awaitSent("oHOOK", 1).get(0).message()).containsEntry("templateId", "TPL_COUPON")
                .containsEntry("data", Map.of("character_string1", "CPN-42", "amount2", "30"));
        assertThat(received).hasSize(1);
        Received call = received.get(0);
        assertThat(call.method()).isEqualTo("POST");
        assertThat(call.body()).isEqualTo("{\"member\":\"M-7\"}");
        assertThat(WebhookSigner.verify("s3cr3t", call.timestamp(), call.body(), call.signature())).isTrue();
        assertThat(call.delivery()).isNotBlank();
        JourneyInstance done = kit.instance(kit.steps("oHOOK").get(0).instanceId());
        await().until(() -> kit.instance(done.id()).status() == InstanceStatus.COMPLETED);
        assertThat(kit.instance(done.id()).scope("webhook").get("coupon"))
                .isEqualTo(Map.of("code", "CPN-42", "value", 30, "status", 200));
        assertThat(kit.steps("oHOOK")).extracting(StepRecord::outcome)
                .containsSubsequence("WEBHOOK_CALLED", "WEBHOOK_RESPONDED", "SEND_QUEUED");
    }

    @Test
    void aRefusalTakesTheFailedPath() {
        kit.publish(journey("/gone", 2));

        kit.happens("custom.joined_" + suffix, "oREFUSED", Map.of("memberId", "M-8"), Map.of());

        assertThat(kit.awaitSent("oREFUSED", 1).get(0).message()).containsEntry("templateId", "TPL_SORRY");
        assertThat(kit.steps("oREFUSED")).extracting(StepRecord::outcome, StepRecord::detail)
                .contains(tuple("WEBHOOK_FAILED", "http-404"));
    }

    @Test
    void anUnreachableShopTakesTheFailedPathOnceItsRetriesAreSpent() {
        kit.publish(journey("/coupons", 0).replace("http://127.0.0.1:" + shop.getAddress().getPort(),
                "http://127.0.0.1:1"));

        kit.happens("custom.joined_" + suffix, "oDOWN", Map.of("memberId", "M-9"), Map.of());

        assertThat(kit.awaitSent("oDOWN", 1).get(0).message()).containsEntry("templateId", "TPL_SORRY");
        assertThat(kit.steps("oDOWN")).extracting(StepRecord::outcome, StepRecord::detail)
                .contains(tuple("WEBHOOK_FAILED", "retries-exhausted"));
        assertThat(received).isEmpty();
    }
}
