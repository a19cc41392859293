package org.wayfarer.journey.definition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import org.assertj.core.api.ListAssert;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;
import org.wayfarer.journey.calendar.DaySet;
import tools.jackson.databind.node.ObjectNode;

/** The rules of the {@code wait} variants, {@code waitFor} and {@code split}: what reads, and every error at once. */
class WaitAndSplitRulesTest {

    private static ObjectNode withNode(String id, String json) {
        ObjectNode document = Journeys.storeWelcome();
        Journeys.node(document, "welcome").put("next", id);
        ((ObjectNode) document.get("nodes")).set(id, Journeys.json(json));
        return document;
    }

    private static ListAssert<Tuple> errors(ObjectNode document) {
        return assertThat(Journeys.compile(document).errors().stream()
                .map(problem -> tuple(problem.pointer(), problem.code())).toList());
    }

    private static Node read(ObjectNode document, String id) {
        Compilation compilation = Journeys.compile(document);
        assertThat(compilation.errors()).isEmpty();
        return compilation.definition().node(id);
    }

    @Test
    void waitUntilAnInstantWithOffsetIsFixed() {
        WaitNode wait = (WaitNode) read(withNode("w",
                "{\"type\":\"wait\",\"until\":\"2026-12-24T10:00:00+08:00\",\"next\":\"wait\"}"), "w");

        assertThat(wait.until()).isEqualTo(new WaitNode.At(Instant.parse("2026-12-24T02:00:00Z")));
    }

    @Test
    void waitUntilAnythingElseIsAnExpression() {
        WaitNode wait = (WaitNode) read(withNode("w",
                "{\"type\":\"wait\",\"until\":\"event.appointmentAt\",\"next\":\"wait\"}"), "w");

        assertThat(wait.until()).isInstanceOfSatisfying(WaitNode.AtExpression.class,
                at -> assertThat(at.expression().source()).isEqualTo("event.appointmentAt"));
    }

    @Test
    void waitNeedsExactlyOneOfDurationAndUntil() {
        errors(withNode("w", "{\"type\":\"wait\",\"next\":\"wait\"}"))
                .containsExactly(tuple("/nodes/w/duration", "missing-field"));
        errors(withNode("w", "{\"type\":\"wait\",\"duration\":\"PT1H\",\"until\":\"2026-01-01T00:00:00Z\","
                + "\"next\":\"wait\"}")).containsExactly(tuple("/nodes/w/until", "conflicting-fields"));
        errors(withNode("w", "{\"type\":\"wait\",\"until\":\"event.at.(\",\"next\":\"wait\"}"))
                .containsExactly(tuple("/nodes/w/until", "bad-expression"));
    }

    @Test
    void waitForATimeOfDayReadsItsDaysAndZone() {
        WaitNode wait = (WaitNode) read(withNode("w", """
                {"type":"wait","timeOfDay":"10:00","days":"workdays","zone":"Asia/Tokyo","next":"wait"}"""), "w");
        WaitNode list = (WaitNode) read(withNode("w",
                "{\"type\":\"wait\",\"timeOfDay\":\"09:30\",\"days\":[\"MON\",\"FRI\"],\"next\":\"wait\"}"), "w");

        assertThat(wait.until()).isEqualTo(new WaitNode.NextTimeOfDay(LocalTime.of(10, 0), DaySet.workdays(),
                ZoneId.of("Asia/Tokyo")));
        assertThat(list.until()).isEqualTo(new WaitNode.NextTimeOfDay(LocalTime.of(9, 30),
                DaySet.of(EnumSet.of(DayOfWeek.MONDAY, DayOfWeek.FRIDAY)), null));
    }

    @Test
    void waitForATimeOfDayRejectsBadTimesDaysAndZones() {
        errors(withNode("w", "{\"type\":\"wait\",\"timeOfDay\":\"25:00\",\"days\":\"someday\","
                + "\"zone\":\"Mars/Base\",\"next\":\"wait\"}"))
                .containsExactlyInAnyOrder(tuple("/nodes/w/timeOfDay", "bad-value"),
                        tuple("/nodes/w/days", "bad-value"), tuple("/nodes/w/zone", "bad-value"));
        errors(withNode("w", "{\"type\":\"wait\",\"timeOfDay\":\"10:00\",\"duration\":\"PT1H\",\"next\":\"wait\"}"))
                .containsExactly(tuple("/nodes/w/timeOfDay", "conflicting-fields"));
        Compilation stray = Journeys.compile(withNode("w",
                "{\"type\":\"wait\",\"duration\":\"PT1H\",\"days\":\"workdays\",\"next\":\"wait\"}"));
        assertThat(stray.warnings()).extracting(ValidationProblem::pointer, ValidationProblem::code)
                .contains(tuple("/nodes/w/days", "unknown-field"));
    }

    @Test
    void waitForAnEventReadsItsFilterTimeoutAndBothExits() {
        WaitForNode cart = (WaitForNode) read(withNode("cart", """
                {"type":"waitFor","event":"custom.order_paid","when":"event.amount > 0","timeout":"PT1H",
                 "next":"wait","timeoutNext":"coupon"}"""), "cart");

        assertThat(cart.event()).isEqualTo("custom.order_paid");
        assertThat(cart.when().source()).isEqualTo("event.amount > 0");
        assertThat(cart.condition()).isNull();
        assertThat(cart.timeout()).isEqualTo(Duration.ofHours(1));
        assertThat(List.of(cart.next(), cart.timeoutNext())).containsExactly("wait", "coupon");
    }

    @Test
    void waitForAConditionNeedsNoTimeout() {
        WaitForNode bound = (WaitForNode) read(withNode("bound2",
                "{\"type\":\"waitFor\",\"condition\":\"contact.attributes.phone != null\",\"next\":\"wait\"}"),
                "bound2");

        assertThat(bound.condition().source()).isEqualTo("contact.attributes.phone != null");
        assertThat(bound.timeout()).isNull();
    }

    @Test
    void waitForNeedsExactlyOneOfEventAndConditionAndAWhenOnlyWithAnEvent() {
        errors(withNode("c", "{\"type\":\"waitFor\",\"timeout\":\"PT1H\",\"next\":\"wait\"}"))
                .containsExactly(tuple("/nodes/c/event", "missing-field"));
        errors(withNode("c", "{\"type\":\"waitFor\",\"event\":\"custom.order_paid\",\"condition\":\"true\","
                + "\"when\":\"true\",\"next\":\"wait\"}"))
                .containsExactly(tuple("/nodes/c/condition", "conflicting-fields"));
        errors(withNode("c", "{\"type\":\"waitFor\",\"condition\":\"true\",\"when\":\"true\",\"next\":\"wait\"}"))
                .containsExactly(tuple("/nodes/c/when", "conflicting-fields"));
        errors(withNode("c", "{\"type\":\"waitFor\",\"event\":\"OrderPaid\",\"next\":\"wait\"}"))
                .containsExactly(tuple("/nodes/c/event", "bad-value"));
    }

    @Test
    void waitForTimeoutNextWithoutTimeoutIsAWarning() {
        Compilation compilation = Journeys.compile(withNode("c",
                "{\"type\":\"waitFor\",\"event\":\"custom.order_paid\",\"next\":\"wait\",\"timeoutNext\":\"coupon\"}"));

        assertThat(compilation.valid()).isTrue();
        assertThat(compilation.warnings()).extracting(ValidationProblem::pointer, ValidationProblem::code)
                .contains(tuple("/nodes/c/timeoutNext", "timeout-next-ignored"));
    }

    @Test
    void aCycleThroughAWaitForIsAllowed() {
        ObjectNode document = withNode("c",
                "{\"type\":\"waitFor\",\"event\":\"custom.order_paid\",\"timeout\":\"P1D\",\"next\":\"wait\","
                        + "\"timeoutNext\":\"welcome\"}");

        assertThat(Journeys.compile(document).errors()).isEmpty();
    }

    @Test
    void splitReadsWeightedNamedPaths() {
        SplitNode split = (SplitNode) read(withNode("ab", """
                {"type":"split","paths":[{"name":"A","weight":70,"next":"wait"},
                                         {"name":"B","weight":30,"next":"coupon"}]}"""), "ab");

        assertThat(split.paths()).containsExactly(new SplitNode.Path("A", 70, "wait"),
                new SplitNode.Path("B", 30, "coupon"));
        assertThat(split.totalWeight()).isEqualTo(100);
    }

    @Test
    void splitRejectsTooFewPathsBadWeightsAndNamesAndDuplicates() {
        errors(withNode("ab", "{\"type\":\"split\",\"paths\":[{\"name\":\"A\",\"weight\":1,\"next\":\"wait\"}]}"))
                .containsExactly(tuple("/nodes/ab/paths", "bad-value"));
        errors(withNode("ab", """
                {"type":"split","paths":[{"name":"A","weight":0,"next":"wait"},
                                         {"name":"a b","weight":5,"next":"wait"},
                                         {"name":"A","weight":5,"next":"coupon"},
                                         {"name":"C","weight":1.5,"next":"coupon"}]}"""))
                .containsExactlyInAnyOrder(tuple("/nodes/ab/paths/0/weight", "bad-value"),
                        tuple("/nodes/ab/paths/1/name", "bad-value"),
                        tuple("/nodes/ab/paths/3/weight", "bad-value"));
        errors(withNode("ab", """
                {"type":"split","paths":[{"name":"A","weight":1,"next":"wait"},
                                         {"name":"A","weight":5,"next":"coupon"}]}"""))
                .containsExactly(tuple("/nodes/ab/paths/1/name", "duplicate-path"));
    }

    @Test
    void aSplitPathToNowhereIsReportedAtItsNext() {
        errors(withNode("ab", """
                {"type":"split","paths":[{"name":"A","weight":1,"next":"wait"},
                                         {"name":"B","weight":1,"next":"nowhere"}]}"""))
                .containsExactly(tuple("/nodes/ab/paths/1/next", "dangling-next"));
    }
}
