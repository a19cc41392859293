package org.wayfarer.journey.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.wayfarer.journey.channel.Delivery;
import org.wayfarer.journey.channel.SendReceipt;

class WebhookSenderTest {

    private static final String SECRET = "s3cr3t";

    private final Receiver receiver = new Receiver();
    private final Heard heard = new Heard();
    private final WebhookSender sender = new WebhookSender(
            new WebhookClient(Clock.fixed(Instant.parse("2026-03-01T08:00:00Z"), ZoneOffset.UTC)), heard);

    /** What the sender told its listener, in order. */
    private static final class Heard implements WebhookResponses {

        final List<String> calls = new ArrayList<>();
        final List<Map<String, Object>> json = new ArrayList<>();
        volatile boolean explode;

        @Override
        public void responded(Delivery delivery, int status, Map<String, Object> body) {
            calls.add("responded " + delivery.deliveryId() + " " + status);
            json.add(body);
            if (explode) {
                throw new IllegalStateException("listener broke");
            }
        }

        @Override
        public void failed(Delivery delivery, String code, String reason) {
            calls.add("failed " + delivery.deliveryId() + " " + code);
        }
    }

    @AfterEach
    void stopReceiver() {
        receiver.close();
    }

    private Map<String, Object> message() {
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("url", receiver.uri("/api/coupon").toString());
        message.put("method", "POST");
        message.put("headers", Map.of("X-Shop", "1", "X-Level", 3));
        message.put("body", Map.of("openid", "o-123"));
        message.put("secret", SECRET);
        message.put("timeoutMs", 2000);
        return message;
    }

    private SendReceipt send(Map<String, Object> message) {
        return sender.send(new Delivery(42L, 7L, "webhook", "", "ext-1", message));
    }

    @Test
    void describesTheChannel() {
        assertThat(sender.channel()).isEqualTo("webhook");
        assertThat(sender.addressKind()).as("a webhook needs no contact address").isNull();
        assertThat(sender.idempotencyWindow()).isEqualTo(Duration.ZERO);
    }

    @Test
    void sendsTheRenderedMessageSerializingAnObjectBody() throws Exception {
        receiver.answer(200, "application/json", "{\"coupon\":\"C-9\"}");

        SendReceipt receipt = send(message());

        assertThat(receipt).isEqualTo(new SendReceipt.Accepted(null));
        Receiver.Received got = receiver.take();
        assertThat(got.method()).isEqualTo("POST");
        assertThat(got.body()).isEqualTo("{\"openid\":\"o-123\"}");
        assertThat(got.header("X-Shop")).isEqualTo("1");
        assertThat(got.header("X-Level")).isEqualTo("3");
        assertThat(got.header("X-Wayfarer-Delivery")).isEqualTo("42");
        assertThat(WebhookSigner.verify(SECRET, got.header("X-Wayfarer-Timestamp"), got.body(),
                got.header("X-Wayfarer-Signature"))).isTrue();
        assertThat(heard.calls).containsExactly("responded 42 200");
        assertThat(heard.json).containsExactly(Map.of("coupon", "C-9"));
    }

    @Test
    void aStringBodyIsSentAsItIsAndTheMethodDefaultsToPost() throws Exception {
        Map<String, Object> message = message();
        message.remove("method");
        message.put("body", "{\"a\": 1}");

        send(message);

        Receiver.Received got = receiver.take();
        assertThat(got.method()).isEqualTo("POST");
        assertThat(got.body()).isEqualTo("{\"a\": 1}");
    }

    @Test
    void aClientErrorIsRejectedAndHeard() {
        receiver.answer(404, "application/json", "{}");

        assertThat(send(message())).isEqualTo(new SendReceipt.Rejected("http-404", "HTTP 404 from 127.0.0.1"));
        assertThat(heard.calls).containsExactly("failed 42 http-404");
    }

    @Test
    void aRetryableAnswerIsRetriedLaterAndNotHeard() {
        receiver.answer(429, Map.of("Retry-After", "7"), "");

        assertThat(send(message())).isEqualTo(new SendReceipt.RetryLater("http-429", "HTTP 429 from 127.0.0.1",
                Duration.ofSeconds(7)));
        assertThat(heard.calls).isEmpty();
    }

    @Test
    void aServerErrorIsRetriedLaterAndNotHeard() {
        receiver.answer(502, (String) null, "");

        assertThat(send(message())).isInstanceOf(SendReceipt.RetryLater.class);
        assertThat(heard.calls).isEmpty();
    }

    @Test
    void aServerErrorOnTheLastAllowedAttemptIsFinalAndHeard() {
        receiver.answer(502, (String) null, "");
        Map<String, Object> message = message();
        message.put("maxAttempts", 3);

        assertThat(sender.send(new Delivery(42L, 7L, "webhook", "", "ext-1", message, 2)))
                .isInstanceOf(SendReceipt.RetryLater.class);
        assertThat(sender.send(new Delivery(42L, 7L, "webhook", "", "ext-1", message, 3)))
                .isEqualTo(new SendReceipt.Rejected("retries-exhausted",
                        "gave up after 3 attempts: HTTP 502 from 127.0.0.1"));
        assertThat(heard.calls).containsExactly("failed 42 retries-exhausted");
    }

    @Test
    void aRefusedConnectionIsRetriedLaterAndNotHeard() throws Exception {
        Map<String, Object> message = message();
        try (ServerSocket closed = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            message.put("url", "http://127.0.0.1:" + closed.getLocalPort() + "/hook");
        }

        assertThat(send(message)).isInstanceOf(SendReceipt.RetryLater.class)
                .extracting(r -> ((SendReceipt.RetryLater) r).code()).isEqualTo("connect-failed");
        assertThat(heard.calls).isEmpty();
    }

    @Test
    void anUnusableAnswerIsRejectedAndHeard() {
        receiver.answer(200, "application/json", "{not json");

        assertThat(send(message())).isInstanceOf(SendReceipt.Rejected.class)
                .extracting(r -> ((SendReceipt.Rejected) r).code()).isEqualTo("invalid-json");
        assertThat(heard.calls).containsExactly("failed 42 invalid-json");
    }

    @Test
    void noAnswerIsUnknownAndHeardAsATimeout() {
        receiver.hang();
        Map<String, Object> message = message();
        message.put("timeoutMs", 200);

        SendReceipt receipt = send(message);

        assertThat(receipt).isInstanceOf(SendReceipt.Unknown.class);
        assertThat(((SendReceipt.Unknown) receipt).reason()).doesNotContain(SECRET);
        assertThat(heard.calls).containsExactly("failed 42 timeout");
    }

    @Test
    void anInvalidMessageIsRejectedWithoutACall() {
        Map<String, Object> noUrl = message();
        noUrl.remove("url");
        Map<String, Object> reserved = message();
        reserved.put("headers", Map.of("X-Wayfarer-Signature", "sha256=forged"));
        Map<String, Object> badMethod = message();
        badMethod.put("method", "TRACE");
        Map<String, Object> badTimeout = message();
        badTimeout.put("timeoutMs", 60_000);
        Map<String, Object> emptySecret = message();
        emptySecret.put("secret", "");

        assertThat(List.of(noUrl, reserved, badMethod, badTimeout, emptySecret)).allSatisfy(m -> {
            SendReceipt receipt = send(m);
            assertThat(receipt).isInstanceOf(SendReceipt.Rejected.class);
            assertThat(((SendReceipt.Rejected) receipt).code()).isEqualTo("invalid-message");
            assertThat(((SendReceipt.Rejected) receipt).reason()).doesNotContain("forged");
        });
        assertThat(((SendReceipt.Rejected) send(badTimeout)).reason())
                .isEqualTo("timeoutMs must be from 1 to 30000, not 60000");
        assertThat(receiver.count()).isZero();
        assertThat(heard.calls).hasSize(6).allMatch(c -> c.equals("failed 42 invalid-message"));
    }

    @Test
    void aBrokenListenerDoesNotChangeTheReceipt() {
        receiver.answer(200, "application/json", "{}");
        heard.explode = true;

        assertThat(send(message())).isEqualTo(new SendReceipt.Accepted(null));
        assertThat(heard.calls).containsExactly("responded 42 200");
    }
}
