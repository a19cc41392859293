package org.wayfarer.journey.definition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import org.assertj.core.api.ListAssert;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

class GraphRulesTest {

    private static ListAssert<Tuple> errors(ObjectNode document) {
        return assertThat(Journeys.compile(document).errors().stream()
                .map(problem -> tuple(problem.pointer(), problem.code())).toList());
    }

    @Test
    void requiresStart() {
        ObjectNode document = Journeys.storeWelcome();
        document.remove("start");

        errors(document).containsExactly(tuple("/start", "missing-start"));
    }

    @Test
    void rejectsStartThatNamesNoNode() {
        ObjectNode document = Journeys.storeWelcome();
        document.put("start", "welcom");

        Compilation compilation = Journeys.compile(document);

        assertThat(compilation.errors()).extracting(ValidationProblem::pointer, ValidationProblem::code)
                .containsExactly(tuple("/start", "unknown-start"));
        assertThat(compilation.errors().get(0).message()).contains("welcome, wait, bound, coupon, done");
    }

    @Test
    void rejectsStartThatIsNotAString() {
        ObjectNode document = Journeys.storeWelcome();
        document.put("start", 1);

        errors(document).containsExactly(tuple("/start", "bad-value"));
    }

    @Test
    void rejectsDanglingNextOfSendAndWait() {
        ObjectNode document = Journeys.storeWelcome();
        Journeys.node(document, "welcome").put("next", "wiat");
        Journeys.node(document, "wait").put("next", "bond");

        errors(document).containsExactly(
                tuple("/nodes/welcome/next", "dangling-next"),
                tuple("/nodes/wait/next", "dangling-next"),
                tuple("/nodes/wait", "unreachable-node"),
                tuple("/nodes/bound", "unreachable-node"),
                tuple("/nodes/coupon", "unreachable-node"),
                tuple("/nodes/done", "unreachable-node"));
    }

    @Test
    void rejectsDanglingNextOfBranchCaseAndOtherwise() {
        ObjectNode document = Journeys.storeWelcome();
        ObjectNode bound = Journeys.node(document, "bound");
        ((ObjectNode) bound.get("cases").get(0)).put("next", "finish");
        bound.put("otherwise", "cuopon");
        bound.withArrayProperty("cases").add(Journeys.json("{\"when\":\"true\",\"next\":\"nowhere\"}"));

        errors(document).containsExactly(
                tuple("/nodes/bound/cases/0/next", "dangling-next"),
                tuple("/nodes/bound/cases/1/next", "dangling-next"),
                tuple("/nodes/bound/otherwise", "dangling-next"),
                tuple("/nodes/coupon", "unreachable-node"),
                tuple("/nodes/done", "unreachable-node"));
    }

    @Test
    void rejectsUnreachableNodes() {
        ObjectNode document = Journeys.storeWelcome();
        ((ObjectNode) document.get("nodes")).set("orphan", Journeys.json("{\"type\":\"exit\"}"));

        Compilation compilation = Journeys.compile(document);

        assertThat(compilation.errors()).extracting(ValidationProblem::pointer, ValidationProblem::code)
                .containsExactly(tuple("/nodes/orphan", "unreachable-node"));
        assertThat(compilation.errors().get(0).message()).contains("'orphan'").contains("'welcome'");
    }

    @Test
    void rejectsCycleWithoutWait() {
        ObjectNode document = Journeys.storeWelcome();
        Journeys.node(document, "coupon").put("next", "bound");

        errors(document).containsExactly(tuple("/nodes/bound", "cycle-without-wait"));
    }

    @Test
    void rejectsNodeThatLeadsToItself() {
        ObjectNode document = Journeys.storeWelcome();
        Journeys.node(document, "coupon").put("next", "coupon");

        Compilation compilation = Journeys.compile(document);

        assertThat(compilation.errors()).extracting(ValidationProblem::pointer, ValidationProblem::code)
                .containsExactly(tuple("/nodes/coupon", "cycle-without-wait"));
        assertThat(compilation.errors().get(0).message()).contains("'coupon' leads back to itself");
    }

    @Test
    void namesEveryNodeOfALongerCycle() {
        ObjectNode document = Journeys.storeWelcome();
        document.set("nodes", Journeys.json("""
                {"a":{"type":"send","channel":"wechat.template","message":{"t":"x"},"next":"b"},
                 "b":{"type":"branch","cases":[{"when":"true","next":"c"}],"otherwise":"end"},
                 "c":{"type":"send","channel":"wechat.template","message":{"t":"y"},"next":"a"},
                 "end":{"type":"exit"}}
                """));
        document.put("start", "a");

        Compilation compilation = Journeys.compile(document);

        assertThat(compilation.errors()).extracting(ValidationProblem::pointer, ValidationProblem::code)
                .containsExactly(tuple("/nodes/a", "cycle-without-wait"));
        assertThat(compilation.errors().get(0).message()).contains("nodes a, b, c lead back to each other");
    }

    @Test
    void acceptsCycleThroughAWait() {
        ObjectNode document = Journeys.storeWelcome();
        Journeys.node(document, "coupon").put("next", "wait");

        Compilation compilation = Journeys.compile(document);

        assertThat(compilation.errors()).isEmpty();
        assertThat(compilation.definition().node("coupon")).isInstanceOf(SendNode.class);
    }

    @Test
    void ignoresTheNextOfAnExitWhenCheckingReachability() {
        ObjectNode document = Journeys.storeWelcome();
        ((ObjectNode) document.get("nodes")).set("later", Journeys.json("{\"type\":\"exit\"}"));
        Journeys.node(document, "done").put("next", "later");

        errors(document).containsExactly(tuple("/nodes/later", "unreachable-node"));
    }

    @Test
    void keepsNodesWithErrorsInTheGraph() {
        ObjectNode document = Journeys.storeWelcome();
        Journeys.node(document, "wait").put("duration", "later");

        errors(document).containsExactly(tuple("/nodes/wait/duration", "bad-duration"));
    }
}
