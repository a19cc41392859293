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
import org.wayfarer.journey.runtime.JourneyInstance;

/**
 * The examples of the WeChat events in docs/architecture/journey-language.md, with properties shaped as the
 * official-account callback maps them (lists of objects included), stored and read back by the real event log.
 */
@SpringBootTest(classes = EngineTestApplication.class)
class WeChatEventScenariosIT {

    @DynamicPropertySource
    static void embedded(DynamicPropertyRegistry registry) {
        String name = "wf_wechat_events_" + UUID.randomUUID().toString().replace("-", "");
        registry.add("spring.datasource.url",
                () -> "jdbc:h2:mem:" + name + ";MODE=MySQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1");
        registry.add("wayfarer.crypto.key", () -> "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=");
    }

    @Autowired
    ApplicationContext context;

    private JourneyKit kit;
    private String suffix;

    @BeforeEach
    void kit() {
        kit = new JourneyKit(context);
        suffix = UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void aSubscriptionAcceptedInAPopupTriggersByEitherForm() {
        String template = "TPL_" + suffix;
        kit.publish("""
                {"key": "accepted-%1$s", "name": "Accepted", "start": "hi",
                 "trigger": {"event": "wechat.subscribe_msg_changed", "when": "event.accepted.contains('%2$s')"},
                 "nodes": {"hi": {"type": "send", "channel": "wechat.template",
                                  "message": {"templateId": "TPL_THANKS", "data": {"thing1": "{{event.event}}"}}}}}
                """.formatted(suffix, template));
        kit.publish("""
                {"key": "selected-%1$s", "name": "Selected", "start": "hi",
                 "trigger": {"event": "wechat.subscribe_msg_changed",
                             "when": "event.changes.?[templateId == '%2$s' && status == 'accept'].size() > 0"},
                 "nodes": {"hi": {"type": "send", "channel": "wechat.template",
                                  "message": {"templateId": "TPL_SELECTED"}}}}
                """.formatted(suffix, template));

        kit.happens("wechat.subscribe_msg_changed", "oACCEPTS", Map.of("event", "subscribe_msg_popup_event",
                "changes", List.of(Map.of("templateId", template, "status", "accept", "popupScene", 2L),
                        Map.of("templateId", "TPL_OTHER", "status", "reject", "popupScene", 2L)),
                "accepted", List.of(template), "rejected", List.of("TPL_OTHER")), Map.of());
        kit.happens("wechat.subscribe_msg_changed", "oREJECTS", Map.of("event", "subscribe_msg_change_event",
                "changes", List.of(Map.of("templateId", template, "status", "reject")),
                "accepted", List.of(), "rejected", List.of(template)), Map.of());

        List<Delivery> sent = kit.awaitSent("oACCEPTS", 2);
        assertThat(sent).extracting(delivery -> delivery.message().get("templateId"))
                .containsExactlyInAnyOrder("TPL_THANKS", "TPL_SELECTED");
        assertThat(sent).filteredOn(delivery -> delivery.message().get("templateId").equals("TPL_THANKS"))
                .singleElement().satisfies(delivery -> assertThat(delivery.message())
                        .containsEntry("data", Map.of("thing1", "subscribe_msg_popup_event")));
        assertThat(kit.queuedFor("oREJECTS")).isEmpty();
    }

    @Test
    void redeemingTheReceivedCardIsTheGoalAndEndsTheReminder() {
        String store = "store_" + suffix;
        kit.publish("""
                {"key": "redeem-%1$s", "name": "Redeem your coupon", "start": "wait",
                 "trigger": {"event": "wechat.card_received", "when": "event.outerStr == '%2$s'"},
                 "goal": {"event": "wechat.card_redeemed", "within": "P14D"},
                 "nodes": {"wait": {"type": "wait", "duration": "P3D", "next": "remind"},
                           "remind": {"type": "send", "channel": "wechat.template",
                                      "message": {"templateId": "TPL_REMIND", "data": {"thing1": "{{event.code}}"}}}}}
                """.formatted(suffix, store));
        Map<String, Object> received = Map.of("cardId", "pCARD", "code", "226009850808", "outerStr", store,
                "isGiveByFriend", 0, "isRestoreMemberCard", 0L);

        kit.happens("wechat.card_received", "oREDEEMS", received, Map.of());
        kit.happens("wechat.card_received", "oFORGETS", received, Map.of());
        JourneyInstance live = kit.liveInstances("oREDEEMS").get(0);
        kit.happens("wechat.card_redeemed", "oREDEEMS", Map.of("cardId", "pCARD", "code", "226009850808",
                "outerStr", store, "consumeSource", "FROM_MOBILE_HELPER", "locationName", "天河城店"), Map.of());
        kit.advanceAndFire(Duration.ofDays(3).plusMinutes(1));

        JourneyInstance done = kit.instance(live.id());
        assertThat(done.status()).isEqualTo(InstanceStatus.COMPLETED);
        assertThat(done.endReason()).isEqualTo("goal");
        assertThat(kit.awaitSent("oFORGETS", 1).get(0).message())
                .containsEntry("data", Map.of("thing1", "226009850808"));
        assertThat(kit.queuedFor("oREDEEMS")).isEmpty();
    }

    @Test
    void anEventOfNoKnownTypeTriggersByItsWeChatName() {
        kit.publish("""
                {"key": "viewed-card-%1$s", "name": "Viewed a card", "start": "hi",
                 "trigger": {"event": "wechat.event_received", "when": "event.event == 'user_view_card'"},
                 "nodes": {"hi": {"type": "send", "channel": "wechat.template",
                                  "message": {"templateId": "TPL_%1$s"}}}}
                """.formatted(suffix));

        kit.happens("wechat.event_received", "oVIEWS_" + suffix, Map.of("event", "user_view_card"), Map.of());
        kit.happens("wechat.event_received", "oSHAKES_" + suffix, Map.of("event", "ShakearoundUserShake"), Map.of());

        assertThat(kit.awaitSent("oVIEWS_" + suffix, 1).get(0).message()).containsEntry("templateId", "TPL_" + suffix);
        assertThat(kit.queuedFor("oSHAKES_" + suffix)).isEmpty();
    }
}
