package org.wayfarer.journey.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.wayfarer.journey.calendar.HolidayCalendar;
import org.wayfarer.journey.definition.FrequencyCap;
import org.wayfarer.journey.definition.JourneyCompiler;
import org.wayfarer.journey.definition.JourneyDefinition;
import org.wayfarer.journey.definition.SendRules;
import org.wayfarer.journey.dispatch.OutboxMessage;
import org.wayfarer.journey.dispatch.OutboxStatus;
import org.wayfarer.journey.settings.SendSettings;

/**
 * Priority between a contact's sends: a send takes the slot of a deferred send of lower priority, which is placed
 * again under its own journey's rules (later, or dropped past its expiry); equal priority, sends already tried and
 * sends of unknown origin keep their slots. The tenant allows one template a day.
 */
class SendPlannerTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final HolidayCalendar CN = HolidayCalendar.bundled();
    private static final Duration DAY = Duration.ofDays(1);
    private static final SendSettings ONE_TEMPLATE_A_DAY = new SendSettings(null,
            List.of(new FrequencyCap("wechat.template", 1, DAY)));
    private static final Instant NOW = shanghai("2026-03-02T10:00");
    private static final Instant YESTERDAY = shanghai("2026-03-01T15:00");
    private static final Instant TODAY_1500 = YESTERDAY.plus(DAY);

    private final AtomicLong ids = new AtomicLong(100);

    private static Instant shanghai(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(SHANGHAI).toInstant();
    }

    /** A journey whose node {@code offer} sends a template, with {@code rules} spliced in. */
    private static JourneyDefinition journey(String rules) {
        return new JourneyCompiler(Set.of("wechat.template"), JourneyCompiler.Limits.defaults()).compile("""
                {"key": "upsell", "name": "Upsell", "trigger": {"event": "custom.order_paid"}, %s "start": "offer",
                 "nodes": {"offer": {"type": "send", "channel": "wechat.template",
                                     "message": {"templateId": "TPL_UPSELL"}}}}
                """.formatted(rules)).definition();
    }

    private OutboxMessage sentYesterday() {
        return new OutboxMessage(ids.incrementAndGet(), 1, ids.incrementAndGet(), 7, "welcome", 1, 9,
                "wechat.template", "wx", "o1", Map.of(), OutboxStatus.SENT, 1, YESTERDAY, "m1", null, null,
                YESTERDAY, YESTERDAY);
    }

    /** The upsell journey's template, queued at 09:00 today and deferred by the cap to 15:00. */
    private OutboxMessage deferredUpsell(int attempts) {
        Instant queued = shanghai("2026-03-02T09:00");
        return new OutboxMessage(ids.incrementAndGet(), 1, ids.incrementAndGet(), 8, "offer", 1, 9,
                "wechat.template", "wx", "o1", Map.of(), OutboxStatus.PENDING, attempts, TODAY_1500, null, null, null,
                queued, queued);
    }

    private static SendPlanner planner(int priority, List<OutboxMessage> history,
                                       Optional<SendPlanner.Origin> origin) {
        SendRules rules = new SendRules(null, List.of(), priority, Duration.ofDays(2));
        return new SendPlanner(ONE_TEMPLATE_A_DAY, rules, SHANGHAI, CN, () -> new ArrayList<>(history),
                message -> origin);
    }

    @Test
    void aHigherPriorityReceiptTakesTheSlotOfADeferredUpsellWhichMovesADayOn() {
        OutboxMessage upsell = deferredUpsell(0);
        SendPlanner receipt = planner(80, List.of(sentYesterday(), upsell),
                Optional.of(new SendPlanner.Origin(3, journey("\"priority\": 30, \"expiry\": \"P2D\","))));

        SendPlanner.Placement placement = receipt.place(NOW, "wechat.template", null);

        assertThat(placement.decision()).isEqualTo(new SendSlots.Deferred(TODAY_1500,
                "capped at 1 per PT24H on wechat.template"));
        assertThat(placement.displaced()).singleElement().satisfies(displaced -> {
            assertThat(displaced.message()).isEqualTo(upsell);
            assertThat(displaced.from()).isEqualTo(TODAY_1500);
            assertThat(displaced.journeyVersion()).isEqualTo(3);
            assertThat(displaced.priority()).isEqualTo(30);
            assertThat(displaced.decision()).isEqualTo(new SendSlots.Deferred(TODAY_1500.plus(DAY),
                    "capped at 1 per PT24H on wechat.template"));
        });
    }

    @Test
    void aDisplacedSendWhoseNextSlotIsPastItsOwnExpiryIsDropped() {
        SendPlanner receipt = planner(80, List.of(sentYesterday(), deferredUpsell(0)),
                Optional.of(new SendPlanner.Origin(1, journey("\"priority\": 30, \"expiry\": \"PT12H\","))));

        SendPlanner.Placement placement = receipt.place(NOW, "wechat.template", null);

        assertThat(placement.decision()).isEqualTo(new SendSlots.Deferred(TODAY_1500,
                "capped at 1 per PT24H on wechat.template"));
        assertThat(placement.displaced()).singleElement().extracting(SendPlanner.Displaced::decision)
                .isInstanceOfSatisfying(SendSlots.Dropped.class, dropped -> assertThat(dropped.reason())
                        .isEqualTo("capped at 1 per PT24H on wechat.template until " + TODAY_1500.plus(DAY)
                                + ", past the expiry PT12H"));
    }

    @Test
    void equalPriorityWaitsItsTurn() {
        SendPlanner same = planner(50, List.of(sentYesterday(), deferredUpsell(0)),
                Optional.of(new SendPlanner.Origin(1, journey(""))));

        SendPlanner.Placement placement = same.place(NOW, "wechat.template", null);

        assertThat(placement.decision()).isEqualTo(new SendSlots.Deferred(TODAY_1500.plus(DAY),
                "capped at 1 per PT24H on wechat.template"));
        assertThat(placement.displaced()).isEmpty();
    }

    @Test
    void aSendAlreadyTriedOrOfUnknownOriginKeepsItsSlot() {
        SendPlanner.Origin low = new SendPlanner.Origin(1, journey("\"priority\": 10,"));
        for (SendPlanner planner : List.of(planner(80, List.of(sentYesterday(), deferredUpsell(1)), Optional.of(low)),
                planner(80, List.of(sentYesterday(), deferredUpsell(0)), Optional.empty()))) {
            SendPlanner.Placement placement = planner.place(NOW, "wechat.template", null);

            assertThat(placement.displaced()).isEmpty();
            assertThat(placement.decision()).isEqualTo(new SendSlots.Deferred(TODAY_1500.plus(DAY),
                    "capped at 1 per PT24H on wechat.template"));
        }
    }

    @Test
    void aLowerPrioritySendThatKeepsItsSlotUnderItsOwnLooserCapStillCountsAgainstTheHigherOnesCap() {
        // the upsell journey allows five templates a day, so its 15:00 slot stands next to a 15:00 receipt; the
        // receipt's own rule (the tenant's one a day) counts the upsell, so the receipt goes the day after
        JourneyDefinition loose = journey("\"priority\": 10, \"caps\": [{\"channel\": \"wechat.template\","
                + " \"max\": 5, \"per\": \"P1D\"}],");
        SendPlanner receipt = planner(80, List.of(sentYesterday(), deferredUpsell(0)),
                Optional.of(new SendPlanner.Origin(1, loose)));

        SendPlanner.Placement placement = receipt.place(NOW, "wechat.template", null);

        assertThat(placement.displaced()).isEmpty();
        assertThat(placement.decision()).isEqualTo(new SendSlots.Deferred(TODAY_1500.plus(DAY),
                "capped at 1 per PT24H on wechat.template"));
    }

    @Test
    void theRunsNextSendSeesWhereTheDisplacedOneWent() {
        OutboxMessage upsell = deferredUpsell(0);
        SendPlanner receipt = planner(80, List.of(sentYesterday(), upsell),
                Optional.of(new SendPlanner.Origin(1, journey("\"priority\": 30, \"expiry\": \"P3D\","))));
        SendPlanner.Placement first = receipt.place(NOW, "wechat.template", null);
        receipt.placed(new OutboxMessage(ids.incrementAndGet(), 1, 2, 3, "receipt", 1, 9, "wechat.template", "wx",
                "o1", Map.of(), OutboxStatus.PENDING, 0, TODAY_1500, null, null, null, NOW, NOW));

        SendPlanner.Placement second = receipt.place(NOW, "wechat.template", null);

        assertThat(first.displaced()).hasSize(1);
        assertThat(second.displaced()).as("the upsell moved to tomorrow 15:00 and yields again")
                .singleElement().satisfies(displaced -> {
                    assertThat(displaced.from()).isEqualTo(TODAY_1500.plus(DAY));
                    assertThat(displaced.decision()).isEqualTo(new SendSlots.Deferred(
                            TODAY_1500.plus(DAY.multipliedBy(2)), "capped at 1 per PT24H on wechat.template"));
                });
        assertThat(second.decision()).isEqualTo(new SendSlots.Deferred(TODAY_1500.plus(DAY),
                "capped at 1 per PT24H on wechat.template"));
    }
}
