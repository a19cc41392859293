package org.wayfarer.admin.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import org.wayfarer.admin.security.ApiKey;
import org.wayfarer.admin.security.ApiKeyStore;
import org.wayfarer.admin.security.ApiKeys;
import org.wayfarer.admin.security.Role;
import org.wayfarer.admin.tenant.TenantStore;
import org.wayfarer.channel.wechat.testing.FakeWeChatServer;
import org.wayfarer.channel.wechat.testing.SignedCallback;
import org.wayfarer.channel.wechat.testing.WeChatCallbacks;
import org.wayfarer.journey.testing.MutableClock;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a hostile or broken client sends, over real HTTP to the whole server on its defaults: bodies over the cap
 * (declared and chunked), instants that overflow, and a second tenant naming the first tenant's official account.
 * Every answer is a 4xx problem and nothing is stored. Channel callbacks keep their own body limit (raised here above
 * the admin cap, to show the admin cap does not reach them).
 */
class HostileRequestsIT {

    private static final int ADMIN_CAP = 1024 * 1024;
    private static final int CALLBACK_CAP = 1_600_000;
    private static final String OUR_APP = "wx0a1b2c3d4e5f6071";
    private static final String THEIR_APP = "wx8192a3b4c5d6e7f8";
    private static final String TOKEN = "hostileToken1";
    private static final String AES_KEY = "jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C";
    private static final String RIVAL_KEY = "wf_e2e_rival_tenant_key_0123456789abcdef";
    private static final long RIVAL = 2;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    static Path dataDir;

    static final MutableClock clock = MutableClock.startingNow();
    static FakeWeChatServer wechat;
    static WayfarerServer running;
    static JdbcTemplate jdbc;
    private static final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void startServerWithTwoTenants() {
        wechat = FakeWeChatServer.start();
        running = WayfarerServer.start(dataDir, wechat.baseUrl(), clock,
                "wayfarer.wechat.max-callback-bytes=" + CALLBACK_CAP);
        jdbc = running.bean(JdbcTemplate.class);
        Instant now = clock.instant();
        running.bean(TenantStore.class).createIfAbsent(RIVAL, "rival", now);
        running.bean(ApiKeyStore.class).insert(new ApiKey(9_002, RIVAL, "rival admin", "", ApiKeys.hash(RIVAL_KEY),
                Role.ADMIN, now, null));
        assertThat(connect(HttpApi.ADMIN_KEY, OUR_APP).statusCode()).isEqualTo(201);
        assertThat(connect(RIVAL_KEY, THEIR_APP).statusCode()).isEqualTo(201);
    }

    @AfterAll
    static void stop() {
        if (running != null) {
            running.close();
        }
        if (wechat != null) {
            wechat.close();
        }
    }

    @Test
    void refusesABodyWhoseContentLengthIsOverTheCapWith413() {
        byte[] body = ("{\"key\": \"" + "x".repeat(ADMIN_CAP) + "\"}").getBytes(StandardCharsets.UTF_8);

        HttpResponse<String> answer = post("/api/v1/journeys", HttpApi.ADMIN_KEY, BodyPublishers.ofByteArray(body));

        assertTooLarge(answer);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM journey", Integer.class)).isZero();
    }

    @Test
    void refusesAChunkedBodyThatGrowsPastTheCapWith413() {
        String event = "{\"type\": \"custom.ok\", \"identity\": {\"unionid\": \"u-chunked\"}, \"properties\": {"
                + "\"p\": 1, ".repeat(ADMIN_CAP / 8) + "\"q\": 1}}";

        HttpResponse<String> answer = post("/api/v1/events", HttpApi.ADMIN_KEY, chunked(event));
        HttpResponse<String> definition = post("/api/v1/journeys/validate", HttpApi.ADMIN_KEY,
                chunked("{\"key\": \"" + "x".repeat(ADMIN_CAP) + "\"}"));

        assertTooLarge(answer);
        assertTooLarge(definition);
        assertThat(eventsOf(1)).isZero();
    }

    @Test
    void leavesCallbacksToTheirOwnLimit() {
        WeChatCallbacks callbacks = new WeChatCallbacks(OUR_APP, TOKEN, AES_KEY, clock);
        SignedCallback follow = callbacks.encrypted(callbacks.subscribe("oPADDED"));
        // whitespace between elements: still the same signed message, just a larger body
        SignedCallback overAdminCap = follow.withBody(follow.body().replace("</xml>",
                " ".repeat(ADMIN_CAP + 100_000) + "</xml>"));
        SignedCallback overCallbackCap = follow.withBody(follow.body().replace("</xml>",
                " ".repeat(CALLBACK_CAP) + "</xml>"));

        HttpResponse<String> tooLarge = callback(overCallbackCap);
        assertThat(tooLarge.statusCode()).isEqualTo(413);
        assertThat(tooLarge.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("text/plain"));
        HttpResponse<String> taken = callback(overAdminCap);
        assertThat(taken.statusCode()).as(taken.body()).isEqualTo(200);
        assertThat(taken.body()).isEqualTo("success");
    }

    @Test
    void refusesInstantsThatOverflowWith400InsteadOf500() {
        HttpResponse<String> event = post("/api/v1/events", HttpApi.ADMIN_KEY, BodyPublishers.ofString("""
                {"type": "custom.ok", "id": "far-future", "identity": {"unionid": "u-future"},
                 "occurredAt": "+999999999-01-01T00:00:00Z"}"""));
        HttpResponse<String> stats = send(HttpRequest.newBuilder(uri(
                        "/api/v1/journeys/1/stats?from=%2B999999999-01-01T00:00:00Z"))
                .header("Authorization", "Bearer " + HttpApi.ADMIN_KEY).GET().build());

        assertProblem(event, 400);
        assertThat(json(event).get("errors").get(0).get("pointer").asString()).isEqualTo("/occurredAt");
        assertProblem(stats, 400);
        assertThat(json(stats).get("detail").asString()).contains("'from' must be");
        assertThat(eventsOf(1)).isZero();
    }

    @Test
    void aTenantCannotActThroughAnotherTenantsOfficialAccount() {
        HttpResponse<String> single = post("/api/v1/events", RIVAL_KEY, BodyPublishers.ofString("""
                {"type": "custom.coupon_granted", "id": "steal-1",
                 "identity": {"appId": "%s", "openid": "oVICTIM"}, "attributes": {"vip": true}}"""
                .formatted(OUR_APP.toUpperCase().replace("WX", "wx"))));
        HttpResponse<String> batch = post("/api/v1/events", RIVAL_KEY, BodyPublishers.ofString("""
                {"events": [
                  {"type": "custom.ok", "id": "own-1", "identity": {"appId": "%s", "openid": "oOWN"}},
                  {"type": "custom.ok", "id": "steal-2", "identity": {"appId": "%s", "openid": "oVICTIM"}}]}"""
                .formatted(THEIR_APP, OUR_APP)));

        assertProblem(single, 400);
        assertThat(json(single).get("errors").get(0).get("pointer").asString()).isEqualTo("/identity/appId");
        assertThat(json(single).get("errors").get(0).get("code").asString()).isEqualTo("account-not-connected");
        assertProblem(batch, 400);
        assertThat(json(batch).get("errors").get(0).get("pointer").asString()).isEqualTo("/events/1/identity/appId");
        assertThat(eventsOf(RIVAL)).as("nothing of either request, not even the valid event").isZero();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM contact_event WHERE identity_value = 'oVICTIM'",
                Integer.class)).isZero();

        HttpResponse<String> own = post("/api/v1/events", RIVAL_KEY, BodyPublishers.ofString("""
                {"type": "custom.ok", "id": "own-2", "identity": {"appId": "%s", "openid": "oOWN"}}"""
                .formatted(THEIR_APP)));
        HttpResponse<String> ours = post("/api/v1/events", HttpApi.ADMIN_KEY, BodyPublishers.ofString("""
                {"type": "custom.ok", "id": "ours-1", "identity": {"appId": "%s", "openid": "oALICE"}}"""
                .formatted(OUR_APP)));
        assertThat(own.statusCode()).as(own.body()).isEqualTo(202);
        assertThat(ours.statusCode()).as(ours.body()).isEqualTo(202);
        assertThat(eventsOf(RIVAL)).isEqualTo(1);
    }

    private static HttpResponse<String> connect(String key, String appId) {
        return post("/api/v1/wechat/accounts", key, BodyPublishers.ofString("""
                {"appId": "%s", "name": "Shop", "secret": "app-secret-1", "token": "%s", "aesKey": "%s"}"""
                .formatted(appId, TOKEN, AES_KEY)));
    }

    private static int eventsOf(long tenant) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM contact_event WHERE tenant_id = ? AND source = 'api'",
                Integer.class, tenant);
    }

    private static void assertTooLarge(HttpResponse<String> answer) {
        assertProblem(answer, 413);
        assertThat(json(answer).get("detail").asString())
                .isEqualTo("The request body is larger than the limit of 1048576 bytes.");
    }

    private static void assertProblem(HttpResponse<String> answer, int status) {
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(status);
        assertThat(answer.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(json(answer).get("status").asInt()).isEqualTo(status);
    }

    private static JsonNode json(HttpResponse<String> answer) {
        return JSON.readTree(answer.body());
    }

    /** A body of unknown length: sent with Transfer-Encoding: chunked, no Content-Length. */
    private static BodyPublisher chunked(String body) {
        return BodyPublishers.fromPublisher(BodyPublishers.ofString(body));
    }

    private static HttpResponse<String> post(String path, String key, BodyPublisher body) {
        return send(HttpRequest.newBuilder(uri(path)).header("Authorization", "Bearer " + key)
                .header("Content-Type", "application/json").POST(body).build());
    }

    private static HttpResponse<String> callback(SignedCallback callback) {
        return send(HttpRequest.newBuilder(callback.uri(running.baseUrl())).header("Content-Type", "text/xml")
                .POST(BodyPublishers.ofString(callback.body())).build());
    }

    private static URI uri(String path) {
        return URI.create(running.baseUrl() + path);
    }

    private static HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
