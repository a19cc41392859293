package org.wayfarer.journey.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
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
import org.wayfarer.journey.channel.Delivery;
import org.wayfarer.journey.runtime.InstanceStatus;
import org.wayfarer.journey.runtime.InstanceStore;
import org.wayfarer.journey.runtime.JourneyInstance;
import org.wayfarer.journey.runtime.TimerWheel;
import org.wayfarer.journey.testing.MutableClock;

/**
 * The engine end to end on H2 with its real workers, timer poller and dispatcher: entry policies, personalisation,
 * waits, branches, exit criteria, goals and versioning. Each test uses its own journey key and QR scene prefix so
 * the journeys published by other tests never match its events.
 */
@SpringBootTest(classes = EngineTestApplication.class)
class JourneyScenariosIT {

    @DynamicPropertySource
    static void embedded(DynamicPropertyRegistry registry) {
        String name = "wf_scenarios_" + UUID.randomUUID().toString().replace("-", "");
        registry.add("spring.datasource.url",
                () -> "jdbc:h2:mem:" + name + ";MODE=MySQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1");
        registry.add("wayfarer.crypto.key", () -> "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=");
    }

    @Autowired
    ApplicationContext context;
    @Autowired
    InstanceStore instances;
    @Autowired
    MutableClock clock;
    @Autowired
    TimerWheel timers;

    private JourneyKit kit;
    private String scene;

    @BeforeEach
    void kit() {
        kit = new JourneyKit(context);
        scene = "s" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void storeFollowerGetsWelcomeNamingStoreAndMember() {
        kit.publish(storeWelcome("welcome-" + scene, "ONCE"));
        kit.synced("oNAMED", Map.of("name", "王小明"));

        kit.follows("oNAMED", scene + "_store_001");
        kit.follows("oANON", scene + "_store_002");

        Delivery named = kit.awaitSent("oNAMED", 1).get(0);
        assertThat(named.channel()).isEqualTo("wechat.template");
        assertThat(named.account()).isEqualTo(JourneyKit.APP);
        assertThat(named.message()).containsEntry("templateId", "TPL_WELCOME")
                .containsEntry("url", "https://brand.example/hi")
                .containsEntry("data", Map.of("thing1", "王小明", "thing2", scene + "_store_001"));
        assertThat(kit.awaitSent("oANON", 1).get(0).message().get("data"))
                .isEqualTo(Map.of("thing1", "新朋友", "thing2", scene + "_store_002"));
    }

    @Test
    void followerFromAnotherSceneEntersNothing() {
        kit.publish(storeWelcome("welcome-" + scene, "ONCE"));

        kit.follows("oPOSTER", scene + "_poster_9");

        assertThat(kit.queuedFor("oPOSTER")).isEmpty();
        assertThat(kit.liveInstances("oPOSTER")).isEmpty();
    }

    @Test
    void nudgeGoesOutWhenTheWaitElapsesUnlessTheFollowerBecameMember() {
        kit.publish(storeWelcome("nudge-" + scene, "ONCE"));
        kit.follows("oGUEST", scene + "_store_1");
        kit.follows("oMEMBER", scene + "_store_1");
        kit.awaitSent("oGUEST", 1);
        kit.awaitSent("oMEMBER", 1);
        kit.synced("oMEMBER", Map.of("memberId", "M-1"));
        JourneyInstance waiting = kit.liveInstances("oGUEST").get(0);
        assertThat(waiting.status()).isEqualTo(InstanceStatus.WAITING);
        assertThat(waiting.wakeAt()).isEqualTo(clock.instant().plus(Duration.ofHours(24)));

        kit.advance(Duration.ofHours(23));
        timers.pollOnce();
        assertThat(kit.instance(waiting.id()).status()).as("not due yet").isEqualTo(InstanceStatus.WAITING);

        kit.advance(Duration.ofHours(1));

        List<Delivery> guest = kit.awaitSent("oGUEST", 2);
        assertThat(guest.get(1).message()).containsEntry("templateId", "TPL_JOIN")
                .containsEntry("data", Map.of("thing1", "会员日专享", "thing2", scene + "_store_1"));
        JourneyInstance member = instances.find(JourneyKit.TENANT, kit.queuedFor("oMEMBER").get(0).instanceId())
                .orElseThrow();
        org.awaitility.Awaitility.await().until(() -> kit.instance(member.id()).status() == InstanceStatus.COMPLETED);
        assertThat(kit.queuedFor("oMEMBER")).hasSize(1);
        assertThat(kit.instance(waiting.id()).status()).isEqualTo(InstanceStatus.COMPLETED);
    }

    @Test
    void unfollowingDuringTheWaitExitsTheJourney() {
        kit.publish(storeWelcome("exit-" + scene, "ONCE"));
        kit.follows("oLEAVER", scene + "_store_1");
        long welcomeDelivery = kit.awaitSent("oLEAVER", 1).get(0).deliveryId();
        JourneyInstance live = kit.liveInstances("oLEAVER").get(0);

        kit.happens("wechat.unfollowed", "oLEAVER", Map.of(), Map.of());
        kit.advance(Duration.ofHours(25));
        timers.pollOnce();

        JourneyInstance ended = kit.instance(live.id());
        assertThat(ended.status()).isEqualTo(InstanceStatus.EXITED);
        assertThat(ended.endReason()).isEqualTo("exit-when:wechat.unfollowed");
        assertThat(kit.queuedFor("oLEAVER")).extracting(m -> m.id()).containsExactly(welcomeDelivery);
    }

    @Test
    void oncePolicyNeverReentersEvenAfterTheJourneyEnded() {
        kit.publish(storeWelcome("once-" + scene, "ONCE"));
        kit.follows("oTWICE", scene + "_store_1");
        kit.awaitSent("oTWICE", 1);
        kit.happens("wechat.unfollowed", "oTWICE", Map.of(), Map.of());

        kit.follows("oTWICE", scene + "_store_2");

        assertThat(kit.queuedFor("oTWICE")).hasSize(1);
        assertThat(kit.liveInstances("oTWICE")).isEmpty();
    }

    @Test
    void oneAtATimeReentersOnlyAfterTheRunningInstanceEnded() {
        kit.publish(storeWelcome("single-" + scene, "ONE_AT_A_TIME"));
        kit.follows("oAGAIN", scene + "_store_1");
        kit.follows("oAGAIN", scene + "_store_2");
        assertThat(kit.queuedFor("oAGAIN")).as("second entry refused while the first waits").hasSize(1);

        kit.happens("wechat.unfollowed", "oAGAIN", Map.of(), Map.of());
        kit.follows("oAGAIN", scene + "_store_3");

        assertThat(kit.queuedFor("oAGAIN")).hasSize(2);
        assertThat(kit.liveInstances("oAGAIN")).hasSize(1);
    }

    @Test
    void everyTimePolicyEntersOnEachEventAndKeyedEntryOncePerKey() {
        String type = "custom.paid_" + scene;
        kit.publish(orderJourney("every-" + scene, type, "{\"policy\":\"EVERY_TIME\"}", "TPL_EVERY"));
        kit.publish(orderJourney("keyed-" + scene, type, "{\"policy\":\"ONCE\",\"key\":\"event.orderId\"}",
                "TPL_KEYED"));

        kit.happens(type, "oBUYER", Map.of("orderId", "A-1"), Map.of());
        kit.happens(type, "oBUYER", Map.of("orderId", "A-1"), Map.of());
        kit.happens(type, "oBUYER", Map.of("orderId", "B-2"), Map.of());

        List<Delivery> sent = kit.awaitSent("oBUYER", 5);
        assertThat(sent).filteredOn(d -> d.message().get("templateId").equals("TPL_EVERY")).hasSize(3);
        assertThat(sent).filteredOn(d -> d.message().get("templateId").equals("TPL_KEYED"))
                .extracting(d -> (Object) ((Map<?, ?>) d.message().get("data")).get("thing1"))
                .containsExactlyInAnyOrder((Object) "A-1", "B-2");
    }

    @Test
    void reachingTheGoalCompletesTheInstance() {
        kit.publish(storeWelcome("goal-" + scene, "ONCE"));
        kit.follows("oCONVERTS", scene + "_store_1");
        kit.awaitSent("oCONVERTS", 1);
        JourneyInstance live = kit.liveInstances("oCONVERTS").get(0);

        kit.happens("custom.member_bound", "oCONVERTS", Map.of(), Map.of());

        JourneyInstance done = kit.instance(live.id());
        assertThat(done.status()).isEqualTo(InstanceStatus.COMPLETED);
        assertThat(done.endReason()).isEqualTo("goal");
    }

    @Test
    void publishingANewVersionLeavesRunningInstancesOnTheirVersion() {
        long journeyId = kit.publish(storeWelcome("versions-" + scene, "ONCE"));
        kit.follows("oV1", scene + "_store_1");
        kit.awaitSent("oV1", 1);

        kit.publishVersion(journeyId, 2, storeWelcome("versions-" + scene, "ONCE").replace("TPL_JOIN", "TPL_JOIN_V2")
                .replace("TPL_WELCOME", "TPL_WELCOME_V2"));
        kit.follows("oV2", scene + "_store_1");
        kit.advance(Duration.ofHours(24));

        assertThat(kit.awaitSent("oV1", 2).get(1).message()).containsEntry("templateId", "TPL_JOIN");
        assertThat(kit.awaitSent("oV2", 2)).extracting(d -> d.message().get("templateId"))
                .containsExactly("TPL_WELCOME_V2", "TPL_JOIN_V2");
    }

    @Test
    void journeyFedByTheShopReachesTheFollowerThroughTheAccountTheyFollowed() {
        String type = "custom.cart_" + scene;
        kit.publish(orderJourney("shop-" + scene, type, "{\"policy\":\"EVERY_TIME\"}", "TPL_CART"));
        kit.happens("wechat.followed", "oSHOPPER", Map.of(), Map.of());

        kit.happensVia("api", type, "oSHOPPER", Map.of("orderId", "C-9"), Map.of());

        Delivery sent = kit.awaitSent("oSHOPPER", 1).get(0);
        assertThat(sent.account()).as("the account the follower is reachable by, not the source 'api'")
                .isEqualTo(JourneyKit.APP);
        assertThat(sent.message()).containsEntry("templateId", "TPL_CART");
    }

    private String storeWelcome(String key, String policy) {
        return """
                {"key": "%s", "name": "Welcome followers from store QR codes",
                 "trigger": {"event": "wechat.followed", "when": "event.scene != null && event.scene.startsWith('%s_store')"},
                 "entry": {"policy": "%s"},
                 "exitWhen": [{"event": "wechat.unfollowed"}],
                 "goal": {"event": "custom.member_bound", "within": "P7D"},
                 "start": "welcome",
                 "nodes": {
                   "welcome": {"type": "send", "channel": "wechat.template",
                               "message": {"templateId": "TPL_WELCOME", "url": "https://brand.example/hi",
                                           "data": {"thing1": "{{#contact.attributes.name}}{{contact.attributes.name}}{{/contact.attributes.name}}{{^contact.attributes.name}}新朋友{{/contact.attributes.name}}",
                                                    "thing2": "{{event.scene}}"}},
                               "next": "wait"},
                   "wait": {"type": "wait", "duration": "PT24H", "next": "member"},
                   "member": {"type": "branch", "cases": [{"when": "contact.attributes.memberId != null", "next": "done"}],
                              "otherwise": "nudge"},
                   "nudge": {"type": "send", "channel": "wechat.template",
                             "message": {"templateId": "TPL_JOIN", "data": {"thing1": "会员日专享", "thing2": "{{event.scene}}"}},
                             "next": "done"},
                   "done": {"type": "exit"}}}
                """.formatted(key, scene, policy);
    }

    private static String orderJourney(String key, String type, String entry, String template) {
        return """
                {"key": "%s", "name": "Thank buyers", "trigger": {"event": "%s"}, "entry": %s, "start": "thanks",
                 "nodes": {"thanks": {"type": "send", "channel": "wechat.template",
                                      "message": {"templateId": "%s", "data": {"thing1": "{{event.orderId}}"}}}}}
                """.formatted(key, type, entry, template);
    }
}
