package org.wayfarer.admin.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wayfarer.channel.wechat.testing.FakeWeChatServer;
import org.wayfarer.channel.wechat.testing.FakeWeChatServer.TemplateSend;
import org.wayfarer.channel.wechat.testing.SignedCallback;
import org.wayfarer.journey.testing.MutableClock;
import tools.jackson.databind.JsonNode;

/**
 * Issue 7's story end to end: the server on embedded defaults (H2 file) on a random port, a fake WeChat API on
 * loopback that records what WxJava sends, the journey published through the admin API, and real signed +
 * AES-encrypted callbacks. Each test uses its own followers, so the order of the tests does not matter.
 */
class StoreWelcomeJourneyIT {

    @TempDir
    static Path dataDir;

    static final MutableClock clock = MutableClock.startingNow();
    static FakeWeChatServer wechat;
    static WayfarerServer running;
    static HttpApi server;
    static StoreWelcomeStory story;
    static String journeyId;

    @BeforeAll
    static void startServerAndPublish() {
        wechat = FakeWeChatServer.start();
        running = WayfarerServer.start(dataDir, wechat.baseUrl(), clock);
        server = running.http();
        story = new StoreWelcomeStory(wechat, clock);
        journeyId = story.connectAndPublish(server);
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
    void welcomeNamesTheStoreAndTheMemberAndIsSentOnceDespiteThreeRetries() {
        HttpApi.Response synced = server.api("POST", "/events", """
                {"type": "contact.updated", "id": "crm-sync-alice",
                 "identity": {"appId": "%s", "openid": "oALICE"}, "attributes": {"name": "王小明"}}
                """.formatted(StoreWelcomeStory.APP_ID));
        assertThat(synced.status()).as(synced.body()).isEqualTo(202);
        SignedCallback follow = story.callbacks.encrypted(
                story.callbacks.subscribeFromQr("oALICE", "store_001", "TICKET-1"));

        for (int attempt = 0; attempt < 4; attempt++) {   // the push and WeChat's three retries
            HttpApi.Response answer = server.callback(follow);
            assertThat(answer.status()).isEqualTo(200);
            assertThat(answer.body()).isEqualTo("success");
        }

        TemplateSend welcome = story.awaitSends("oALICE", "TPL_WELCOME", 1).get(0);
        assertThat(welcome.dataValue("thing1")).isEqualTo("王小明");
        assertThat(welcome.dataValue("thing2")).isEqualTo("store_001");
        assertThat(welcome.body().get("url").asString()).isEqualTo("https://brand.example/hi");
        assertThat(welcome.clientMsgId()).as("delivery id as WeChat's idempotency key").isNotBlank();
        assertThat(welcome.accessToken()).startsWith("TOKEN-");

        String contact = StoreWelcomeStory.contactId(server, "oALICE");
        await().atMost(Duration.ofSeconds(10)).until(() ->
                messageStatuses(contact).equals(List.of("SENT")));
        assertThat(StoreWelcomeStory.timeline(server, contact, "EVENT"))
                .extracting(e -> e.get("type").asString())
                .containsExactlyInAnyOrder("wechat.followed", "contact.updated");
        assertThat(story.sends("oALICE", "TPL_WELCOME")).as("one message after 4 identical callbacks").hasSize(1);
    }

    @Test
    void followerWithoutANameGetsTheFallbackGreeting() {
        story.follows(server, "oNONAME", "store_042");

        TemplateSend welcome = story.awaitSends("oNONAME", "TPL_WELCOME", 1).get(0);
        assertThat(welcome.dataValue("thing1")).isEqualTo("新朋友");
        assertThat(welcome.dataValue("thing2")).isEqualTo("store_042");
    }

    @Test
    void followerFromANonStoreSceneGetsNoMessage() {
        assertThat(story.follows(server, "oPOSTER", "poster_2026").body()).isEqualTo("success");

        String contact = StoreWelcomeStory.contactId(server, "oPOSTER");
        await().atMost(Duration.ofSeconds(10)).until(() ->
                !StoreWelcomeStory.timeline(server, contact, "EVENT").isEmpty());
        assertThat(StoreWelcomeStory.timeline(server, contact, "STEP")).isEmpty();
        assertThat(StoreWelcomeStory.timeline(server, contact, "MESSAGE")).isEmpty();
        assertThat(wechat.templateSends()).noneMatch(s -> "oPOSTER".equals(s.toUser()));
    }

    @Test
    void badSignaturesGet403AndNothingEnters() {
        SignedCallback follow = story.callbacks.encrypted(
                story.callbacks.subscribeFromQr("oMALLORY", "store_001", "TICKET-M"));

        assertThat(server.callback(follow.withCorruptedSignature()).status()).isEqualTo(403);
        assertThat(server.callback(follow.withCorruptedMsgSignature()).status()).isEqualTo(403);
        long stale = clock.instant().minus(Duration.ofMinutes(6)).getEpochSecond();
        assertThat(server.callback(story.callbacks.encrypted(
                story.callbacks.subscribeFromQr("oMALLORY", "store_001", "TICKET-M"), stale)).status())
                .isEqualTo(403);

        assertThat(server.api("GET", "/contacts?appId=" + StoreWelcomeStory.APP_ID + "&openid=oMALLORY", null)
                .json()).isEmpty();
        assertThat(wechat.templateSends()).noneMatch(s -> "oMALLORY".equals(s.toUser()));
    }

    @Test
    void secondMessageGoesOutTwentyFourHoursLaterUnlessTheFollowerBecameMember() {
        story.follows(server, "oBOB", "store_007");
        story.follows(server, "oCAROL", "store_007");
        story.awaitSends("oBOB", "TPL_WELCOME", 1);
        story.awaitSends("oCAROL", "TPL_WELCOME", 1);
        assertThat(server.api("POST", "/events", """
                {"type": "custom.member_bound", "id": "crm-bind-carol",
                 "identity": {"appId": "%s", "openid": "oCAROL"}, "attributes": {"memberId": "M-77"}}
                """.formatted(StoreWelcomeStory.APP_ID)).status()).isEqualTo(202);
        String carol = StoreWelcomeStory.contactId(server, "oCAROL");
        // the follow, the member binding, and the contact.updated the binding's attributes announced
        await().atMost(Duration.ofSeconds(10)).until(() -> StoreWelcomeStory.timeline(server, carol, "EVENT").size() == 3);

        clock.advance(Duration.ofHours(24));

        TemplateSend nudge = story.awaitSends("oBOB", "TPL_JOIN", 1).get(0);
        assertThat(nudge.dataValue("thing2")).isEqualTo("store_007");
        await().atMost(Duration.ofSeconds(10)).until(() -> StoreWelcomeStory.timeline(server, carol, "STEP").stream()
                .anyMatch(step -> "COMPLETED".equals(step.get("outcome").asString())));
        assertThat(story.sends("oCAROL", "TPL_JOIN")).isEmpty();
        assertThat(story.sends("oBOB", "TPL_JOIN")).hasSize(1);

        JsonNode stats = server.api("GET", "/journeys/" + journeyId + "/stats", null).json();
        assertThat(stats.get("entered").asLong()).isGreaterThanOrEqualTo(2);
        assertThat(stats.get("completed").asLong()).isGreaterThanOrEqualTo(2);
        assertThat(stats.get("nodes").get("nudge").get("entered").asLong()).isGreaterThanOrEqualTo(1);
    }

    private static List<String> messageStatuses(String contactId) {
        return StoreWelcomeStory.timeline(server, contactId, "MESSAGE").stream()
                .map(m -> m.get("status").asString()).toList();
    }
}
