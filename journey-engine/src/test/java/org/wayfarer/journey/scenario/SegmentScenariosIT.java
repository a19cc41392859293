package org.wayfarer.journey.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.wayfarer.journey.segment.SegmentMembers;
import org.wayfarer.journey.segment.SegmentRefresher;
import org.wayfarer.journey.segment.Segments;
import tools.jackson.databind.json.JsonMapper;

/**
 * Segment membership changes are events: a contact who becomes a member after an attribute sync is greeted by a
 * journey triggered on {@code segment.entered}; one whose last order leaves the 30-day window exits, and a journey on
 * {@code segment.exited} wins them back. The real engine on H2, with the mutable clock; refreshes are called here
 * (the schedule is set to an hour so that it stays out of the way).
 */
@SpringBootTest(classes = EngineTestApplication.class)
class SegmentScenariosIT {

    @DynamicPropertySource
    static void embedded(DynamicPropertyRegistry registry) {
        String name = "wf_segments_" + UUID.randomUUID().toString().replace("-", "");
        registry.add("spring.datasource.url",
                () -> "jdbc:h2:mem:" + name + ";MODE=MySQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1");
        registry.add("wayfarer.crypto.key", () -> "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=");
        registry.add("wayfarer.segments.refresh-interval", () -> "PT1H");
    }

    @Autowired
    ApplicationContext context;
    @Autowired
    Segments segments;
    @Autowired
    SegmentRefresher refresher;
    @Autowired
    SegmentMembers members;

    private JourneyKit kit;
    private String suffix;

    @BeforeEach
    void kit() {
        kit = new JourneyKit(context);
        suffix = UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void aContactWhoBecomesAGoldMemberAfterASyncIsWelcomedByTheSegmentJourney() {
        String key = "gold-" + suffix;
        kit.publish("""
                {"key": "welcome-%1$s", "name": "Welcome to gold", "start": "hi",
                 "trigger": {"event": "segment.entered", "when": "event.segment == '%2$s'"},
                 "nodes": {"hi": {"type": "send", "channel": "wechat.template",
                                  "message": {"templateId": "TPL_GOLD", "data": {"thing1": "{{event.segment}}"}}}}}
                """.formatted(suffix, key));
        kit.follows("oGOLD" + suffix, "store_1");
        segment(key, "{\"all\": [{\"attribute\": \"level_" + suffix + "\", \"op\": \"eq\", \"value\": \"gold\"}]}");
        assertThat(refresher.refresh(JourneyKit.TENANT, key).entered()).as("nobody is gold yet").isZero();

        kit.synced("oGOLD" + suffix, Map.of("level_" + suffix, "gold"));
        SegmentRefresher.Result refreshed = refresher.refresh(JourneyKit.TENANT, key);

        assertThat(refreshed.entered()).isEqualTo(1);
        assertThat(kit.awaitSent("oGOLD" + suffix, 1).get(0).message())
                .containsEntry("templateId", "TPL_GOLD").containsEntry("data", Map.of("thing1", key));
        assertThat(members.page(JourneyKit.TENANT, key, 0, 10)).containsExactly(kit.contactId("oGOLD" + suffix));
        assertThat(refresher.refresh(JourneyKit.TENANT, key).entered()).as("still a member: no new event").isZero();
        assertThat(kit.queuedFor("oGOLD" + suffix)).hasSize(1);
    }

    @Test
    void aBuyerExitsWhenTheThirtyDayOrderWindowPassesAndIsWonBack() {
        String key = "buyers-" + suffix;
        String order = "custom.paid_" + suffix;
        kit.publish("""
                {"key": "winback-%1$s", "name": "Win back lapsed buyers", "start": "miss",
                 "trigger": {"event": "segment.exited", "when": "event.segment == '%2$s'"},
                 "nodes": {"miss": {"type": "send", "channel": "wechat.template",
                                    "message": {"templateId": "TPL_MISS_YOU"}}}}
                """.formatted(suffix, key));
        segment(key, "{\"all\": [{\"event\": \"" + order + "\", \"within\": \"P30D\"}]}");
        kit.happensVia("api", order, "oBUYER" + suffix, Map.of("orderId", "A-1"), Map.of());
        assertThat(refresher.refresh(JourneyKit.TENANT, key).entered()).isEqualTo(1);
        assertThat(segments.count(JourneyKit.TENANT, key)).isEqualTo(1);

        kit.advance(Duration.ofDays(29));
        assertThat(refresher.refresh(JourneyKit.TENANT, key).exited()).as("day 29: still a buyer").isZero();
        kit.advance(Duration.ofDays(2));
        SegmentRefresher.Result refreshed = refresher.refresh(JourneyKit.TENANT, key);

        assertThat(refreshed.exited()).isEqualTo(1);
        assertThat(refreshed.members()).isZero();
        assertThat(kit.awaitSent("oBUYER" + suffix, 1).get(0).message())
                .containsEntry("templateId", "TPL_MISS_YOU");
        assertThat(segments.count(JourneyKit.TENANT, key)).isZero();
    }

    private void segment(String key, String filter) {
        segments.create(JourneyKit.TENANT, JsonMapper.shared().readTree(
                "{\"key\": \"" + key + "\", \"name\": \"" + key + "\", \"filter\": " + filter + "}"));
    }
}
