package org.wayfarer.admin.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wayfarer.channel.wechat.testing.FakeWeChatServer;
import org.wayfarer.channel.wechat.testing.FakeWeChatServer.TemplateSend;
import org.wayfarer.channel.wechat.testing.SignedCallback;
import tools.jackson.databind.JsonNode;

/**
 * {@code kill -9} under load: the server runs in its own JVM, follows stream in from four clients, and the process
 * is killed while callbacks and sends are in flight. After a restart on the same H2 file, WeChat's retries arrive for
 * every follower (acknowledged or not). Every follower must get its welcome exactly once, counted as WeChat counts it:
 * the fake, like WeChat, delivers one message per openid + client_msg_id within 10 minutes. A template send caught
 * mid-call by the kill is repeated with the same client_msg_id once its lease has expired, so none ends UNKNOWN.
 * Afterwards the journey's books balance: one entry per follower, entered = active + completed + exited + failed, and
 * each node's counted entries equal the step log's visits (counters and steps commit in the same transaction).
 *
 * <p>The servers run with an 8 s lease (production: 60 s, see docs/architecture/journey-execution-semantics.md): the
 * restarted server is up after the dead one's leases have expired, so its sweep repeats them at once, well inside the
 * 8-minute window, and the test stays short. The read timeout is shorter than the lease, as in production.
 */
class KillDashNineIT {

    private static final int FOLLOWERS = 300;
    private static final List<String> SHORT_LEASE = List.of("--wayfarer.engine.lease=PT8S",
            "--wayfarer.wechat.read-timeout=PT3S");

    @TempDir
    Path dataDir;

    @Test
    void acknowledgedCallbacksSurviveKillDashNineAndEveryFollowerIsWelcomedExactlyOnce() throws Exception {
        try (FakeWeChatServer wechat = FakeWeChatServer.start()) {
            StoreWelcomeStory story = new StoreWelcomeStory(wechat, Clock.systemUTC());
            Map<String, SignedCallback> pushes = new LinkedHashMap<>();
            for (int i = 0; i < FOLLOWERS; i++) {
                String openid = "oCRASH" + i;
                pushes.put(openid, story.callbacks.encrypted(
                        story.callbacks.subscribeFromQr(openid, "store_" + (i % 7), "T" + i)));
            }
            Set<String> acknowledged = ConcurrentHashMap.newKeySet();
            String journeyId;
            JsonNode stats;

            try (ServerProcess first = ServerProcess.start(dataDir, wechat.baseUrl(), 1, SHORT_LEASE)) {
                journeyId = story.connectAndPublish(first.http());
                ExecutorService clients = Executors.newFixedThreadPool(4);
                pushes.forEach((openid, push) -> clients.execute(() -> post(first.http(), openid, push, acknowledged)));
                await().atMost(Duration.ofSeconds(60)).until(() -> acknowledged.size() >= FOLLOWERS / 2);
                first.kill9();
                clients.shutdown();
                assertThat(clients.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
            }
            Set<String> acknowledgedAtKill = Set.copyOf(acknowledged);
            int sentAtKill = wechat.templateSends().size();

            try (ServerProcess second = ServerProcess.start(dataDir, wechat.baseUrl(), 2, SHORT_LEASE)) {
                HttpApi api = second.http();
                pushes.forEach((openid, push) -> {   // WeChat retries every push it saw no "success" for, and more
                    HttpApi.Response answer = api.callback(push);
                    assertThat(answer.body()).as("retry of " + openid).isEqualTo("success");
                });
                await().atMost(Duration.ofSeconds(45)).until(() -> welcomed(story).size() == FOLLOWERS);
                // 600 reads a pass, so poll slowly; a receipt may still be on its way when the welcome has arrived
                Map<String, String> statuses = await().atMost(Duration.ofSeconds(20))
                        .pollInterval(Duration.ofSeconds(1)).until(() -> welcomeStatuses(api),
                                read -> read.size() == FOLLOWERS && read.values().stream()
                                        .noneMatch(status -> status.equals("SENDING") || status.equals("PENDING")));

                Map<String, Long> perFollower = story.sends("TPL_WELCOME").stream()
                        .collect(Collectors.groupingBy(s -> s.toUser(), Collectors.counting()));
                List<String> duplicated = perFollower.entrySet().stream().filter(e -> e.getValue() > 1)
                        .map(Map.Entry::getKey).toList();
                long repeatsAbsorbed = wechat.templateCalls().stream().filter(TemplateSend::repeat).count();
                System.out.printf("kill -9 run: %d followers, %d acknowledged and %d welcomes sent before the kill,"
                                + " %d welcomed after restart, %d repeats absorbed by client_msg_id, %d UNKNOWN,"
                                + " %d duplicated%n", FOLLOWERS, acknowledgedAtKill.size(), sentAtKill,
                        perFollower.size(), repeatsAbsorbed,
                        statuses.values().stream().filter("UNKNOWN"::equals).count(), duplicated.size());
                assertThat(acknowledgedAtKill.size()).isLessThan(FOLLOWERS);
                assertThat(duplicated).as("followers messaged twice").isEmpty();
                assertThat(perFollower.keySet()).as("every follower welcomed")
                        .containsAll(acknowledgedAtKill).hasSize(FOLLOWERS);
                assertThat(statuses).as("one SENT welcome on record per follower, none UNKNOWN").hasSize(FOLLOWERS)
                        .allSatisfy((openid, status) -> assertThat(status).isEqualTo("SENT"));
                stats = api.api("GET", "/journeys/" + journeyId + "/stats?version=1", null).json();
            }
            // the books balance after the kill: every follower entered once, and every entry ended or is live
            long entered = stats.get("entered").asLong();
            assertThat(entered).as("entries of version 1").isEqualTo(FOLLOWERS);
            assertThat(entered).isEqualTo(stats.get("active").asLong() + stats.get("completed").asLong()
                    + stats.get("exited").asLong() + stats.get("failed").asLong());
            Map<String, Long> visits = nodeVisits(Long.parseLong(journeyId));
            assertThat(visits).as("node visits in the step log").isNotEmpty();
            visits.forEach((node, count) -> assertThat(stats.get("nodes").get(node).get("entered").asLong())
                    .as("counted entries of node " + node).isEqualTo(count));
        }
    }

    /** Node visits as the step log has them, read from the H2 file once the server is gone. */
    private Map<String, Long> nodeVisits(long journeyId) throws SQLException {
        Map<String, Long> visits = new LinkedHashMap<>();
        try (Connection connection = DriverManager.getConnection(EmbeddedDatabase.url(dataDir), "sa", "");
             PreparedStatement query = connection.prepareStatement("SELECT node_id, COUNT(*) FROM (SELECT DISTINCT"
                     + " instance_id, seq, node_id FROM journey_step WHERE journey_id = ? AND seq > 0) v"
                     + " GROUP BY node_id")) {
            query.setLong(1, journeyId);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    visits.put(rows.getString(1), rows.getLong(2));
                }
            }
        }
        return visits;
    }

    private static void post(HttpApi api, String openid, SignedCallback push, Set<String> acknowledged) {
        try {
            if ("success".equals(api.callback(push).body())) {
                acknowledged.add(openid);
            }
        } catch (RuntimeException connectionLost) {
            // the server died under this request: not acknowledged, WeChat will retry
        }
    }

    private static Set<String> welcomed(StoreWelcomeStory story) {
        return story.sends("TPL_WELCOME").stream().map(s -> s.toUser()).collect(Collectors.toSet());
    }

    /** The status of each follower's one welcome message, as the contact timeline reports it. */
    private static Map<String, String> welcomeStatuses(HttpApi api) {
        Map<String, String> statuses = new LinkedHashMap<>();
        for (int i = 0; i < FOLLOWERS; i++) {
            String openid = "oCRASH" + i;
            StoreWelcomeStory.findContactId(api, openid).ifPresent(contact -> {
                List<JsonNode> messages = StoreWelcomeStory.timeline(api, contact, "MESSAGE");
                assertThat(messages).as("messages of " + openid).hasSize(1);
                statuses.put(openid, messages.get(0).get("status").asString());
            });
        }
        return statuses;
    }
}
