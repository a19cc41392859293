package org.wayfarer.admin.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wayfarer.channel.wechat.testing.FakeWeChatServer;
import org.wayfarer.journey.testing.MutableClock;

/**
 * The server stops during the 24-hour wait and starts again on the same H2 file: the wait lives in the database, so
 * the second message still goes out, once.
 */
class RestartDuringWaitIT {

    @TempDir
    Path dataDir;

    @Test
    void secondMessageIsSentOnceAfterARestartDuringTheWait() {
        MutableClock clock = MutableClock.startingNow();
        try (FakeWeChatServer wechat = FakeWeChatServer.start()) {
            StoreWelcomeStory story = new StoreWelcomeStory(wechat, clock);
            try (WayfarerServer first = WayfarerServer.start(dataDir, wechat.baseUrl(), clock)) {
                story.connectAndPublish(first.http());
                assertThat(story.follows(first.http(), "oDAVE", "store_100").body()).isEqualTo("success");
                story.awaitSends("oDAVE", "TPL_WELCOME", 1);
            }

            clock.advance(Duration.ofHours(24).plusMinutes(5));
            try (WayfarerServer second = WayfarerServer.start(dataDir, wechat.baseUrl(), clock)) {
                story.awaitSends("oDAVE", "TPL_JOIN", 1);
                String dave = StoreWelcomeStory.contactId(second.http(), "oDAVE");
                await().atMost(Duration.ofSeconds(10)).until(() -> statuses(second.http(), dave).equals(
                        List.of("SENT", "SENT")));
                assertThat(story.sends("oDAVE", "TPL_JOIN")).hasSize(1);
                assertThat(story.sends("oDAVE", "TPL_WELCOME")).hasSize(1);
            }
        }
    }

    private static List<String> statuses(HttpApi server, String contactId) {
        return StoreWelcomeStory.timeline(server, contactId, "MESSAGE").stream()
                .map(m -> m.get("status").asString()).toList();
    }
}
