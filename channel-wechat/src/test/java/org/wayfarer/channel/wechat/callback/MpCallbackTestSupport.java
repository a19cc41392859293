package org.wayfarer.channel.wechat.callback;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.wayfarer.channel.wechat.ConnectAccount;
import org.wayfarer.channel.wechat.WeChatAccounts;
import org.wayfarer.channel.wechat.testapp.RecordingEventIntake;
import org.wayfarer.channel.wechat.testapp.WeChatTestApplication;
import org.wayfarer.channel.wechat.testing.SignedCallback;
import org.wayfarer.channel.wechat.testing.WeChatCallbacks;
import org.wayfarer.journey.testing.MutableClock;

/**
 * The callback endpoint over loopback HTTP with a plain-mode and a safe-mode account, shared by the callback ITs
 * (one Spring context for all of them).
 */
@SpringBootTest(classes = WeChatTestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:wechat-callback;MODE=MySQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1",
        "spring.datasource.username=sa"})
abstract class MpCallbackTestSupport {

    static final long PLAIN_TENANT = 11;
    static final long SAFE_TENANT = 22;
    static final String PLAIN_APP = "wx00000000000000a1";
    static final String SAFE_APP = "wx00000000000000b2";
    static final String PLAIN_TOKEN = "plainToken1";
    static final String SAFE_TOKEN = "safeToken2";
    static final String AES_KEY = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG";
    static final String OPENID = "oUpF8uMuAJO_M2pxb1Q9zNjWeS6o";

    @LocalServerPort
    int port;
    @Autowired
    WeChatAccounts accounts;
    @Autowired
    RecordingEventIntake intake;
    @Autowired
    MutableClock clock;

    final HttpClient http = HttpClient.newHttpClient();
    WeChatCallbacks plain;
    WeChatCallbacks safe;

    @BeforeEach
    void setUp() {
        clock.set(WeChatTestApplication.START);
        intake.clear();
        if (accounts.list(PLAIN_TENANT).isEmpty()) {
            accounts.connect(PLAIN_TENANT, new ConnectAccount(PLAIN_APP, "Plain shop", "plain-secret", PLAIN_TOKEN,
                    null));
            accounts.connect(SAFE_TENANT, new ConnectAccount(SAFE_APP.toUpperCase().replace("WX", "wx"), "Safe shop",
                    "safe-secret", SAFE_TOKEN, AES_KEY));
        }
        plain = new WeChatCallbacks(PLAIN_APP, PLAIN_TOKEN, null, clock);
        safe = new WeChatCallbacks(SAFE_APP, SAFE_TOKEN, AES_KEY, clock);
    }

    void assertRejected(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).isEqualTo(status);
        assertThat(response.body()).isNotEqualTo("success");
        assertThat(intake.calls()).as("calls reaching the event intake").isZero();
    }

    HttpResponse<String> get(SignedCallback callback) throws Exception {
        return http.send(HttpRequest.newBuilder(callback.uri(baseUrl())).GET().build(), BodyHandlers.ofString());
    }

    HttpResponse<String> post(SignedCallback callback) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(callback.uri(baseUrl()))
                .header("Content-Type", "text/xml")
                .POST(BodyPublishers.ofString(callback.body(), StandardCharsets.UTF_8))
                .build();
        return http.send(request, BodyHandlers.ofString());
    }

    String baseUrl() {
        return "http://127.0.0.1:" + port;
    }
}
