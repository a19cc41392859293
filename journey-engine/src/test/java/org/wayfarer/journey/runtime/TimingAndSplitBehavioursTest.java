package org.wayfarer.journey.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.wayfarer.journey.definition.Facts;
import org.wayfarer.journey.definition.JourneyCompiler;
import org.wayfarer.journey.definition.JourneyDefinition;
import org.wayfarer.journey.definition.SplitNode;
import org.wayfarer.journey.definition.WaitForNode;

/** The decisions of the wait variants, waitFor and split: pure, so a replayed step decides the same. */
class TimingAndSplitBehavioursTest {

    private static final Instant NOW = Instant.parse("2026-03-01T08:00:00Z");

    private static final JourneyDefinition JOURNEY = new JourneyCompiler(Set.of("wechat.template"),
            JourneyCompiler.Limits.defaults()).compile("""
            {"key":"cart","name":"Cart","trigger":{"event":"custom.cart_abandoned"},"start":"fixed",
             "nodes":{
              "fixed":{"type":"wait","until":"2026-03-02T10:00:00+08:00","next":"morning"},
              "morning":{"type":"wait","timeOfDay":"10:00","days":"workdays","next":"tokyo"},
              "tokyo":{"type":"wait","timeOfDay":"10:00","zone":"Asia/Tokyo","next":"appointment"},
              "appointment":{"type":"wait","until":"event.appointmentAt","next":"paid"},
              "paid":{"type":"waitFor","event":"custom.order_paid","when":"event.amount >= 100","timeout":"PT1H",
                      "next":"bound","timeoutNext":"ab"},
              "bound":{"type":"waitFor","condition":"contact.attributes.phone != null","next":"ab"},
              "ab":{"type":"split","paths":[{"name":"A","weight":75,"next":"done"},
                                            {"name":"B","weight":25,"next":"done"}]},
              "done":{"type":"exit"}}}
            """).definition();

    private static StepContext ctx(Map<String, Object> attributes, Map<String, Object> event) {
        return new StepContext(new Facts(Map.of("id", 1L, "attributes", attributes), event), NOW, 42L);
    }

    @Test
    void waitUntilAFutureInstantSleepsUntilThen() {
        assertThat(NodeBehaviours.enter(JOURNEY.node("fixed"), ctx(Map.of(), Map.of())))
                .isEqualTo(new StepOutcome.WaitUntil(Instant.parse("2026-03-02T02:00:00Z"), "morning"));
    }

    @Test
    void timeOfDayOnWorkdaysSkipsChinasGoldenWeekInTheContactsZone() {
        StepContext eveOfGoldenWeek = new StepContext(new Facts(Map.of("attributes", Map.of()), Map.of()),
                Instant.parse("2025-09-30T04:00:00Z"), 1L);

        assertThat(NodeBehaviours.enter(JOURNEY.node("morning"), eveOfGoldenWeek))
                .isEqualTo(new StepOutcome.WaitUntil(Instant.parse("2025-10-09T02:00:00Z"), "tokyo"));
    }

    @Test
    void timeOfDayIsComputedInTheContactsZoneUnlessTheNodeNamesOne() {
        Facts inBerlin = new Facts(Map.of("attributes", Map.of("timezone", "Europe/Berlin")), Map.of());
        Facts badZone = new Facts(Map.of("attributes", Map.of("timezone", "Nowhere/City")), Map.of());

        assertThat(NodeBehaviours.enter(JOURNEY.node("morning"), new StepContext(inBerlin,
                Instant.parse("2026-03-02T08:00:00Z"), 1L)))
                .as("a Monday in Berlin: 10:00 CET is 09:00Z, the same day")
                .isEqualTo(new StepOutcome.WaitUntil(Instant.parse("2026-03-02T09:00:00Z"), "tokyo"));
        assertThat(NodeBehaviours.enter(JOURNEY.node("morning"), new StepContext(badZone,
                Instant.parse("2026-03-02T08:00:00Z"), 1L)))
                .as("an unknown zone falls back to Asia/Shanghai: 10:00+08 has passed, so Tuesday")
                .isEqualTo(new StepOutcome.WaitUntil(Instant.parse("2026-03-03T02:00:00Z"), "tokyo"));
        assertThat(NodeBehaviours.enter(JOURNEY.node("tokyo"), new StepContext(inBerlin,
                Instant.parse("2026-03-02T08:00:00Z"), 1L)))
                .isEqualTo(new StepOutcome.WaitUntil(Instant.parse("2026-03-03T01:00:00Z"), "appointment"));
    }

    @Test
    void waitUntilAnExpressionTakesIsoTextOrEpochMillis() {
        assertThat(NodeBehaviours.enter(JOURNEY.node("appointment"),
                ctx(Map.of(), Map.of("appointmentAt", "2026-03-05T09:30:00+08:00"))))
                .isEqualTo(new StepOutcome.WaitUntil(Instant.parse("2026-03-05T01:30:00Z"), "paid"));
        long millis = NOW.plusSeconds(90).toEpochMilli();
        assertThat(NodeBehaviours.enter(JOURNEY.node("appointment"), ctx(Map.of(), Map.of("appointmentAt", millis))))
                .isEqualTo(new StepOutcome.WaitUntil(NOW.plusSeconds(90), "paid"));
    }

    @Test
    void waitUntilThatHasPassedOrGivesNoInstantGoesStraightOnSayingWhy() {
        assertThat(NodeBehaviours.enter(JOURNEY.node("appointment"),
                ctx(Map.of(), Map.of("appointmentAt", "2026-02-01T00:00:00Z"))))
                .isEqualTo(new StepOutcome.Advance("paid", "until 2026-02-01T00:00:00Z has passed"));
        assertThat(NodeBehaviours.enter(JOURNEY.node("appointment"), ctx(Map.of(), Map.of("appointmentAt", "soon"))))
                .isEqualTo(new StepOutcome.Advance("paid", "until 'event.appointmentAt' gave no instant; not waiting"));
        assertThat(NodeBehaviours.enter(JOURNEY.node("appointment"), ctx(Map.of(), Map.of())))
                .isInstanceOf(StepOutcome.Advance.class);
    }

    @Test
    void waitForAnEventParksUntilItsTimeout() {
        assertThat(NodeBehaviours.enter(JOURNEY.node("paid"), ctx(Map.of(), Map.of())))
                .isEqualTo(new StepOutcome.WaitForEvent("custom.order_paid", NOW.plusSeconds(3600)));
    }

    @Test
    void waitForAConditionThatAlreadyHoldsGoesStraightOn() {
        assertThat(NodeBehaviours.enter(JOURNEY.node("bound"), ctx(Map.of("phone", "138"), Map.of())))
                .isEqualTo(new StepOutcome.Advance("ab", "condition already holds"));
        assertThat(NodeBehaviours.enter(JOURNEY.node("bound"), ctx(Map.of(), Map.of())))
                .isEqualTo(new StepOutcome.WaitForEvent("condition contact.attributes.phone != null", null));
    }

    @Test
    void anAwaitedEventArrivesOnlyWithItsTypeAndFilter() {
        WaitForNode paid = (WaitForNode) JOURNEY.node("paid");

        assertThat(NodeBehaviours.arrived(paid, "custom.order_paid", ctx(Map.of(), Map.of("amount", 120)).facts()))
                .isTrue();
        assertThat(NodeBehaviours.arrived(paid, "custom.order_paid", ctx(Map.of(), Map.of("amount", 20)).facts()))
                .isFalse();
        assertThat(NodeBehaviours.arrived(paid, "custom.order_refunded",
                ctx(Map.of(), Map.of("amount", 120)).facts())).isFalse();
        assertThat(NodeBehaviours.arrived(paid, "custom.order_paid", ctx(Map.of(), Map.of()).facts()))
                .as("a filter that cannot evaluate is false").isFalse();
    }

    @Test
    void aConditionArrivesOnAnyEventOnceItHolds() {
        WaitForNode bound = (WaitForNode) JOURNEY.node("bound");

        assertThat(NodeBehaviours.arrived(bound, "contact.updated", ctx(Map.of(), Map.of()).facts())).isFalse();
        assertThat(NodeBehaviours.arrived(bound, "wechat.menu_clicked", ctx(Map.of("phone", "1"), Map.of()).facts()))
                .isTrue();
    }

    @Test
    void aWebhookCallCarriesItsLimitsAndFailsAtItsDeadlineWithoutAnAnswer() {
        JourneyDefinition hooked = new JourneyCompiler(Set.of("wechat.template"), JourneyCompiler.Limits.defaults())
                .compile("""
                        {"key":"hook","name":"Hook","trigger":{"event":"custom.joined"},"start":"call",
                         "nodes":{"call":{"type":"webhook","url":"https://shop.example/api/{{event.shop}}",
                                          "timeout":"PT3S","retries":1,"secret":"k","next":"ok","failed":"ko"},
                                  "ok":{"type":"exit"},"ko":{"type":"exit"}}}""").definition();

        StepOutcome.CallWebhook call = (StepOutcome.CallWebhook) NodeBehaviours.enter(hooked.node("call"),
                ctx(Map.of(), Map.of("shop", "cn")));

        assertThat(call.message()).containsEntry("url", "https://shop.example/api/cn").containsEntry("method", "POST")
                .containsEntry("timeoutMs", 3000L).containsEntry("maxAttempts", 2).containsEntry("secret", "k")
                .containsEntry("node", "call");
        assertThat(call.deadline()).isEqualTo(NOW.plus(Duration.ofHours(1)).plus(Duration.ofMinutes(15)
                .plusSeconds(3).multipliedBy(2)));
        assertThat(NodeBehaviours.afterTimer(hooked.node("call"))).isEqualTo("ko");
    }

    @Test
    void timersLeadToAWaitsNextAndAWaitForsTimeoutNext() {
        assertThat(NodeBehaviours.afterTimer(JOURNEY.node("fixed"))).isEqualTo("morning");
        assertThat(NodeBehaviours.afterTimer(JOURNEY.node("paid"))).isEqualTo("ab");
    }

    @Test
    void aSplitDrawsTheSamePathForTheSameInstanceAndFollowsTheWeights() {
        SplitNode split = (SplitNode) JOURNEY.node("ab");
        Map<String, Integer> counts = new HashMap<>();
        for (long instance = 1; instance <= 20_000; instance++) {
            String path = NodeBehaviours.draw(split, instance).name();
            assertThat(NodeBehaviours.draw(split, instance).name()).isEqualTo(path);
            counts.merge(path, 1, Integer::sum);
        }

        assertThat(counts.get("A") / 20_000.0).isCloseTo(0.75, within(0.02));
        assertThat(NodeBehaviours.enter(split, new StepContext(new Facts(Map.of(), Map.of()), NOW, 7L)))
                .isEqualTo(new StepOutcome.Split(NodeBehaviours.draw(split, 7L).name(), "done"));
    }
}
