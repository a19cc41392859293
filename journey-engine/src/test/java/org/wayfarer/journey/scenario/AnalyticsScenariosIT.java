package org.wayfarer.journey.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.wayfarer.journey.catalog.JourneyCatalog;
import org.wayfarer.journey.catalog.JourneyLifecycle;
import org.wayfarer.journey.profile.ContactJourneys;
import org.wayfarer.journey.profile.ContactJourneys.NotEnteredReason;
import org.wayfarer.journey.stats.JourneyFunnels;
import org.wayfarer.journey.stats.JourneyStatistics;
import org.wayfarer.journey.stats.JourneyStats;
import org.wayfarer.journey.stats.NodeOccupancy;
import org.wayfarer.journey.stats.UnknownNodeException;

/**
 * Analytics that reconcile, end to end on H2 with the mutable clock: one abandoned-cart journey taken by six contacts
 * down every road it has (an awaited event, a timeout into a split, exitWhen, the goal, a filter that says no, the
 * entry policy), then its stats, per-node counts against the step log, a funnel, who waits where, and why the
 * contacts that are not in it are not. Event types carry a per-test suffix.
 */
@SpringBootTest(classes = EngineTestApplication.class)
class AnalyticsScenariosIT {

    @DynamicPropertySource
    static void embedded(DynamicPropertyRegistry registry) {
        String name = "wf_analytics_" + UUID.randomUUID().toString().replace("-", "");
        registry.add("spring.datasource.url",
                () -> "jdbc:h2:mem:" + name + ";MODE=MySQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1");
        registry.add("wayfarer.crypto.key", () -> "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=");
    }

    @Autowired
    ApplicationContext context;
    @Autowired
    JourneyStatistics statistics;
    @Autowired
    JourneyFunnels funnels;
    @Autowired
    ContactJourneys contactJourneys;
    @Autowired
    JourneyCatalog catalog;
    @Autowired
    JourneyLifecycle lifecycle;

    private JourneyKit kit;
    private String suffix;

    @BeforeEach
    void kit() {
        kit = new JourneyKit(context);
        suffix = UUID.randomUUID().toString().substring(0, 8);
    }

    /** Carts over 100 get a welcome; a view thanks them; an hour without one splits between a coupon and nothing. */
    private String cart() {
        return """
                {"key": "cart-%1$s", "name": "Abandoned cart",
                 "trigger": {"event": "custom.cart_%1$s", "when": "event.total > 100"},
                 "entry": {"policy": "ONCE"},
                 "exitWhen": [{"event": "custom.left_%1$s"}],
                 "goal": {"event": "custom.paid_%1$s", "within": "P1D", "exit": true},
                 "start": "welcome",
                 "nodes": {
                   "welcome": {"type": "send", "channel": "wechat.template",
                               "message": {"templateId": "TPL_CART"}, "next": "cart"},
                   "cart": {"type": "waitFor", "event": "custom.viewed_%1$s", "timeout": "PT1H",
                            "next": "thanks", "timeoutNext": "split"},
                   "thanks": {"type": "send", "channel": "wechat.template",
                              "message": {"templateId": "TPL_THANKS"}, "next": "done"},
                   "split": {"type": "split", "paths": [{"name": "A", "weight": 50, "next": "coupon"},
                                                        {"name": "B", "weight": 50, "next": "done"}]},
                   "coupon": {"type": "send", "channel": "wechat.template",
                              "message": {"templateId": "TPL_COUPON"}, "next": "done"},
                   "done": {"type": "exit"}}}""".formatted(suffix);
    }

    @Test
    void everyRoadThroughTheJourneyIsCountedOnceAndTheBooksBalance() {
        long journey = published(cart());
        for (String openid : List.of("oVIEW", "oSLOW", "oLEFT", "oPAID", "oWAIT")) {
            kit.happens("custom.cart_" + suffix, openid + suffix, Map.of("total", 200), Map.of());
        }
        kit.happens("custom.cart_" + suffix, "oSMALL" + suffix, Map.of("total", 50), Map.of());
        kit.happens("custom.viewed_" + suffix, "oVIEW" + suffix, Map.of(), Map.of());
        kit.happens("custom.left_" + suffix, "oLEFT" + suffix, Map.of(), Map.of());
        kit.happens("custom.paid_" + suffix, "oPAID" + suffix, Map.of(), Map.of());
        kit.happens("custom.cart_" + suffix, "oVIEW" + suffix, Map.of("total", 300), Map.of());
        kit.advance(Duration.ofMinutes(30));
        kit.happens("custom.cart_" + suffix, "oLATE" + suffix, Map.of("total", 150), Map.of());
        kit.advanceAndFire(Duration.ofMinutes(31));   // oSLOW's and oWAIT's hour is over, oLATE's is not
        await().atMost(Duration.ofSeconds(10)).until(() -> statistics.stats(JourneyKit.TENANT, journey, null, null)
                .completed() == 4);

        JourneyStats stats = statistics.stats(JourneyKit.TENANT, journey, 1, null, null);
        assertThat(stats.entered()).isEqualTo(6);
        assertThat(stats.active()).as("oLATE still waits at cart").isEqualTo(1);
        assertThat(stats.completed()).as("oVIEW, oSLOW, oWAIT at done; oPAID by the goal").isEqualTo(4);
        assertThat(stats.exited()).isEqualTo(1);
        assertThat(stats.failed()).isZero();
        assertThat(stats.entered()).isEqualTo(stats.active() + stats.completed() + stats.exited() + stats.failed());
        assertThat(stats.goal()).isEqualTo(1);
        assertThat(stats.goalRate()).isEqualTo(1.0 / 6);
        JourneyStats.NodeStats cart = stats.nodes().get("cart");
        assertThat(cart.entered()).isEqualTo(6);
        assertThat(cart.waiting()).isEqualTo(1);
        assertThat(cart.exited()).as("oLEFT's drop-off").isEqualTo(1);
        assertThat(cart.completed()).as("oPAID reached the goal while waiting there").isEqualTo(1);
        assertThat(stats.nodes().get("done").completed()).isEqualTo(3);
        assertThat(stats.nodes().get("split").paths().values().stream().mapToLong(Long::longValue).sum())
                .isEqualTo(2);
        assertThat(stats.nodes().get("welcome").waiting()).isZero();

        Map<String, Long> visits = kit.nodeVisits(journey);
        stats.nodes().forEach((node, counts) -> assertThat(counts.entered()).as("visits of " + node)
                .isEqualTo(visits.getOrDefault(node, 0L)));
        assertThat(visits.keySet()).isEqualTo(stats.nodes().keySet());

        List<JourneyFunnels.Stage> funnel = funnels.funnel(JourneyKit.TENANT, journey,
                List.of("welcome", "cart", "split", "done"), null, null, null);
        assertThat(funnel).extracting(JourneyFunnels.Stage::contacts).containsExactly(6L, 6L, 2L, 2L);
        assertThat(funnels.funnel(JourneyKit.TENANT, journey, List.of("cart", "thanks"), null, null, null))
                .extracting(JourneyFunnels.Stage::contacts).containsExactly(6L, 1L);
        assertThat(funnels.funnel(JourneyKit.TENANT, journey, List.of("thanks", "cart"), null, null, null))
                .as("order matters").extracting(JourneyFunnels.Stage::contacts).containsExactly(1L, 0L);
        assertThat(funnels.funnel(JourneyKit.TENANT, journey, List.of("welcome"), null, kit.now(), null))
                .as("nobody reached welcome from now on").extracting(JourneyFunnels.Stage::contacts)
                .containsExactly(0L);
        assertThatThrownBy(() -> funnels.funnel(JourneyKit.TENANT, journey, List.of("welcome", "nowhere"), null,
                null, null)).isInstanceOf(UnknownNodeException.class).hasMessageContaining("'nowhere'");

        List<NodeOccupancy.Occupant> atCart = statistics.atNode(JourneyKit.TENANT, journey, "cart", 0, 50);
        assertThat(atCart).extracting(NodeOccupancy.Occupant::contactId)
                .containsExactly(kit.contactId("oLATE" + suffix));
        assertThat(atCart.get(0).status()).isEqualTo("WAITING");
        assertThat(atCart.get(0).wakeAt()).isEqualTo(kit.now().plus(Duration.ofMinutes(29)));
        assertThat(statistics.atNode(JourneyKit.TENANT, journey, "cart", atCart.get(0).instanceId(), 50)).isEmpty();

        ZoneId shanghai = ZoneId.of("Asia/Shanghai");
        LocalDate today = LocalDate.ofInstant(kit.now(), shanghai);
        JourneyStats series = statistics.daily(JourneyKit.TENANT, journey, null, today.minusDays(1), today,
                shanghai);
        assertThat(series.days()).hasSize(2);
        assertThat(series.days().stream().mapToLong(JourneyStats.DayStats::entered).sum()).isEqualTo(6);
        assertThat(series.days().stream().mapToLong(JourneyStats.DayStats::goal).sum()).isEqualTo(1);
    }

    @Test
    void aContactOutsideAJourneyIsToldWhy() {
        long journey = published(cart());
        kit.happens("custom.cart_" + suffix, "oSMALL" + suffix, Map.of("total", 50), Map.of());
        kit.happens("custom.cart_" + suffix, "oTWICE" + suffix, Map.of("total", 200), Map.of());
        kit.happens("custom.left_" + suffix, "oTWICE" + suffix, Map.of(), Map.of());
        kit.advance(Duration.ofMinutes(1));
        kit.happens("custom.cart_" + suffix, "oTWICE" + suffix, Map.of("total", 200), Map.of());
        kit.happens("custom.other_" + suffix, "oNEVER" + suffix, Map.of(), Map.of());

        ContactJourneys.NotEntered small = notEntered("oSMALL", journey);
        assertThat(small.reason()).isEqualTo(NotEnteredReason.TRIGGER_FILTER_FALSE);
        assertThat(small.decision().detail()).isEqualTo("event.total > 100");
        assertThat(small.decision().eventType()).isEqualTo("custom.cart_" + suffix);

        ContactJourneys.View twice = contactJourneys.of(JourneyKit.TENANT, kit.contactId("oTWICE" + suffix));
        assertThat(twice.instances()).singleElement().satisfies(entered -> {
            assertThat(entered.journey().id()).isEqualTo(journey);
            assertThat(entered.instance().status()).isEqualTo("EXITED");
            assertThat(entered.instance().endReason()).isEqualTo("exit-when:custom.left_" + suffix);
            assertThat(entered.instance().currentNode()).isEqualTo("cart");
        });
        assertThat(notEntered("oTWICE", journey).reason()).as("ONCE: the second cart did not enter")
                .isEqualTo(NotEnteredReason.ENTRY_POLICY);

        assertThat(notEntered("oNEVER", journey).reason()).isEqualTo(NotEnteredReason.NO_TRIGGER_EVENT);
        assertThat(notEntered("oNEVER", journey).decision()).isNull();

        lifecycle.pause(JourneyKit.TENANT, journey);
        assertThat(notEntered("oSMALL", journey).reason()).as("a paused journey takes nobody")
                .isEqualTo(NotEnteredReason.PAUSED);
        assertThat(notEntered("oSMALL", journey).decision().detail()).as("and the last decision is still there")
                .isEqualTo("event.total > 100");
    }

    @Test
    void aGoalWithoutExitIsCountedOnceAndTheJourneyGoesOn() {
        long journey = published("""
                {"key": "upsell-%1$s", "name": "Count the order, keep going",
                 "trigger": {"event": "custom.joined_%1$s"},
                 "goal": {"event": "custom.paid_%1$s", "within": "P7D", "exit": false},
                 "start": "order",
                 "nodes": {
                   "order": {"type": "waitFor", "event": "custom.paid_%1$s", "timeout": "P1D", "next": "thanks"},
                   "thanks": {"type": "send", "channel": "wechat.template",
                              "message": {"templateId": "TPL_THANKS"}, "next": "again"},
                   "again": {"type": "waitFor", "event": "custom.paid_%1$s", "timeout": "P1D", "next": "done"},
                   "done": {"type": "exit"}}}""".formatted(suffix));
        kit.happens("custom.joined_" + suffix, "oGOAL" + suffix, Map.of(), Map.of());
        kit.happens("custom.paid_" + suffix, "oGOAL" + suffix, Map.of(), Map.of());

        assertThat(kit.awaitSent("oGOAL" + suffix, 1)).as("the order both converted and ended the wait")
                .hasSize(1);
        JourneyStats after = statistics.stats(JourneyKit.TENANT, journey, null, null);
        assertThat(after.goal()).isEqualTo(1);
        assertThat(after.active()).as("not ended by the goal").isEqualTo(1);
        kit.happens("custom.paid_" + suffix, "oGOAL" + suffix, Map.of(), Map.of());
        JourneyStats done = statistics.stats(JourneyKit.TENANT, journey, null, null);
        assertThat(done.goal()).as("a second order is not a second conversion").isEqualTo(1);
        assertThat(done.completed()).isEqualTo(1);
        assertThat(done.nodes().get("done").completed()).isEqualTo(1);
        assertThat(kit.steps("oGOAL" + suffix)).filteredOn(step -> step.outcome().equals("GOAL_REACHED"))
                .hasSize(1);
    }

    @Test
    void theLoopGuardIsGivenAsTheReason() {
        long journey = published("""
                {"key": "again-%1$s", "name": "Every time, at most hourly",
                 "trigger": {"event": "custom.ping_%1$s"},
                 "entry": {"policy": "EVERY_TIME", "minInterval": "PT1H"},
                 "start": "hello",
                 "nodes": {"hello": {"type": "send", "channel": "wechat.template",
                                     "message": {"templateId": "TPL_HELLO"}}}}""".formatted(suffix));
        kit.happens("custom.ping_" + suffix, "oPING" + suffix, Map.of(), Map.of());
        kit.advance(Duration.ofMinutes(10));
        kit.happens("custom.ping_" + suffix, "oPING" + suffix, Map.of(), Map.of());

        ContactJourneys.NotEntered guard = notEntered("oPING", journey);
        assertThat(guard.reason()).isEqualTo(NotEnteredReason.MIN_INTERVAL);
        assertThat(guard.decision().detail()).contains("minInterval PT1H");
        kit.advance(Duration.ofHours(1));
        kit.happens("custom.ping_" + suffix, "oPING" + suffix, Map.of(), Map.of());
        assertThat(contactJourneys.of(JourneyKit.TENANT, kit.contactId("oPING" + suffix)).notEntered())
                .as("entered again after the interval: the old refusal is history")
                .noneMatch(n -> n.journey().id() == journey);
        assertThat(contactJourneys.of(JourneyKit.TENANT, kit.contactId("oPING" + suffix)).instances())
                .filteredOn(e -> e.journey().id() == journey).hasSize(2);
    }

    /** Created and published through the catalog, as the admin API does (so the journey row says PUBLISHED). */
    private long published(String json) {
        long id = catalog.create(JourneyKit.TENANT, json).id();
        lifecycle.publish(JourneyKit.TENANT, id, Map.of());
        return id;
    }

    private ContactJourneys.NotEntered notEntered(String openid, long journeyId) {
        return contactJourneys.of(JourneyKit.TENANT, kit.contactId(openid + suffix)).notEntered().stream()
                .filter(n -> n.journey().id() == journeyId).findFirst().orElseThrow(() -> new AssertionError(
                        openid + " has no not-entered entry for journey " + journeyId));
    }
}
