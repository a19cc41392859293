package org.wayfarer.journey.definition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import org.assertj.core.api.ListAssert;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

/** One test per field rule; each asserts the exact problems, so one mistake never cascades into others. */
class FieldRulesTest {

    private static ListAssert<Tuple> errors(ObjectNode document) {
        return assertThat(Journeys.compile(document).errors().stream()
                .map(problem -> tuple(problem.pointer(), problem.code())).toList());
    }

    @Test
    void requiresKey() {
        ObjectNode document = Journeys.storeWelcome();
        document.remove("key");

        errors(document).containsExactly(tuple("/key", "missing-field"));
    }

    @Test
    void rejectsKeyOutsideItsPattern() {
        for (String key : new String[] {"Store", "-store", "store welcome", "a".repeat(65), ""}) {
            ObjectNode document = Journeys.storeWelcome();
            document.put("key", key);

            errors(document).as(key).containsExactly(tuple("/key", "bad-value"));
        }
    }

    @Test
    void acceptsKeyAtTheEdgesOfItsPattern() {
        for (String key : new String[] {"a", "0_x-y", "a".repeat(64)}) {
            ObjectNode document = Journeys.storeWelcome();
            document.put("key", key);

            assertThat(Journeys.compile(document).valid()).as(key).isTrue();
        }
    }

    @Test
    void rejectsKeyThatIsNotAString() {
        ObjectNode document = Journeys.storeWelcome();
        document.put("key", 42);

        errors(document).containsExactly(tuple("/key", "bad-value"));
    }

    @Test
    void requiresName() {
        ObjectNode document = Journeys.storeWelcome();
        document.remove("name");

        errors(document).containsExactly(tuple("/name", "missing-field"));
    }

    @Test
    void rejectsBlankOrOverlongName() {
        for (String name : new String[] {"", "   ", "n".repeat(201)}) {
            ObjectNode document = Journeys.storeWelcome();
            document.put("name", name);

            errors(document).as(name).containsExactly(tuple("/name", "bad-value"));
        }
        ObjectNode document = Journeys.storeWelcome();
        document.put("name", "欢".repeat(200));
        assertThat(Journeys.compile(document).valid()).isTrue();
    }

    @Test
    void requiresTriggerObjectWithEvent() {
        ObjectNode missing = Journeys.storeWelcome();
        missing.remove("trigger");
        errors(missing).containsExactly(tuple("/trigger", "missing-field"));

        ObjectNode notObject = Journeys.storeWelcome();
        notObject.put("trigger", "wechat.followed");
        errors(notObject).containsExactly(tuple("/trigger", "bad-value"));

        ObjectNode noEvent = Journeys.storeWelcome();
        noEvent.withObjectProperty("trigger").remove("event");
        errors(noEvent).containsExactly(tuple("/trigger/event", "missing-field"));
    }

    @Test
    void rejectsTriggerEventThatIsNotAnEventName() {
        for (String event : new String[] {"followed", "WeChat.followed", "wechat.", "wechat.followed.now"}) {
            ObjectNode document = Journeys.storeWelcome();
            document.withObjectProperty("trigger").put("event", event);

            errors(document).as(event).containsExactly(tuple("/trigger/event", "bad-value"));
        }
    }

    @Test
    void checksEventNamesOfExitCriteriaAndGoal() {
        ObjectNode document = Journeys.storeWelcome();
        document.set("exitWhen", Journeys.json("{\"a\":[{\"event\":\"Unfollow\"},{\"when\":\"true\"},7]}").get("a"));
        document.withObjectProperty("goal").put("event", "bound");

        errors(document).containsExactly(
                tuple("/exitWhen/0/event", "bad-value"),
                tuple("/exitWhen/1/event", "missing-field"),
                tuple("/exitWhen/2", "bad-value"),
                tuple("/goal/event", "bad-value"));
    }

    @Test
    void rejectsExitWhenThatIsNotAList() {
        ObjectNode document = Journeys.storeWelcome();
        document.set("exitWhen", Journeys.json("{\"event\":\"wechat.unfollowed\"}"));

        errors(document).containsExactly(tuple("/exitWhen", "bad-value"));
    }

    @Test
    void rejectsUnknownEntryPolicy() {
        ObjectNode document = Journeys.storeWelcome();
        document.withObjectProperty("entry").put("policy", "once");

        errors(document).containsExactly(tuple("/entry/policy", "unknown-entry-policy"));
    }

    @Test
    void acceptsEveryEntryPolicy() {
        for (EntryPolicy policy : EntryPolicy.values()) {
            ObjectNode document = Journeys.storeWelcome();
            document.withObjectProperty("entry").put("policy", policy.name());

            assertThat(Journeys.compile(document).definition().entry().policy()).isEqualTo(policy);
        }
    }

    @Test
    void requiresNodesAsNonEmptyObject() {
        ObjectNode missing = Journeys.storeWelcome();
        missing.remove("nodes");
        errors(missing).containsExactly(tuple("/nodes", "missing-field"));

        ObjectNode empty = Journeys.storeWelcome();
        empty.putObject("nodes");
        errors(empty).containsExactly(tuple("/nodes", "bad-value"));

        ObjectNode list = Journeys.storeWelcome();
        list.putArray("nodes");
        errors(list).containsExactly(tuple("/nodes", "bad-value"));
    }

    @Test
    void rejectsNodeIdOutsideItsPattern() {
        ObjectNode document = Journeys.storeWelcome();
        ObjectNode nodes = (ObjectNode) document.get("nodes");
        nodes.set("wait two", nodes.remove("wait"));
        Journeys.node(document, "welcome").put("next", "wait two");

        errors(document).containsExactly(tuple("/nodes/wait two", "bad-value"));
    }

    @Test
    void rejectsNodeThatIsNotAnObject() {
        ObjectNode document = Journeys.storeWelcome();
        ((ObjectNode) document.get("nodes")).put("done", "exit");

        errors(document).containsExactly(tuple("/nodes/done", "bad-value"));
    }

    @Test
    void requiresAKnownNodeType() {
        ObjectNode missing = Journeys.storeWelcome();
        Journeys.node(missing, "done").remove("type");
        errors(missing).containsExactly(tuple("/nodes/done/type", "missing-field"));

        ObjectNode unknown = Journeys.storeWelcome();
        Journeys.node(unknown, "done").put("type", "stop");
        errors(unknown).containsExactly(tuple("/nodes/done/type", "unknown-node-type"));
    }

    @Test
    void followsTheLinksOfANodeWithAnUnknownTypeSoErrorsDoNotCascade() {
        ObjectNode wait = Journeys.storeWelcome();
        Journeys.node(wait, "wait").put("type", "delay");
        errors(wait).containsExactly(tuple("/nodes/wait/type", "unknown-node-type"));

        ObjectNode branch = Journeys.storeWelcome();
        Journeys.node(branch, "bound").remove("type");
        errors(branch).containsExactly(tuple("/nodes/bound/type", "missing-field"));
    }

    @Test
    void rejectsUnknownChannel() {
        ObjectNode document = Journeys.storeWelcome();
        Journeys.node(document, "coupon").put("channel", "wechat.kefu");

        Compilation compilation = Journeys.compile(document);

        assertThat(compilation.errors()).extracting(ValidationProblem::pointer, ValidationProblem::code)
                .containsExactly(tuple("/nodes/coupon/channel", "unknown-channel"));
        assertThat(compilation.errors().get(0).message()).contains("wechat.coupon, wechat.template");
    }

    @Test
    void requiresChannelAndMessageObjectOnSend() {
        ObjectNode document = Journeys.storeWelcome();
        Journeys.node(document, "coupon").remove("channel");
        Journeys.node(document, "coupon").remove("message");
        Journeys.node(document, "welcome").put("message", "hello");

        errors(document).containsExactly(
                tuple("/nodes/welcome/message", "bad-value"),
                tuple("/nodes/coupon/channel", "missing-field"),
                tuple("/nodes/coupon/message", "missing-field"));
    }

    @Test
    void rejectsBlankAccount() {
        ObjectNode document = Journeys.storeWelcome();
        Journeys.node(document, "coupon").put("account", " ");

        errors(document).containsExactly(tuple("/nodes/coupon/account", "bad-value"));
    }

    @Test
    void rejectsBadTemplateInAnyMessageLeaf() {
        ObjectNode document = Journeys.storeWelcome();
        Journeys.node(document, "welcome").set("message", Journeys.json(
                "{\"data\":{\"thing1\":\"{{#contact.attributes.name}}hi\",\"ok\":\"{{event.scene}}\"},"
                        + "\"lines\":[\"fine\",\"{{/event.scene}}\"]}"));

        errors(document).containsExactly(
                tuple("/nodes/welcome/message/data/thing1", "bad-template"),
                tuple("/nodes/welcome/message/lines/1", "bad-template"));
    }

    @Test
    void rejectsPartialsInTemplates() {
        ObjectNode document = Journeys.storeWelcome();
        Journeys.node(document, "coupon").withObjectProperty("message").put("first", "{{>header}}");

        errors(document).containsExactly(tuple("/nodes/coupon/message/first", "bad-template"));
    }

    @Test
    void rejectsNullMessageLeaf() {
        ObjectNode document = Journeys.storeWelcome();
        Journeys.node(document, "coupon").withObjectProperty("message").putNull("url");

        errors(document).containsExactly(tuple("/nodes/coupon/message/url", "bad-value"));
    }

    @Test
    void requiresWaitDuration() {
        ObjectNode document = Journeys.storeWelcome();
        Journeys.node(document, "wait").remove("duration");

        errors(document).containsExactly(tuple("/nodes/wait/duration", "missing-field"));
    }

    @Test
    void rejectsBadWaitDurations() {
        for (String duration : new String[] {"24h", "PT0S", "-PT1H", "PT-5M", "P367D", "P1M", "P1Y", ""}) {
            ObjectNode document = Journeys.storeWelcome();
            Journeys.node(document, "wait").put("duration", duration);

            errors(document).as(duration).containsExactly(tuple("/nodes/wait/duration", "bad-duration"));
        }
        ObjectNode number = Journeys.storeWelcome();
        Journeys.node(number, "wait").put("duration", 3600);
        errors(number).containsExactly(tuple("/nodes/wait/duration", "bad-duration"));
    }

    @Test
    void rejectsBadGoalWithin() {
        ObjectNode document = Journeys.storeWelcome();
        document.withObjectProperty("goal").put("within", "P2Y");

        errors(document).containsExactly(tuple("/goal/within", "bad-duration"));
    }

    @Test
    void requiresCasesOnBranch() {
        ObjectNode missing = Journeys.storeWelcome();
        Journeys.node(missing, "bound").remove("cases");
        errors(missing).containsExactly(tuple("/nodes/bound/cases", "missing-field"));

        ObjectNode empty = Journeys.storeWelcome();
        Journeys.node(empty, "bound").putArray("cases");
        errors(empty).containsExactly(tuple("/nodes/bound/cases", "bad-value"));
    }

    @Test
    void requiresWhenAndNextInEachCase() {
        ObjectNode document = Journeys.storeWelcome();
        Journeys.node(document, "bound").set("cases", Journeys.json(
                "{\"c\":[{\"next\":\"done\"},{\"when\":\"true\"},\"x\",{\"when\":\"true\",\"next\":\"done\"}]}")
                .get("c"));

        errors(document).containsExactly(
                tuple("/nodes/bound/cases/0/when", "missing-field"),
                tuple("/nodes/bound/cases/1/next", "missing-field"),
                tuple("/nodes/bound/cases/2", "bad-value"));
    }

    @Test
    void rejectsNextThatIsNotAString() {
        ObjectNode document = Journeys.storeWelcome();
        Journeys.node(document, "wait").put("next", 3);

        errors(document).containsExactly(tuple("/nodes/wait/next", "bad-value"),
                tuple("/nodes/bound", "unreachable-node"), tuple("/nodes/coupon", "unreachable-node"),
                tuple("/nodes/done", "unreachable-node"));
    }

    @Test
    void treatsJsonNullNextAsTheEndOfThePath() {
        ObjectNode document = Journeys.storeWelcome();
        Journeys.node(document, "coupon").putNull("next");

        assertThat(((SendNode) Journeys.compile(document).definition().node("coupon")).next()).isNull();
    }
}
