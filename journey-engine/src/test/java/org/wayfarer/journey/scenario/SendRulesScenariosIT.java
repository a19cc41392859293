package org.wayfarer.journey.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.wayfarer.journey.definition.FrequencyCap;
import org.wayfarer.journey.dispatch.OutboxMessage;
import org.wayfarer.journey.dispatch.OutboxStatus;
import org.wayfarer.journey.runtime.StepRecord;
import org.wayfarer.journey.settings.TenantSettings;

/**
 * Quiet hours and frequency caps end to end: a send that falls in quiet hours or over a cap is deferred to its slot
 * (and sent then, not before), or dropped with a reason past the journey's expiry; the step log and the counters say
 * so. Quiet hours are set around the mutable clock's now, so the tests hold whenever they run.
 */
@SpringBootTest(classes = EngineTestApplication.class)
class SendRulesScenariosIT {

    @DynamicPropertySource
    static void embedded(DynamicPropertyRegistry registry) {
        String name = "wf_send_rules_" + UUID.randomUUID().toString().replace("-", "");
        registry.add("spring.datasource.url",
                () -> "jdbc:h2:mem:" + name + ";MODE=MySQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1");
        registry.add("wayfarer.crypto.key", () -> "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=");
    }

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @Autowired
    ApplicationContext context;
    @Autowired
    TenantSettings settings;

    private JourneyKit kit;
    private String suffix;

    @BeforeEach
    void kit() {
        kit = new JourneyKit(context);
        suffix = UUID.randomUUID().toString().substring(0, 8);
    }

    @AfterEach
    void clearTenantRules() {
        settings.putCaps(JourneyKit.TENANT, List.of(), kit.now());
        settings.putQuietHours(JourneyKit.TENANT, null, kit.now());
    }

    private String twoTemplates(String rules) {
        return """
                {"key": "rules-%1$s", "name": "Two templates", "trigger": {"event": "custom.joined_%1$s"},
                 %2$s "start": "first",
                 "nodes": {
                   "first": {"type": "send", "channel": "wechat.template", "message": {"templateId": "TPL_1"},
                             "next": "second"},
                   "second": {"type": "send", "channel": "wechat.template", "message": {"templateId": "TPL_2"}}}}
                """.formatted(suffix, rules);
    }

    /** Quiet from an hour ago to two hours ahead (whole minutes), in Shanghai time. */
    private String quietNow() {
        LocalTime local = kit.now().atZone(SHANGHAI).toLocalTime().truncatedTo(ChronoUnit.MINUTES);
        return "{\"from\": \"%s\", \"to\": \"%s\", \"zone\": \"Asia/Shanghai\"}"
                .formatted(local.minusHours(1), local.plusHours(2));
    }

    private Instant quietEnds() {
        return kit.now().atZone(SHANGHAI).truncatedTo(ChronoUnit.MINUTES).plusHours(2).toInstant();
    }

    @Test
    void aSendInTheJourneysQuietHoursWaitsForTheWindowAndGoesOutThen() {
        long journey = kit.publish(twoTemplates("\"quietHours\": " + quietNow() + ","));

        kit.happens("custom.joined_" + suffix, "oNIGHT", Map.of(), Map.of());

        List<OutboxMessage> queued = kit.queuedFor("oNIGHT");
        assertThat(queued).hasSize(2).allSatisfy(m -> assertThat(m.nextAttemptAt()).isEqualTo(quietEnds()));
        assertThat(kit.steps("oNIGHT")).extracting(StepRecord::outcome).containsSubsequence("SEND_DEFERRED",
                "SEND_DEFERRED");
        assertThat(kit.steps("oNIGHT").stream().filter(s -> s.outcome().equals("SEND_DEFERRED")).findFirst()
                .orElseThrow().detail()).isEqualTo("wechat.template quiet hours until " + quietEnds() + " (priority 50)");
        assertThat(kit.counters(journey).get("first")).containsEntry("deferred", 1L);

        kit.advance(Duration.between(kit.now(), quietEnds()).plusSeconds(1));
        assertThat(kit.awaitSent("oNIGHT", 2)).extracting(d -> d.message().get("templateId"))
                .containsExactlyInAnyOrder("TPL_1", "TPL_2");
    }

    @Test
    void theTenantsCapDefersTheSecondTemplateByADayAndTheJourneysExpiryDropsIt() {
        settings.putCaps(JourneyKit.TENANT, List.of(new FrequencyCap("wechat.template", 1, Duration.ofDays(1))),
                kit.now());
        long deferring = kit.publish(twoTemplates("\"expiry\": \"P2D\","));
        kit.happens("custom.joined_" + suffix, "oCAPPED", Map.of(), Map.of());

        assertThat(kit.awaitSent("oCAPPED", 1).get(0).message()).containsEntry("templateId", "TPL_1");
        OutboxMessage second = kit.queuedFor("oCAPPED").stream()
                .filter(m -> m.nodeId().equals("second")).findFirst().orElseThrow();
        assertThat(second.nextAttemptAt()).isEqualTo(kit.now().plus(Duration.ofDays(1)));
        assertThat(kit.counters(deferring).get("second")).containsEntry("deferred", 1L);

        String dropping = twoTemplates("\"expiry\": \"PT12H\",").replace("rules-" + suffix, "drop-" + suffix)
                .replace("custom.joined_" + suffix, "custom.dropped_" + suffix);
        kit.publish(dropping);
        kit.happens("custom.dropped_" + suffix, "oDROPPED", Map.of(), Map.of());
        kit.awaitSent("oDROPPED", 1);
        assertThat(kit.steps("oDROPPED")).filteredOn(s -> s.outcome().equals("SEND_DROPPED")).singleElement()
                .satisfies(step -> assertThat(step.detail()).startsWith("wechat.template: capped at 1 per PT24H"
                        + " on wechat.template until ").endsWith("past the expiry PT12H"));
        await().untilAsserted(() -> assertThat(kit.queuedFor("oDROPPED")).hasSize(1));
    }

    @Test
    void aJourneysOwnCapOverridesTheTenantsForItsChannel() {
        settings.putCaps(JourneyKit.TENANT, List.of(new FrequencyCap("wechat.template", 1, Duration.ofDays(7))),
                kit.now());
        kit.publish(twoTemplates("\"caps\": [{\"channel\": \"wechat.template\", \"max\": 5, \"per\": \"P1D\"}],"));

        kit.happens("custom.joined_" + suffix, "oLOOSE", Map.of(), Map.of());

        assertThat(kit.awaitSent("oLOOSE", 2)).hasSize(2);
    }

    private String receipt() {
        return """
                {"key": "receipt-%1$s", "name": "Order receipt", "trigger": {"event": "custom.paid_%1$s"},
                 "priority": 80, "start": "receipt",
                 "nodes": {"receipt": {"type": "send", "channel": "wechat.template",
                                       "message": {"templateId": "TPL_RECEIPT"}}}}
                """.formatted(suffix);
    }

    @Test
    void aReceiptOfHigherPriorityTakesTheSlotOfADeferredUpsellWhichGoesOutADayLater() {
        settings.putCaps(JourneyKit.TENANT, List.of(new FrequencyCap("wechat.template", 1, Duration.ofDays(1))),
                kit.now());
        long upsell = kit.publish(twoTemplates("\"priority\": 30, \"expiry\": \"P3D\","));
        long receipt = kit.publish(receipt());
        Instant joined = kit.now();
        kit.happens("custom.joined_" + suffix, "oPRIORITY", Map.of(), Map.of());
        kit.awaitSent("oPRIORITY", 1);

        kit.happens("custom.paid_" + suffix, "oPRIORITY", Map.of(), Map.of());

        Instant tomorrow = joined.plus(Duration.ofDays(1));
        assertThat(kit.queuedFor("oPRIORITY")).filteredOn(m -> m.status() == OutboxStatus.PENDING)
                .extracting(OutboxMessage::nodeId, OutboxMessage::nextAttemptAt)
                .containsExactlyInAnyOrder(tuple("receipt", tomorrow),
                        tuple("second", tomorrow.plus(Duration.ofDays(1))));
        assertThat(kit.steps("oPRIORITY")).filteredOn(step -> step.outcome().equals("SEND_DISPLACED"))
                .singleElement().satisfies(step -> {
                    assertThat(step.nodeId()).isEqualTo("second");
                    assertThat(step.journeyId()).isEqualTo(upsell);
                    assertThat(step.detail()).isEqualTo("wechat.template gave its slot " + tomorrow
                            + " to a priority 80 send of journey " + receipt + "; capped at 1 per PT24H on"
                            + " wechat.template until " + tomorrow.plus(Duration.ofDays(1)) + " (priority 30)");
                });
        assertThat(kit.steps("oPRIORITY")).filteredOn(step -> step.journeyId() == receipt)
                .extracting(StepRecord::detail).contains("wechat.template capped at 1 per PT24H on wechat.template"
                        + " until " + tomorrow + " (priority 80, ahead of 1 deferred send(s) of lower priority)");
        assertThat(kit.counters(upsell).get("second")).containsEntry("deferred", 1L).containsEntry("displaced", 1L);
        assertThat(kit.counters(receipt).get("receipt")).containsEntry("deferred", 1L);

        kit.advance(Duration.between(kit.now(), tomorrow).plusSeconds(1));
        assertThat(kit.awaitSent("oPRIORITY", 2).get(1).message()).containsEntry("templateId", "TPL_RECEIPT");
        kit.advance(Duration.ofDays(1));
        assertThat(kit.awaitSent("oPRIORITY", 3).get(2).message()).containsEntry("templateId", "TPL_2");
    }

    @Test
    void aDisplacedSendWhoseNextSlotIsPastItsExpiryIsDroppedWithTheReasonNotLeftToGoOut() {
        settings.putCaps(JourneyKit.TENANT, List.of(new FrequencyCap("wechat.template", 1, Duration.ofDays(1))),
                kit.now());
        long upsell = kit.publish(twoTemplates("\"priority\": 30, \"expiry\": \"PT30H\","));
        kit.publish(receipt());
        kit.happens("custom.joined_" + suffix, "oBUMPED", Map.of(), Map.of());
        kit.awaitSent("oBUMPED", 1);

        kit.happens("custom.paid_" + suffix, "oBUMPED", Map.of(), Map.of());

        assertThat(kit.queuedFor("oBUMPED")).filteredOn(m -> m.nodeId().equals("second")).singleElement()
                .satisfies(second -> {
                    assertThat(second.status()).isEqualTo(OutboxStatus.DROPPED);
                    assertThat(second.errorCode()).isEqualTo("DISPLACED");
                    assertThat(second.errorMessage()).contains("past the expiry PT30H");
                });
        assertThat(kit.steps("oBUMPED")).filteredOn(step -> step.outcome().equals("SEND_DROPPED"))
                .singleElement().satisfies(step -> assertThat(step.detail())
                        .startsWith("wechat.template: gave its slot to a priority 80 send of journey ")
                        .endsWith("past the expiry PT30H"));
        assertThat(kit.counters(upsell).get("second")).containsEntry("dropped", 1L)
                .doesNotContainKey("displaced");

        kit.advance(Duration.ofDays(3));
        assertThat(kit.awaitSent("oBUMPED", 2)).extracting(d -> d.message().get("templateId"))
                .containsExactly("TPL_1", "TPL_RECEIPT");
    }
}
