package org.wayfarer.journey.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
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
import org.wayfarer.journey.Transactions;
import org.wayfarer.journey.catalog.JourneyCatalog;
import org.wayfarer.journey.catalog.JourneyLifecycle;
import org.wayfarer.journey.catalog.JourneyStateException;
import org.wayfarer.journey.catalog.JourneyStatus;
import org.wayfarer.journey.catalog.JourneyStore;
import org.wayfarer.journey.catalog.StoredJourney;
import org.wayfarer.journey.channel.Delivery;
import org.wayfarer.journey.runtime.InstanceStatus;
import org.wayfarer.journey.runtime.JourneyInstance;
import org.wayfarer.journey.runtime.StepRecord;
import org.wayfarer.journey.stats.JourneyStatistics;
import org.wayfarer.journey.stats.JourneyStats;

/**
 * Versions and lifecycle end to end on H2 with the mutable clock, through the catalog and lifecycle services the
 * admin API calls: pause holds timers and resume runs them (late, saying why), a paused journey takes no entries but
 * its exit criteria still end instances and its awaited events are remembered, stop ends every live instance,
 * publishing with a migration moves waiting instances onto the new version. Event types carry a per-test suffix.
 */
@SpringBootTest(classes = EngineTestApplication.class)
class LifecycleScenariosIT {

    @DynamicPropertySource
    static void embedded(DynamicPropertyRegistry registry) {
        String name = "wf_lifecycle_" + UUID.randomUUID().toString().replace("-", "");
        registry.add("spring.datasource.url",
                () -> "jdbc:h2:mem:" + name + ";MODE=MySQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1");
        registry.add("wayfarer.crypto.key", () -> "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=");
    }

    @Autowired
    ApplicationContext context;
    @Autowired
    JourneyCatalog catalog;
    @Autowired
    JourneyLifecycle lifecycle;
    @Autowired
    JourneyStatistics statistics;

    private JourneyKit kit;
    private String suffix;

    @BeforeEach
    void kit() {
        kit = new JourneyKit(context);
        suffix = UUID.randomUUID().toString().substring(0, 8);
    }

    /** Welcome at once, then after {@code wait} a nudge; leaving ({@code custom.left}) exits. */
    private String welcomeThenNudge(String wait) {
        return """
                {"key": "nudge-%1$s", "name": "Welcome, then a nudge",
                 "trigger": {"event": "custom.joined_%1$s"},
                 "exitWhen": [{"event": "custom.left_%1$s"}],
                 "start": "welcome",
                 "nodes": {
                   "welcome": {"type": "send", "channel": "wechat.template",
                               "message": {"templateId": "TPL_WELCOME"}, "next": "wait"},
                   "wait": {"type": "wait", "duration": "%2$s", "next": "nudge"},
                   "nudge": {"type": "send", "channel": "wechat.template", "message": {"templateId": "TPL_NUDGE"}}}}
                """.formatted(suffix, wait);
    }

    @Test
    void pauseHoldsAWaitThatFallsDueAndResumeRunsItLateSayingWhy() {
        long journey = published(welcomeThenNudge("PT1H"));
        kit.happens("custom.joined_" + suffix, "oHELD", Map.of(), Map.of());
        assertThat(kit.awaitSent("oHELD", 1)).hasSize(1);
        Instant due = kit.liveInstances("oHELD").get(0).wakeAt();
        Instant pausedAt = kit.now();

        assertThat(lifecycle.pause(JourneyKit.TENANT, journey).status()).isEqualTo(JourneyStatus.PAUSED);
        kit.advanceAndFire(Duration.ofHours(2));

        await().untilAsserted(() -> assertThat(kit.steps("oHELD")).extracting(StepRecord::outcome).contains("HELD"));
        assertThat(kit.queuedFor("oHELD")).as("the nudge is held, not sent").hasSize(1);
        JourneyInstance held = kit.liveInstances("oHELD").get(0);
        assertThat(held.status()).isEqualTo(InstanceStatus.WAITING);
        assertThat(held.wakeAt()).as("out of the timer claims' reach").isNull();

        kit.advance(Duration.ofHours(1));
        Instant resumedAt = kit.now();
        assertThat(lifecycle.resume(JourneyKit.TENANT, journey).status()).isEqualTo(JourneyStatus.PUBLISHED);
        kit.advanceAndFire(Duration.ZERO);

        assertThat(kit.awaitSent("oHELD", 2).get(1).message()).containsEntry("templateId", "TPL_NUDGE");
        assertThat(kit.steps("oHELD")).extracting(StepRecord::nodeId, StepRecord::outcome)
                .containsSubsequence(tuple("wait", "WAITING"), tuple("wait", "HELD"), tuple("wait", "RESUMED_LATE"),
                        tuple("wait", "RESUMED"), tuple("nudge", "SEND_QUEUED"));
        assertThat(step("oHELD", "RESUMED_LATE").detail()).isEqualTo("due " + due + ", PT2H late: paused from "
                + pausedAt + " to " + resumedAt);
    }

    /**
     * A resume whose release of the held timers was cut short (here: the journey row written as a crash would leave
     * it, resumed with its pause not cleared) is finished by the engine's periodic task, on this node or any other.
     */
    @Test
    void aResumeCutShortIsFinishedByTheEngine() {
        long journey = published(welcomeThenNudge("PT1H"));
        kit.happens("custom.joined_" + suffix, "oCUTSHORT", Map.of(), Map.of());
        kit.awaitSent("oCUTSHORT", 1);
        lifecycle.pause(JourneyKit.TENANT, journey);
        kit.advanceAndFire(Duration.ofHours(2));
        await().untilAsserted(() -> assertThat(kit.steps("oCUTSHORT")).extracting(StepRecord::outcome)
                .contains("HELD"));

        JourneyStore journeys = context.getBean(JourneyStore.class);
        context.getBean(Transactions.class).run(() -> {
            StoredJourney paused = journeys.find(JourneyKit.TENANT, journey).orElseThrow();
            journeys.update(paused.withLifecycle(JourneyStatus.PUBLISHED, paused.pausedAt(), kit.now(), kit.now()));
        });

        assertThat(kit.awaitSent("oCUTSHORT", 2).get(1).message()).containsEntry("templateId", "TPL_NUDGE");
        assertThat(kit.steps("oCUTSHORT")).extracting(StepRecord::outcome).contains("RESUMED_LATE");
        await().untilAsserted(() -> assertThat(journeys.find(JourneyKit.TENANT, journey).orElseThrow().pausedAt())
                .as("the pause is over").isNull());
    }

    @Test
    void aWaitThatFallsDueAfterTheResumeFiresOnTime() {
        long journey = published(welcomeThenNudge("PT2H"));
        kit.happens("custom.joined_" + suffix, "oONTIME", Map.of(), Map.of());
        kit.awaitSent("oONTIME", 1);

        lifecycle.pause(JourneyKit.TENANT, journey);
        kit.advanceAndFire(Duration.ofMinutes(30));
        lifecycle.resume(JourneyKit.TENANT, journey);
        kit.advanceAndFire(Duration.ofMinutes(89));
        assertThat(kit.queuedFor("oONTIME")).as("not due yet").hasSize(1);
        kit.advanceAndFire(Duration.ofMinutes(1));

        assertThat(kit.awaitSent("oONTIME", 2).get(1).message()).containsEntry("templateId", "TPL_NUDGE");
        assertThat(kit.steps("oONTIME")).extracting(StepRecord::outcome)
                .contains("RESUMED").doesNotContain("HELD", "RESUMED_LATE");
    }

    @Test
    void aPausedJourneyTakesNoEntriesUntilItIsResumed() {
        long journey = published(welcomeThenNudge("PT1H"));
        lifecycle.pause(JourneyKit.TENANT, journey);

        kit.happens("custom.joined_" + suffix, "oWHILEPAUSED", Map.of(), Map.of());
        assertThat(kit.liveInstances("oWHILEPAUSED")).isEmpty();
        assertThat(kit.queuedFor("oWHILEPAUSED")).isEmpty();

        lifecycle.resume(JourneyKit.TENANT, journey);
        kit.happens("custom.joined_" + suffix, "oAFTER", Map.of(), Map.of());
        assertThat(kit.awaitSent("oAFTER", 1)).hasSize(1);
        assertThat(kit.liveInstances("oWHILEPAUSED")).as("the event during the pause is not replayed").isEmpty();
    }

    @Test
    void exitWhenStillEndsAnInstanceDuringThePauseAndSendsNothing() {
        long journey = published(welcomeThenNudge("PT1H"));
        kit.happens("custom.joined_" + suffix, "oLEAVER", Map.of(), Map.of());
        kit.awaitSent("oLEAVER", 1);
        long instance = kit.liveInstances("oLEAVER").get(0).id();
        lifecycle.pause(JourneyKit.TENANT, journey);

        kit.happens("custom.left_" + suffix, "oLEAVER", Map.of(), Map.of());

        assertThat(kit.instance(instance).status()).isEqualTo(InstanceStatus.EXITED);
        assertThat(kit.instance(instance).endReason()).isEqualTo("exit-when:custom.left_" + suffix);
        lifecycle.resume(JourneyKit.TENANT, journey);
        kit.advanceAndFire(Duration.ofHours(2));
        assertThat(kit.queuedFor("oLEAVER")).as("only the welcome, before the pause").hasSize(1);
    }

    @Test
    void anAwaitedEventDuringThePauseIsRememberedAndTheInstanceGoesOnWhenResumed() {
        long journey = published("""
                {"key": "cart-%1$s", "name": "Abandoned cart", "trigger": {"event": "custom.cart_abandoned_%1$s"},
                 "start": "paid",
                 "nodes": {
                   "paid": {"type": "waitFor", "event": "custom.order_paid_%1$s", "timeout": "PT1H",
                            "next": "thanks", "timeoutNext": "coupon"},
                   "thanks": {"type": "send", "channel": "wechat.template",
                              "message": {"templateId": "TPL_THANKS",
                                          "data": {"character_string1": "{{waited.paid.orderId}}"}}},
                   "coupon": {"type": "send", "channel": "wechat.template", "message": {"templateId": "TPL_COUPON"}}}}
                """.formatted(suffix));
        kit.happens("wechat.followed", "oBUYER", Map.of(), Map.of());
        kit.happensVia("api", "custom.cart_abandoned_" + suffix, "oBUYER", Map.of("cartId", "C-1"), Map.of());
        long instance = kit.liveInstances("oBUYER").get(0).id();
        lifecycle.pause(JourneyKit.TENANT, journey);

        kit.advance(Duration.ofMinutes(10));
        kit.happensVia("api", "custom.order_paid_" + suffix, "oBUYER", Map.of("orderId", "O-7"), Map.of());
        kit.happensVia("api", "custom.order_paid_" + suffix, "oBUYER", Map.of("orderId", "O-8"), Map.of());
        kit.advanceAndFire(Duration.ofMinutes(5));

        await().untilAsserted(() -> assertThat(kit.steps("oBUYER")).extracting(StepRecord::outcome)
                .contains("EVENT_ARRIVED", "HELD"));
        assertThat(kit.instance(instance).status()).isEqualTo(InstanceStatus.WAITING);
        assertThat(kit.queuedFor("oBUYER")).as("nothing runs while paused").isEmpty();

        kit.advance(Duration.ofMinutes(5));
        lifecycle.resume(JourneyKit.TENANT, journey);
        kit.advanceAndFire(Duration.ZERO);

        Delivery thanks = kit.awaitSent("oBUYER", 1).get(0);
        assertThat(thanks.message()).containsEntry("templateId", "TPL_THANKS")
                .containsEntry("data", Map.of("character_string1", "O-7"));
        assertThat(kit.steps("oBUYER")).extracting(StepRecord::nodeId, StepRecord::outcome)
                .containsSubsequence(tuple("paid", "EVENT_ARRIVED"), tuple("paid", "RESUMED_LATE"),
                        tuple("paid", "CONTINUED"), tuple("thanks", "SEND_QUEUED"));
        assertThat(kit.instance(instance).status()).isEqualTo(InstanceStatus.COMPLETED);
        kit.advanceAndFire(Duration.ofHours(2));
        assertThat(kit.queuedFor("oBUYER")).as("the timeout never fires after the event").hasSize(1);
    }

    @Test
    void stopEndsEveryLiveInstanceOfEveryVersionWithItsReasonAndCountsThem() {
        String v1 = welcomeThenNudge("PT1H");
        long journey = published(v1);
        kit.happens("custom.joined_" + suffix, "oDONE", Map.of(), Map.of());
        kit.awaitSent("oDONE", 1);
        kit.advanceAndFire(Duration.ofMinutes(61));
        kit.awaitSent("oDONE", 2);
        kit.happens("custom.joined_" + suffix, "oV1", Map.of(), Map.of());
        kit.happens("custom.joined_" + suffix, "oV1b", Map.of(), Map.of());
        catalog.replaceDraft(JourneyKit.TENANT, journey, v1.replace("PT1H", "PT3H"));
        lifecycle.publish(JourneyKit.TENANT, journey, Map.of());
        kit.happens("custom.joined_" + suffix, "oV2", Map.of(), Map.of());
        kit.happens("custom.joined_" + suffix, "oV2b", Map.of(), Map.of());
        kit.awaitSent("oV2b", 1);
        lifecycle.pause(JourneyKit.TENANT, journey);
        assertThat(kit.liveInstances("oV1")).extracting(JourneyInstance::journeyVersion).containsExactly(1);
        assertThat(kit.liveInstances("oV2")).extracting(JourneyInstance::journeyVersion).containsExactly(2);

        assertThat(lifecycle.stop(JourneyKit.TENANT, journey).status()).isEqualTo(JourneyStatus.STOPPED);

        for (String openid : List.of("oV1", "oV1b", "oV2", "oV2b")) {
            assertThat(kit.liveInstances(openid)).isEmpty();
            StepRecord exited = step(openid, "EXITED");
            assertThat(exited.detail()).isEqualTo("stopped");
            assertThat(kit.instance(exited.instanceId()).endReason()).isEqualTo("stopped");
        }
        JourneyStats stats = statistics.stats(JourneyKit.TENANT, journey, null, null);
        assertThat(stats.active()).isZero();
        assertThat(stats.completed()).isEqualTo(1);
        assertThat(stats.exited()).isEqualTo(4);
        assertThat(stats.entered()).isEqualTo(5)
                .isEqualTo(stats.active() + stats.completed() + stats.exited() + stats.failed());

        kit.happens("custom.joined_" + suffix, "oLATECOMER", Map.of(), Map.of());
        assertThat(kit.liveInstances("oLATECOMER")).as("a stopped journey takes no entries").isEmpty();
        kit.advanceAndFire(Duration.ofHours(4));
        assertThat(kit.queuedFor("oV1")).as("nothing runs after the stop").hasSize(1);
        assertThat(kit.queuedFor("oV2")).hasSize(1);
        assertThatThrownBy(() -> lifecycle.resume(JourneyKit.TENANT, journey))
                .isInstanceOf(JourneyStateException.class).hasMessageContaining("is STOPPED");
        assertThat(lifecycle.stop(JourneyKit.TENANT, journey).status()).as("stopping again is harmless")
                .isEqualTo(JourneyStatus.STOPPED);

        assertThat(lifecycle.publish(JourneyKit.TENANT, journey, Map.of()))
                .extracting(v -> v.status(), v -> v.publishedVersion())
                .containsExactly(JourneyStatus.PUBLISHED, 3);
        kit.happens("custom.joined_" + suffix, "oRESTARTED", Map.of(), Map.of());
        assertThat(kit.awaitSent("oRESTARTED", 1)).hasSize(1);
    }

    @Test
    void migrateMovesAWaitingInstanceToTheNewVersionsNodeAndAnUnmappedNodeStaysOnTheOldVersion() {
        String v1 = """
                {"key": "migrate-%1$s", "name": "Two nudges", "trigger": {"event": "custom.joined_%1$s"},
                 "start": "welcome",
                 "nodes": {
                   "welcome": {"type": "send", "channel": "wechat.template",
                               "message": {"templateId": "TPL_V1_WELCOME"}, "next": "first"},
                   "first": {"type": "wait", "duration": "PT1H", "next": "nudge"},
                   "nudge": {"type": "send", "channel": "wechat.template",
                             "message": {"templateId": "TPL_V1_NUDGE"}, "next": "second"},
                   "second": {"type": "wait", "duration": "PT1H", "next": "bye"},
                   "bye": {"type": "send", "channel": "wechat.template", "message": {"templateId": "TPL_V1_BYE"}}}}
                """.formatted(suffix);
        String v2 = """
                {"key": "migrate-%1$s", "name": "Two nudges", "trigger": {"event": "custom.joined_%1$s"},
                 "start": "welcome",
                 "nodes": {
                   "welcome": {"type": "send", "channel": "wechat.template",
                               "message": {"templateId": "TPL_V2_WELCOME"}, "next": "pause"},
                   "pause": {"type": "wait", "duration": "PT3H", "next": "offer"},
                   "offer": {"type": "send", "channel": "wechat.template",
                             "message": {"templateId": "TPL_V2_OFFER"}, "next": "later"},
                   "later": {"type": "wait", "duration": "PT1H", "next": "bye"},
                   "bye": {"type": "send", "channel": "wechat.template", "message": {"templateId": "TPL_V2_BYE"}}}}
                """.formatted(suffix);
        long journey = published(v1);
        kit.happens("custom.joined_" + suffix, "oAHEAD", Map.of(), Map.of());
        kit.advanceAndFire(Duration.ofHours(1));
        kit.awaitSent("oAHEAD", 2);
        kit.happens("custom.joined_" + suffix, "oBEHIND", Map.of(), Map.of());
        kit.awaitSent("oBEHIND", 1);
        Instant behindWakes = kit.liveInstances("oBEHIND").get(0).wakeAt();
        catalog.replaceDraft(JourneyKit.TENANT, journey, v2);

        assertThat(lifecycle.publish(JourneyKit.TENANT, journey, Map.of("first", "pause")).publishedVersion())
                .isEqualTo(2);

        JourneyInstance moved = kit.liveInstances("oBEHIND").get(0);
        assertThat(moved.journeyVersion()).isEqualTo(2);
        assertThat(moved.currentNode()).isEqualTo("pause");
        assertThat(moved.wakeAt()).as("keeps its wake-up time, not the new wait's 3 hours").isEqualTo(behindWakes);
        assertThat(step("oBEHIND", "MIGRATED").detail()).isEqualTo("v1:first -> v2:pause");
        JourneyInstance stayed = kit.liveInstances("oAHEAD").get(0);
        assertThat(stayed.journeyVersion()).as("waiting at an unmapped node").isEqualTo(1);
        assertThat(stayed.currentNode()).isEqualTo("second");

        kit.advanceAndFire(Duration.ofHours(1));

        assertThat(kit.awaitSent("oBEHIND", 2)).extracting(d -> d.message().get("templateId"))
                .as("the welcome is not sent again; the next send is the new version's")
                .containsExactly("TPL_V1_WELCOME", "TPL_V2_OFFER");
        assertThat(kit.awaitSent("oAHEAD", 3)).extracting(d -> d.message().get("templateId"))
                .containsExactly("TPL_V1_WELCOME", "TPL_V1_NUDGE", "TPL_V1_BYE");
        assertThat(lifecycle.publish(JourneyKit.TENANT, journey, Map.of("first", "pause")).publishedVersion())
                .as("repeating the publish publishes nothing and moves nothing").isEqualTo(2);
    }

    private long published(String json) {
        long id = catalog.create(JourneyKit.TENANT, json).id();
        lifecycle.publish(JourneyKit.TENANT, id, Map.of());
        return id;
    }

    /** The follower's only step with {@code outcome}. */
    private StepRecord step(String openid, String outcome) {
        List<StepRecord> found = kit.steps(openid).stream().filter(s -> s.outcome().equals(outcome)).toList();
        assertThat(found).as(outcome + " steps of " + openid).hasSize(1);
        return found.get(0);
    }
}
