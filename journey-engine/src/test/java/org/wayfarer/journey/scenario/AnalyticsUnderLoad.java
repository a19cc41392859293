package org.wayfarer.journey.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.wayfarer.journey.catalog.JourneyCatalog;
import org.wayfarer.journey.catalog.JourneyLifecycle;
import org.wayfarer.journey.stats.JourneyStatistics;
import org.wayfarer.journey.stats.JourneyStats;

/**
 * The books balance under concurrent load: four clients send entries, views, goals and exits for 240 contacts while
 * four partitions process them, a second version is published with a migration half-way, and the timers of every
 * waiting instance fire at the end. Per version, entered + migrated in = active + completed + exited + failed +
 * migrated out at every quiet moment, and the per-node counters equal the step log's visits. On each database (the
 * subclasses).
 */
@SpringBootTest(classes = EngineTestApplication.class)
abstract class AnalyticsUnderLoad {

    private static final int CLIENTS = 4;
    private static final int CONTACTS_PER_CLIENT = 60;

    /** Everything but the database, which each subclass names. */
    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        registry.add("wayfarer.crypto.key", () -> "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=");
        registry.add("wayfarer.engine.partitions", () -> "4");
    }

    @Autowired
    ApplicationContext context;
    @Autowired
    JourneyCatalog catalog;
    @Autowired
    JourneyLifecycle lifecycle;
    @Autowired
    JourneyStatistics statistics;
    @Autowired
    DataSource dataSource;

    private static final String CART = """
            {"key": "load-cart", "name": "%s",
             "trigger": {"event": "custom.cart"},
             "entry": {"policy": "EVERY_TIME"},
             "exitWhen": [{"event": "custom.quit"}],
             "goal": {"event": "custom.buy", "within": "P1D", "exit": true},
             "start": "welcome",
             "nodes": {
               "welcome": {"type": "send", "channel": "wechat.template", "message": {"templateId": "TPL_CART"},
                           "next": "cart"},
               "cart": {"type": "waitFor", "event": "custom.view", "timeout": "PT1H", "next": "thanks",
                        "timeoutNext": "split"},
               "thanks": {"type": "send", "channel": "wechat.template", "message": {"templateId": "TPL_THANKS"},
                          "next": "done"},
               "split": {"type": "split", "paths": [{"name": "A", "weight": 30, "next": "done"},
                                                    {"name": "B", "weight": 70, "next": "done"}]},
               "done": {"type": "exit"}}}""";

    private JourneyKit kit;

    @Test
    void perVersionCountsReconcileWithTheInstancesAndTheStepLog() throws Exception {
        kit = new JourneyKit(context);
        long journey = catalog.create(JourneyKit.TENANT, CART.formatted("v1")).id();
        lifecycle.publish(JourneyKit.TENANT, journey, Map.of());

        List<Long> first = load(0);
        kit.awaitProcessed(first);
        assertBalanced(journey, "after the first wave");

        catalog.replaceDraft(JourneyKit.TENANT, journey, CART.formatted("v2"));
        lifecycle.publish(JourneyKit.TENANT, journey, Map.of("cart", "cart"));
        List<Long> second = load(1);
        kit.awaitProcessed(second);
        JourneyStats v1 = statistics.stats(JourneyKit.TENANT, journey, 1, null, null);
        JourneyStats v2 = statistics.stats(JourneyKit.TENANT, journey, 2, null, null);
        assertThat(v1.migratedOut()).as("waiting v1 instances moved").isPositive().isEqualTo(v2.migratedIn());
        assertThat(v2.active()).as("the second wave waits on v2").isPositive();
        assertBalanced(journey, "after the migration and the second wave");

        kit.advanceAndFire(Duration.ofMinutes(61));
        // a wake-up batch that lost a deadlock (MariaDB) is retried after a delay on the test's clock: move it on
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(200)).until(() -> {
            boolean done = statistics.stats(JourneyKit.TENANT, journey, null, null, null).active() == 0;
            if (!done) {
                kit.advanceAndFire(Duration.ofSeconds(1));
            }
            return done;
        });
        JourneyStats all = statistics.stats(JourneyKit.TENANT, journey, null, null);
        assertThat(all.entered()).as("one instance per cart event").isEqualTo(2L * CLIENTS * CONTACTS_PER_CLIENT);
        assertThat(all.goal()).isPositive();
        assertThat(all.exited()).isPositive();
        assertThat(all.nodes().get("split").paths().values().stream().mapToLong(Long::longValue).sum())
                .isEqualTo(all.nodes().get("split").entered());
        assertBalanced(journey, "after every timer fired");
    }

    /**
     * One wave: each client enters its own 60 contacts, and some of them then view (thanks), buy (goal) or quit
     * (exitWhen) at once, while the partitions are busy with the entries of the others.
     */
    private List<Long> load(int wave) throws Exception {
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        List<Future<List<Long>>> sent = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
            int client = c;
            sent.add(clients.submit(() -> {
                List<Long> ids = new ArrayList<>();
                for (int i = 0; i < CONTACTS_PER_CLIENT; i++) {
                    String openid = "oLOAD-" + wave + "-" + client + "-" + i;
                    ids.add(kit.submits("custom.cart", openid, Map.of()));
                    switch (i % 6) {
                        case 0 -> ids.add(kit.submits("custom.view", openid, Map.of()));
                        case 1 -> ids.add(kit.submits("custom.buy", openid, Map.of()));
                        case 2 -> ids.add(kit.submits("custom.quit", openid, Map.of()));
                        default -> {
                            // waits for the timeout
                        }
                    }
                }
                return ids;
            }));
        }
        List<Long> ids = Collections.synchronizedList(new ArrayList<>());
        for (Future<List<Long>> client : sent) {
            ids.addAll(client.get());
        }
        clients.shutdown();
        return ids;
    }

    private void assertBalanced(long journey, String when) {
        for (int version = 1; version <= 2; version++) {
            JourneyStats v = statistics.stats(JourneyKit.TENANT, journey, version, null, null);
            assertThat(v.entered() + v.migratedIn()).as("v%d %s: %s", version, when, v)
                    .isEqualTo(v.active() + v.completed() + v.exited() + v.failed() + v.migratedOut());
            assertThat(v.active()).as("v%d live instances %s", version, when).isEqualTo(live(journey, version));
        }
        JourneyStats all = statistics.stats(JourneyKit.TENANT, journey, null, null);
        Map<String, Long> visits = kit.nodeVisits(journey);
        all.nodes().forEach((node, counts) -> assertThat(counts.entered()).as("visits of %s %s", node, when)
                .isEqualTo(visits.getOrDefault(node, 0L)));
        assertThat(all.nodes().keySet()).containsAll(visits.keySet());
    }

    private long live(long journey, int version) {
        return new JdbcTemplate(dataSource).queryForObject("SELECT COUNT(*) FROM journey_instance WHERE journey_id = ?"
                + " AND journey_version = ? AND status IN ('ACTIVE', 'WAITING')", Long.class, journey, version);
    }
}
