package org.wayfarer.admin.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.StreamSupport;
import org.wayfarer.channel.wechat.testing.FakeWeChatServer;
import org.wayfarer.channel.wechat.testing.FakeWeChatServer.TemplateSend;
import org.wayfarer.channel.wechat.testing.WeChatCallbacks;
import tools.jackson.databind.JsonNode;

/**
 * The story in business terms, over the real HTTP surface: an ops user connects a safe-mode official account
 * and publishes "welcome followers from store QR codes" (the README's walk-through definition); followers scan.
 */
final class StoreWelcomeStory {

    static final String APP_ID = "wx5823bf96d3bd56c7";
    static final String TOKEN = "storeToken2026";
    static final String AES_KEY = "jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C";

    final WeChatCallbacks callbacks;
    private final FakeWeChatServer wechat;

    StoreWelcomeStory(FakeWeChatServer wechat, Clock clock) {
        this.wechat = wechat;
        this.callbacks = new WeChatCallbacks(APP_ID, TOKEN, AES_KEY, clock);
    }

    /** Connects the account and publishes the journey; returns the journey id. */
    String connectAndPublish(HttpApi server) {
        HttpApi.Response connected = server.api("POST", "/wechat/accounts", """
                {"appId": "%s", "name": "Brand flagship", "secret": "app-secret-1", "token": "%s", "aesKey": "%s"}
                """.formatted(APP_ID, TOKEN, AES_KEY));
        assertThat(connected.status()).as(connected.body()).isEqualTo(201);
        assertThat(connected.json().get("callbackUrl").asString()).endsWith("/callbacks/wechat/mp/" + APP_ID);
        assertThat(connected.body()).doesNotContain("app-secret-1").doesNotContain(AES_KEY);

        HttpApi.Response created = server.api("POST", "/journeys", definition());
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String id = created.json().get("id").asString();
        HttpApi.Response published = server.api("POST", "/journeys/" + id + "/publish", null);
        assertThat(published.status()).as(published.body()).isEqualTo(200);
        assertThat(published.json().get("version").asInt()).isEqualTo(1);
        return id;
    }

    /** The follower scans the store's QR code and WeChat pushes the encrypted subscribe event. */
    HttpApi.Response follows(HttpApi server, String openid, String scene) {
        return server.callback(callbacks.encrypted(callbacks.subscribeFromQr(openid, scene, "TICKET-" + scene)));
    }

    /** The template sends WeChat received for the follower with that template, after they have all arrived. */
    List<TemplateSend> awaitSends(String openid, String templateId, int count) {
        await().atMost(Duration.ofSeconds(15)).until(() -> sends(openid, templateId).size() >= count);
        return sends(openid, templateId);
    }

    List<TemplateSend> sends(String openid, String templateId) {
        return sends(templateId).stream().filter(s -> openid.equals(s.toUser())).toList();
    }

    List<TemplateSend> sends(String templateId) {
        return wechat.templateSends().stream().filter(s -> templateId.equals(s.templateId())).toList();
    }

    /** The contact's id, once the follow has been processed. */
    static String contactId(HttpApi server, String openid) {
        await().atMost(Duration.ofSeconds(15)).until(() -> findContactId(server, openid).isPresent());
        return findContactId(server, openid).orElseThrow();
    }

    /** The contact's id if the follower is known yet. */
    static Optional<String> findContactId(HttpApi server, String openid) {
        JsonNode found = server.api("GET", "/contacts?appId=" + APP_ID + "&openid=" + openid, null).json();
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0).get("id").asString());
    }

    /** Timeline entries of one kind (EVENT, STEP, MESSAGE), newest first. */
    static List<JsonNode> timeline(HttpApi server, String contactId, String kind) {
        JsonNode entries = server.api("GET", "/contacts/" + contactId + "/timeline", null).json();
        return StreamSupport.stream(entries.spliterator(), false)
                .filter(e -> kind.equals(e.get("kind").asString())).toList();
    }

    static String definition() {
        try (InputStream in = StoreWelcomeStory.class.getResourceAsStream("/journeys/store-welcome.json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
