package org.wayfarer.journey.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.AbstractMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.wayfarer.journey.webhook.WebhookRequest.Method;

class WebhookClientTest {

    private static final Instant NOW = Instant.parse("2026-03-01T08:00:00Z");
    private static final String SECRET = "s3cr3t-never-shown";
    private static final String JSON = "application/json";

    private final Receiver receiver = new Receiver();
    private final WebhookClient client = new WebhookClient(Clock.fixed(NOW, ZoneOffset.UTC));

    @AfterEach
    void stopReceiver() {
        receiver.close();
    }

    private WebhookRequest post(URI uri, String body) {
        return new WebhookRequest(Method.POST, uri, Map.of(), body, SECRET, Duration.ofSeconds(5), 42L, 1);
    }

    private WebhookResult postTo(String body) {
        return client.call(post(receiver.uri("/hook"), body));
    }

    @Test
    void sendsASignedRequest() throws Exception {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("X-Shop", "1");
        headers.put("Authorization", "Bearer abc");
        String body = "{\"openid\":\"o-1\",\"name\":\"张三\"}";
        receiver.answer(204, (String) null, "");

        WebhookResult result = client.call(new WebhookRequest(Method.PUT, receiver.uri("/api/coupon?shop=7"), headers,
                body, SECRET, Duration.ofSeconds(5), 42L, 1));

        assertThat(result).isEqualTo(new WebhookResult.Succeeded(204, Map.of()));
        Receiver.Received got = receiver.take();
        assertThat(got.method()).isEqualTo("PUT");
        assertThat(got.uri()).hasToString("/api/coupon?shop=7");
        assertThat(got.body()).isEqualTo(body);
        assertThat(got.header("X-Shop")).isEqualTo("1");
        assertThat(got.header("Authorization")).isEqualTo("Bearer abc");
        assertThat(got.header("Content-Type")).isEqualTo("application/json; charset=utf-8");
        assertThat(got.header("User-Agent")).isEqualTo("Wayfarer-Webhook/1");
        assertThat(got.header("X-Wayfarer-Delivery")).isEqualTo("42");
        assertThat(got.header("X-Wayfarer-Timestamp")).isEqualTo(Long.toString(NOW.getEpochSecond()));
        String signature = got.header("X-Wayfarer-Signature");
        assertThat(WebhookSigner.verify(SECRET, got.header("X-Wayfarer-Timestamp"), got.body(), signature)).isTrue();
        assertThat(WebhookSigner.verify("another-secret", got.header("X-Wayfarer-Timestamp"), got.body(), signature))
                .isFalse();
    }

    @Test
    void anUnsignedGetCarriesTheDeliveryIdAndNoBody() throws Exception {
        client.call(new WebhookRequest(Method.GET, receiver.uri("/ping"), Map.of("Content-Type", "text/plain"), null,
                null, Duration.ofSeconds(5), 7L, 0));

        Receiver.Received got = receiver.take();
        assertThat(got.method()).isEqualTo("GET");
        assertThat(got.body()).isEmpty();
        assertThat(got.header("X-Wayfarer-Delivery")).isEqualTo("7");
        assertThat(got.header("X-Wayfarer-Signature")).isNull();
        assertThat(got.header("Content-Type")).as("the author's own").isEqualTo("text/plain");
    }

    @Test
    void aJsonObjectComesBackAsAMap() {
        receiver.answer(200, "application/json; charset=utf-8", "{\"code\":\"C-1\",\"n\":3,\"tags\":[\"a\"],"
                + "\"x\":null,\"o\":{\"k\":true}}");

        WebhookResult result = postTo("{}");

        assertThat(result).isInstanceOf(WebhookResult.Succeeded.class);
        WebhookResult.Succeeded ok = (WebhookResult.Succeeded) result;
        assertThat(ok.status()).isEqualTo(200);
        assertThat(ok.json()).containsExactly(Map.entry("code", "C-1"), Map.entry("n", 3),
                Map.entry("tags", List.of("a")), new AbstractMap.SimpleEntry<>("x", null),
                Map.entry("o", Map.of("k", true)));
    }

    @Test
    void anotherJsonValueComesBackUnderBody() {
        receiver.answer(201, "application/problem+json", "[1,2]");
        assertThat(postTo("{}")).isEqualTo(new WebhookResult.Succeeded(201, Map.of("body", List.of(1, 2))));

        receiver.answer(200, JSON, "\"done\"");
        assertThat(postTo("{}")).isEqualTo(new WebhookResult.Succeeded(200, Map.of("body", "done")));
    }

    @Test
    void noContentAnEmptyBodyOrNonJsonAreSucceededWithAnEmptyMap() {
        receiver.answer(204, (String) null, "");
        assertThat(postTo("{}")).isEqualTo(new WebhookResult.Succeeded(204, Map.of()));

        receiver.answer(200, JSON, "");
        assertThat(postTo("{}")).isEqualTo(new WebhookResult.Succeeded(200, Map.of()));

        receiver.answer(200, "text/html", "<html>not read</html>");
        assertThat(postTo("{}")).isEqualTo(new WebhookResult.Succeeded(200, Map.of()));
    }

    @Test
    void serverErrorsAreRetryable() {
        receiver.answer(500, JSON, "{\"error\":\"boom\"}");

        assertThat(postTo("{}")).isEqualTo(new WebhookResult.Retryable("http-500",
                "HTTP 500 from 127.0.0.1", WebhookOutcomes.DEFAULT_RETRY));
    }

    @Test
    void tooManyRequestsHonoursRetryAfterSeconds() {
        receiver.answer(429, Map.of("Retry-After", "7"), "");

        WebhookResult result = postTo("{}");

        assertThat(result).isInstanceOf(WebhookResult.Retryable.class);
        assertThat(((WebhookResult.Retryable) result).code()).isEqualTo("http-429");
        assertThat(((WebhookResult.Retryable) result).after()).isEqualTo(Duration.ofSeconds(7));
    }

    @Test
    void retryAfterAsAnHttpDateIsMeasuredFromTheClockAndCapped() {
        receiver.answer(503, Map.of("Retry-After", "Sun, 01 Mar 2026 08:02:00 GMT"), "");
        assertThat(((WebhookResult.Retryable) postTo("{}")).after()).isEqualTo(Duration.ofMinutes(2));

        receiver.answer(408, Map.of("Retry-After", "86400"), "");
        assertThat(((WebhookResult.Retryable) postTo("{}")).after()).isEqualTo(WebhookOutcomes.MAX_RETRY_AFTER);

        receiver.answer(503, Map.of("Retry-After", "0"), "");
        assertThat(((WebhookResult.Retryable) postTo("{}")).after()).isEqualTo(WebhookOutcomes.MIN_RETRY);
    }

    @Test
    void otherClientErrorsAndRedirectsFail() {
        receiver.answer(400, JSON, "{\"error\":\"private detail\"}");
        assertThat(postTo("{}")).isEqualTo(new WebhookResult.Failed("http-400", "HTTP 400 from 127.0.0.1"));

        receiver.answer(302, Map.of("Location", "https://elsewhere.example/"), "");
        WebhookResult redirect = postTo("{}");
        assertThat(redirect).isInstanceOf(WebhookResult.Failed.class);
        assertThat(((WebhookResult.Failed) redirect).code()).isEqualTo("http-302");
        assertThat(((WebhookResult.Failed) redirect).reason()).contains("redirects are not followed");
    }

    @Test
    void invalidJsonFailsWithoutQuotingTheResponse() {
        receiver.answer(200, JSON, "{\"coupon\": secret-token-123");

        WebhookResult result = postTo("{}");

        assertThat(result).isInstanceOf(WebhookResult.Failed.class);
        assertThat(((WebhookResult.Failed) result).code()).isEqualTo("invalid-json");
        assertThat(((WebhookResult.Failed) result).reason()).doesNotContain("secret-token");
    }

    @Test
    void duplicateKeysAndTrailingTextAreInvalidJson() {
        receiver.answer(200, JSON, "{\"a\":1,\"a\":2}");
        assertThat(((WebhookResult.Failed) postTo("{}")).code()).isEqualTo("invalid-json");

        receiver.answer(200, JSON, "{\"a\":1} {}");
        assertThat(((WebhookResult.Failed) postTo("{}")).code()).isEqualTo("invalid-json");
    }

    @Test
    void aResponseOverTheLimitFailsAndIsNotRead() {
        byte[] big = bigJson(WebhookClient.MAX_RESPONSE_BYTES + 1);
        receiver.answerChunked(200, JSON, big);
        assertThat(postTo("{}")).isInstanceOf(WebhookResult.Failed.class)
                .extracting(r -> ((WebhookResult.Failed) r).code()).isEqualTo("response-too-large");

        receiver.answer(200, JSON, new String(big, StandardCharsets.US_ASCII));
        assertThat(postTo("{}")).as("declared by Content-Length").isInstanceOf(WebhookResult.Failed.class)
                .extracting(r -> ((WebhookResult.Failed) r).code()).isEqualTo("response-too-large");
    }

    @Test
    void aResponseOfExactlyTheLimitIsRead() {
        receiver.answerChunked(200, JSON, bigJson(WebhookClient.MAX_RESPONSE_BYTES));

        WebhookResult result = postTo("{}");

        assertThat(result).isInstanceOf(WebhookResult.Succeeded.class);
        assertThat(((WebhookResult.Succeeded) result).json()).containsOnlyKeys("pad");
    }

    @Test
    void noAnswerWithinTheTimeoutIsTimedOut() throws Exception {
        receiver.hang();

        WebhookResult result = client.call(new WebhookRequest(Method.POST, receiver.uri("/slow"), Map.of(), "{}",
                SECRET, Duration.ofMillis(200), 42L, 1));

        assertThat(result).isInstanceOf(WebhookResult.TimedOut.class);
        assertThat(((WebhookResult.TimedOut) result).reason()).doesNotContain(SECRET);
        assertThat(receiver.take().body()).as("the receiver got the request: it may have acted").isEqualTo("{}");
    }

    @Test
    void aRefusedConnectionIsRetryable() throws Exception {
        URI closed;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = URI.create("http://127.0.0.1:" + socket.getLocalPort() + "/hook");
        }

        WebhookResult result = client.call(post(closed, "{}"));

        assertThat(result).isInstanceOf(WebhookResult.Retryable.class);
        assertThat(((WebhookResult.Retryable) result).code()).isEqualTo("connect-failed");
        assertThat(((WebhookResult.Retryable) result).reason()).doesNotContain(SECRET);
    }

    /** A reset after the request went out may follow the receiver acting on it: unknown, not retryable. */
    @Test
    void aConnectionResetAfterTheRequestIsTimedOut() throws Exception {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Thread resetter = new Thread(() -> {
                try (Socket accepted = socket.accept()) {
                    readHead(accepted.getInputStream());
                    accepted.setSoLinger(true, 0); // close with RST
                } catch (IOException ignored) {
                    // the test's assertion tells
                }
            });
            resetter.start();

            WebhookResult result = client.call(post(URI.create("http://127.0.0.1:" + socket.getLocalPort() + "/h"),
                    "{}"));

            resetter.join(5_000);
            assertThat(result).isInstanceOf(WebhookResult.TimedOut.class);
        }
    }

    private static void readHead(InputStream in) throws IOException {
        int matched = 0;
        byte[] end = "\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
        for (int b; matched < end.length && (b = in.read()) >= 0; ) {
            matched = b == end[matched] ? matched + 1 : (b == end[0] ? 1 : 0);
        }
    }

    /** A JSON object of exactly {@code size} bytes. */
    private static byte[] bigJson(int size) {
        String open = "{\"pad\":\"";
        String close = "\"}";
        return (open + "x".repeat(size - open.length() - close.length()) + close).getBytes(StandardCharsets.US_ASCII);
    }
}
