package org.wayfarer.admin.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
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
import org.wayfarer.channel.wechat.qrcode.QrCodeReissuer;
import org.wayfarer.channel.wechat.testing.FakeWeChatServer;
import org.wayfarer.channel.wechat.testing.FakeWeChatServer.QrCodeCreate;
import org.wayfarer.channel.wechat.testing.WeChatCallbacks;
import org.wayfarer.journey.catalog.JourneyCatalog;
import org.wayfarer.journey.event.ContactEvent;
import org.wayfarer.journey.event.EventIntake;
import org.wayfarer.journey.event.Identity;
import org.wayfarer.journey.event.IntakeResult;
import org.wayfarer.journey.testing.MutableClock;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Scene QR codes end to end: the whole server on its embedded defaults, the real engine, a fake WeChat API that
 * records the exact bodies WxJava sends, and real encrypted callbacks. A code is created through the API, a journey
 * triggered by its scene welcomes its followers, and the code's follows and scans are exact however often WeChat
 * retries; refused requests store nothing; temporary codes are re-issued on the server's clock. Each test uses its
 * own scenes and followers.
 */
class QrCodesEndToEndIT {

    private static final String APP_ID = "wx7a1b2c3d4e5f6a7b";
    private static final String TOKEN = "qrToken2026";
    private static final String AES_KEY = "jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C";
    private static final String RIVAL_APP = "wx9e8d7c6b5a4f3e2d";
    private static final String RIVAL_KEY = "wf_e2e_qr_rival_tenant_key_0123456789ab";
    private static final long RIVAL = 2;
    private static final int THIRTY_DAYS = 2_592_000;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    static Path dataDir;

    static final MutableClock clock = MutableClock.startingNow();
    static FakeWeChatServer wechat;
    static WayfarerServer running;
    static HttpApi server;
    static WeChatCallbacks callbacks;
    static JdbcTemplate jdbc;
    static String journeyId;
    static String rivalsJourneyId;
    private static final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void startServerConnectAndPublish() {
        wechat = FakeWeChatServer.start();
        running = WayfarerServer.start(dataDir, wechat.baseUrl(), clock);
        server = running.http();
        jdbc = running.bean(JdbcTemplate.class);
        callbacks = new WeChatCallbacks(APP_ID, TOKEN, AES_KEY, clock);
        HttpApi.Response connected = server.api("POST", "/wechat/accounts", """
                {"appId": "%s", "name": "Brand", "secret": "app-secret-qr", "token": "%s", "aesKey": "%s"}"""
                .formatted(APP_ID, TOKEN, AES_KEY));
        assertThat(connected.status()).as(connected.body()).isEqualTo(201);
        HttpApi.Response created = server.api("POST", "/journeys", resource("/journeys/qr-campaign-welcome.json"));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        journeyId = created.json().get("id").asString();
        assertThat(server.api("POST", "/journeys/" + journeyId + "/publish", null).status()).isEqualTo(200);

        Instant now = clock.instant();
        running.bean(TenantStore.class).createIfAbsent(RIVAL, "rival", now);
        running.bean(ApiKeyStore.class).insert(new ApiKey(9_102, RIVAL, "rival admin", "", ApiKeys.hash(RIVAL_KEY),
                Role.ADMIN, now, null));
        assertThat(rival("POST", "/api/v1/wechat/accounts", """
                {"appId": "%s", "name": "Rival", "secret": "rival-secret", "token": "rivalToken1"}"""
                .formatted(RIVAL_APP)).statusCode()).isEqualTo(201);
        rivalsJourneyId = Long.toString(running.bean(JourneyCatalog.class).create(RIVAL,
                resource("/journeys/qr-campaign-welcome.json")).id());
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
    void aTemporaryCodeWelcomesItsFollowersAndCountsFollowsAndScansExactly() {
        HttpApi.Response created = server.api("POST", "/wechat/qrcodes", """
                {"appId": "%s", "scene": "campaign42", "temporary": true, "expiresIn": 60, "journeyId": "%s"}"""
                .formatted(APP_ID, journeyId));

        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(lastCreateFor("campaign42").body()).isEqualTo("{\"action_name\":\"QR_STR_SCENE\","
                + "\"expire_seconds\":60,\"action_info\":{\"scene\":{\"scene_str\":\"campaign42\"}}}");
        JsonNode code = created.json();
        String id = code.get("id").asString();
        assertThat(code.get("appId").asString()).isEqualTo(APP_ID);
        assertThat(code.get("temporary").asBoolean()).isTrue();
        assertThat(code.get("ticket").asString()).startsWith("gQH47joAAAAAAAAAASxodHRwOi8vd2VpeGluLnFxLmNvbS9xL2ta");
        assertThat(code.get("url").asString()).startsWith("http://weixin.qq.com/q/");
        assertThat(code.get("imageUrl").asString()).isEqualTo(wechat.baseUrl() + "/cgi-bin/showqrcode?ticket="
                + URLEncoder.encode(code.get("ticket").asString(), StandardCharsets.UTF_8));
        assertThat(Instant.parse(code.get("expiresAt").asString()))
                .isEqualTo(Instant.parse(code.get("createdAt").asString()).plusSeconds(60));
        assertThat(code.get("journeyId").asString()).isEqualTo(journeyId);

        var follow = callbacks.encrypted(callbacks.subscribeFromQr("oQR_ANNA", "campaign42", "T-ANNA"));
        for (int attempt = 0; attempt < 4; attempt++) {   // the push and WeChat's three retries
            assertThat(server.callback(follow).body()).isEqualTo("success");
        }
        assertThat(server.callback(callbacks.encrypted(callbacks.subscribeFromQr("oQR_BEN", "campaign42", "T-BEN")))
                .body()).isEqualTo("success");
        var scan = callbacks.encrypted(callbacks.scan("oQR_ANNA", "campaign42", "T-ANNA"));
        assertThat(server.callback(scan).body()).isEqualTo("success");
        assertThat(server.callback(scan).body()).as("a retried scan").isEqualTo("success");
        assertThat(server.callback(callbacks.encrypted(callbacks.subscribeFromQr("oQR_CARL", "poster_7", "T-C")))
                .body()).isEqualTo("success");
        assertThat(server.callback(callbacks.encrypted(callbacks.subscribe("oQR_DORA"))).body()).isEqualTo("success");

        JsonNode counted = server.api("GET", "/wechat/qrcodes/" + id, null).json();
        assertThat(counted.get("follows").asLong()).as("two followers, one push retried three times").isEqualTo(2);
        assertThat(counted.get("scans").asLong()).isEqualTo(1);

        IntakeResult direct = running.bean(EventIntake.class).accept(new ContactEvent(1, APP_ID, "import-emma",
                "wechat.followed", Identity.wechatOpenid(APP_ID, "oQR_EMMA"), null, clock.instant(),
                Map.of("scene", "campaign42"), null));
        IntakeResult again = running.bean(EventIntake.class).accept(new ContactEvent(1, APP_ID, "import-emma",
                "wechat.followed", Identity.wechatOpenid(APP_ID, "oQR_EMMA"), null, clock.instant(),
                Map.of("scene", "campaign42"), null));
        assertThat(direct).isInstanceOf(IntakeResult.Accepted.class);
        assertThat(again).isInstanceOf(IntakeResult.Duplicate.class);
        JsonNode listed = StreamSupport.stream(server.api("GET", "/wechat/qrcodes?appId=" + APP_ID, null).json()
                .get("items").spliterator(), false).filter(item -> id.equals(item.get("id").asString())).findFirst()
                .orElseThrow();
        assertThat(listed.get("follows").asLong()).isEqualTo(3);
        assertThat(listed.get("scans").asLong()).isEqualTo(1);
        assertThat(rival("GET", "/api/v1/wechat/qrcodes/" + id, null).statusCode()).isEqualTo(404);

        await().atMost(Duration.ofSeconds(15)).until(() -> sends("TPL_CAMPAIGN").containsAll(
                List.of("oQR_ANNA", "oQR_BEN", "oQR_EMMA")));
        assertThat(sends("TPL_CAMPAIGN")).as("the journey welcomes the code's followers once each")
                .containsExactlyInAnyOrder("oQR_ANNA", "oQR_BEN", "oQR_EMMA");
    }

    @Test
    void aPermanentCodeHoldsItsSceneUntilRetired() {
        String body = "{\"appId\": \"%s\", \"scene\": \"poster_2026\", \"temporary\": false, \"journeyId\": %s}"
                .formatted(APP_ID, journeyId);

        HttpApi.Response created = server.api("POST", "/wechat/qrcodes", body);
        HttpApi.Response taken = server.api("POST", "/wechat/qrcodes", body);

        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(lastCreateFor("poster_2026").body()).isEqualTo("{\"action_name\":\"QR_LIMIT_STR_SCENE\","
                + "\"action_info\":{\"scene\":{\"scene_str\":\"poster_2026\"}}}");
        assertThat(created.json().get("expiresAt").isNull()).isTrue();
        assertThat(created.json().get("temporary").asBoolean()).isFalse();
        assertProblem(taken, 409);
        assertThat(taken.json().get("existingId").asString()).isEqualTo(created.json().get("id").asString());
        assertThat(createsFor("poster_2026")).as("a taken scene never reaches WeChat").hasSize(1);

        HttpApi.Response retired = server.api("DELETE", "/wechat/qrcodes/" + created.json().get("id").asString(),
                null);
        assertThat(retired.status()).isEqualTo(200);
        assertThat(retired.json().get("retiredAt").isNull()).isFalse();
        assertThat(server.api("POST", "/wechat/qrcodes", body).status()).isEqualTo(201);
    }

    @Test
    void refusesInvalidRequestsWithProblemsAndStoresNothing() {
        long stored = codes();
        int calls = wechat.qrCodeCreates().size();

        assertError(create("\"scene\": \"%s\", \"temporary\": true".formatted("x".repeat(65))), 400, "/scene",
                "too-long");
        assertError(create("\"scene\": \"\", \"temporary\": true"), 400, "/scene", "required");
        assertError(create("\"scene\": \"ref_alice\", \"temporary\": false"), 400, "/scene", "reserved");
        assertError(create("\"scene\": \"with space\", \"temporary\": true"), 400, "/scene", "invalid-characters");
        assertError(create("\"scene\": \"s1\", \"temporary\": true, \"expiresIn\": 59"), 400, "/expiresIn",
                "out-of-range");
        assertError(create("\"scene\": \"s1\", \"temporary\": true, \"expiresIn\": 2592001"), 400, "/expiresIn",
                "out-of-range");
        assertError(create("\"scene\": \"s1\""), 400, "/temporary", "required");
        assertError(server.api("POST", "/wechat/qrcodes", "{\"appId\": \"wx0000000000000001\", \"scene\": \"s1\","
                + " \"temporary\": true}"), 422, "/appId", "account-not-connected");
        assertError(server.api("POST", "/wechat/qrcodes", "{\"appId\": \"%s\", \"scene\": \"s1\", \"temporary\": true}"
                .formatted(RIVAL_APP)), 422, "/appId", "account-not-connected");
        assertError(create("\"scene\": \"s1\", \"temporary\": true, \"journeyId\": \"%s\"".formatted(rivalsJourneyId)),
                422, "/journeyId", "unknown-journey");

        assertThat(codes()).isEqualTo(stored);
        assertThat(wechat.qrCodeCreates()).as("nothing refused reaches WeChat").hasSize(calls);
    }

    @Test
    void aWeChatErrorIsA502NamingTheErrcodeAndStoresNothing() {
        long stored = codes();
        wechat.failNextQrCodeCreates("quota_day", 45009, "reach max api daily quota limit", 1);

        HttpApi.Response refused = create("\"scene\": \"quota_day\", \"temporary\": true");

        assertProblem(refused, 502);
        assertThat(refused.json().get("errcode").asInt()).isEqualTo(45009);
        assertThat(refused.json().get("detail").asString()).contains("errcode 45009").doesNotContain("TOKEN-");
        assertThat(codes()).isEqualTo(stored);
        assertThat(create("\"scene\": \"quota_day\", \"temporary\": true").status()).as("a retry may succeed")
                .isEqualTo(201);
    }

    @Test
    void reissuesATemporaryCodeWithLessThanADayLeftOnTheServersClock() {
        JsonNode aging = create("\"scene\": \"reissue_old\", \"temporary\": true").json();
        clock.advance(Duration.ofDays(29).plusHours(12));
        JsonNode fresh = create("\"scene\": \"reissue_new\", \"temporary\": true").json();

        running.bean(QrCodeReissuer.class).reissueDue();

        JsonNode renewed = server.api("GET", "/wechat/qrcodes/" + aging.get("id").asString(), null).json();
        assertThat(renewed.get("ticket").asString()).isNotEqualTo(aging.get("ticket").asString());
        assertThat(renewed.get("reissues").asInt()).isEqualTo(1);
        assertThat(Instant.parse(renewed.get("expiresAt").asString()))
                .isEqualTo(Instant.ofEpochMilli(clock.millis()).plusSeconds(THIRTY_DAYS));
        assertThat(lastCreateFor("reissue_old").json().get("expire_seconds").asInt()).isEqualTo(THIRTY_DAYS);
        assertThat(server.api("GET", "/wechat/qrcodes/" + fresh.get("id").asString(), null).json())
                .isEqualTo(fresh);
        assertThat(jdbc.queryForObject("SELECT ticket FROM wechat_qrcode_ticket WHERE qrcode_id = ?", String.class,
                Long.parseLong(aging.get("id").asString()))).isEqualTo(aging.get("ticket").asString());
    }

    private static HttpApi.Response create(String fields) {
        return server.api("POST", "/wechat/qrcodes", "{\"appId\": \"%s\", %s}".formatted(APP_ID, fields));
    }

    private static void assertError(HttpApi.Response answer, int status, String pointer, String code) {
        assertProblem(answer, status);
        assertThat(answer.json().get("errors")).as(answer.body()).anySatisfy(error -> {
            assertThat(error.get("pointer").asString()).isEqualTo(pointer);
            assertThat(error.get("code").asString()).isEqualTo(code);
        });
    }

    private static void assertProblem(HttpApi.Response answer, int status) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(status);
        assertThat(answer.json().get("status").asInt()).isEqualTo(status);
        assertThat(answer.json().get("detail").asString()).isNotBlank();
    }

    private static long codes() {
        Long count = jdbc.queryForObject("SELECT COUNT(*) FROM wechat_qrcode", Long.class);
        return count == null ? 0 : count;
    }

    private static List<String> sends(String templateId) {
        return wechat.templateSends().stream().filter(s -> templateId.equals(s.templateId()))
                .map(s -> s.toUser()).toList();
    }

    private static List<QrCodeCreate> createsFor(String scene) {
        return wechat.qrCodeCreates().stream().filter(c -> scene.equals(c.sceneStr())).toList();
    }

    private static QrCodeCreate lastCreateFor(String scene) {
        List<QrCodeCreate> creates = createsFor(scene);
        assertThat(creates).as("requests for " + scene).isNotEmpty();
        return creates.get(creates.size() - 1);
    }

    private static HttpResponse<String> rival(String method, String path, String json) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(running.baseUrl() + path))
                .header("Authorization", "Bearer " + RIVAL_KEY).header("Content-Type", "application/json")
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json)).build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String resource(String name) {
        try (InputStream in = QrCodesEndToEndIT.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
