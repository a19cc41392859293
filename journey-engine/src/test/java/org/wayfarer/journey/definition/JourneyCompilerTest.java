package org.wayfarer.journey.definition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

class JourneyCompilerTest {

    @Test
    void refusesADefinitionNestedDeeperThanItsMessagesCanBeStoredAndReadBack() {
        String deep = "{\"a\":".repeat(JourneyCompiler.MAX_DEPTH) + "1" + "}".repeat(JourneyCompiler.MAX_DEPTH);
        String message = Journeys.STORE_WELCOME.replace("\"data\":{\"thing1\":\"hi\"}", "\"data\":" + deep);

        Compilation compilation = Journeys.COMPILER.compile(message);

        assertThat(compilation.valid()).isFalse();
        assertThat(compilation.errors()).singleElement().satisfies(e -> {
            assertThat(e.code()).isEqualTo("malformed-json");
            assertThat(e.message()).contains("nests deeper than " + JourneyCompiler.MAX_DEPTH);
        });
        assertThat(Journeys.COMPILER.compile(Journeys.STORE_WELCOME).valid()).as("ordinary depth").isTrue();
    }

    @Test
    void compilesTheDesignExampleIntoTheModel() {
        Compilation compilation = Journeys.COMPILER.compile(Journeys.STORE_WELCOME);

        assertThat(compilation.errors()).isEmpty();
        assertThat(compilation.warnings()).isEmpty();
        assertThat(compilation.valid()).isTrue();
        JourneyDefinition definition = compilation.definition();
        assertThat(definition.key()).isEqualTo("store-welcome");
        assertThat(definition.name()).isEqualTo("Welcome followers from store QR codes");
        assertThat(definition.trigger().event()).isEqualTo("wechat.followed");
        assertThat(definition.trigger().when().source())
                .isEqualTo("event.scene != null && event.scene.startsWith('store_')");
        assertThat(definition.entry().policy()).isEqualTo(EntryPolicy.ONCE);
        assertThat(definition.entry().key()).isNull();
        assertThat(definition.exitWhen()).extracting(EventCriterion::event).containsExactly("wechat.unfollowed");
        assertThat(definition.exitWhen().get(0).when()).isNull();
        assertThat(definition.goal().event()).isEqualTo("custom.member_bound");
        assertThat(definition.goal().within()).isEqualTo(Duration.ofDays(7));
        assertThat(definition.start()).isEqualTo("welcome");
        assertThat(definition.nodes()).containsOnlyKeys("welcome", "wait", "bound", "coupon", "done");
    }

    @Test
    void mapsEachNodeTypeOntoItsRecord() {
        JourneyDefinition definition = Journeys.COMPILER.compile(Journeys.STORE_WELCOME).definition();

        SendNode welcome = (SendNode) definition.node("welcome");
        assertThat(welcome.channel()).isEqualTo("wechat.template");
        assertThat(welcome.account()).isNull();
        assertThat(welcome.next()).isEqualTo("wait");
        assertThat(welcome.message().render(new Facts(Map.of("attributes", Map.of("name", "Li")),
                Map.of("scene", "store_9"))))
                .isEqualTo(Map.of("templateId", "TPL_WELCOME", "url", "https://brand.example/hi",
                        "data", Map.of("thing1", "Li", "thing2", "store_9")));
        WaitNode wait = (WaitNode) definition.node("wait");
        assertThat(wait.until()).isEqualTo(new WaitNode.For(Duration.ofHours(24)));
        assertThat(wait.next()).isEqualTo("bound");
        BranchNode bound = (BranchNode) definition.node("bound");
        assertThat(bound.cases()).extracting(BranchNode.Case::next).containsExactly("done");
        assertThat(bound.cases().get(0).when().source()).isEqualTo("contact.attributes.memberId != null");
        assertThat(bound.otherwise()).isEqualTo("coupon");
        assertThat(definition.node("done")).isEqualTo(new ExitNode("done"));
    }

    @Test
    void compiledTriggerConditionEvaluatesAgainstFacts() {
        Expression when = Journeys.COMPILER.compile(Journeys.STORE_WELCOME).definition().trigger().when();

        assertThat(when.test(new Facts(Map.of(), Map.of("scene", "store_12")))).isTrue();
        assertThat(when.test(new Facts(Map.of(), Map.of("scene", "ad_12")))).isFalse();
        assertThat(when.test(new Facts(Map.of(), Map.of()))).isFalse();
    }

    @Test
    void readsOptionalPartsAndDefaults() {
        ObjectNode document = Journeys.storeWelcome();
        document.remove("entry");
        document.remove("exitWhen");
        document.remove("goal");
        document.withObjectProperty("trigger").remove("when");
        Journeys.node(document, "welcome").put("account", "wx-other-app");
        Journeys.node(document, "coupon").remove("next");

        JourneyDefinition definition = Journeys.compile(document).definition();

        assertThat(definition.entry()).isEqualTo(new Entry(EntryPolicy.ONCE, null));
        assertThat(definition.exitWhen()).isEmpty();
        assertThat(definition.goal()).isNull();
        assertThat(definition.trigger().when()).isNull();
        assertThat(((SendNode) definition.node("welcome")).account()).isEqualTo("wx-other-app");
        assertThat(((SendNode) definition.node("coupon")).next()).isNull();
    }

    @Test
    void readsEntryPolicyAndKeyExpression() {
        ObjectNode document = Journeys.storeWelcome();
        document.set("entry", Journeys.json("{\"policy\":\"EVERY_TIME\",\"key\":\"event.orderId\"}"));

        Entry entry = Journeys.compile(document).definition().entry();

        assertThat(entry.policy()).isEqualTo(EntryPolicy.EVERY_TIME);
        assertThat(entry.key().evaluate(new Facts(Map.of(), Map.of("orderId", "o-1")))).isEqualTo("o-1");
    }

    @Test
    void readsGoalConditionWithoutWithin() {
        ObjectNode document = Journeys.storeWelcome();
        document.set("goal", Journeys.json("{\"event\":\"custom.order_paid\",\"when\":\"event.amount > 100\"}"));

        Goal goal = Journeys.compile(document).definition().goal();

        assertThat(goal.within()).isNull();
        assertThat(goal.when().test(new Facts(Map.of(), Map.of("amount", 150)))).isTrue();
    }

    @Test
    void acceptsConditionWithoutNullGuard() {
        ObjectNode document = Journeys.storeWelcome();
        document.withObjectProperty("trigger").put("when", "event.scene.startsWith('store_')");

        Expression when = Journeys.compile(document).definition().trigger().when();

        assertThat(when.test(new Facts(Map.of(), Map.of("scene", "store_1")))).isTrue();
        assertThat(when.test(new Facts(Map.of(), Map.of("scene", "mall_1")))).isFalse();
    }

    @Test
    void reportsMalformedJsonAtTheRoot() {
        Compilation compilation = Journeys.COMPILER.compile("{\"key\": \"a\",");

        assertThat(compilation.definition()).isNull();
        assertThat(compilation.errors()).extracting(ValidationProblem::pointer, ValidationProblem::code)
                .containsExactly(tuple("", "malformed-json"));
        assertThat(compilation.errors().get(0).message()).contains("line 1");
    }

    @Test
    void reportsEmptyAndTrailingDocumentsAsMalformed() {
        assertThat(Journeys.COMPILER.compile("  ").errors()).extracting(ValidationProblem::code)
                .containsExactly("malformed-json");
        assertThat(Journeys.COMPILER.compile("{} {}").errors()).extracting(ValidationProblem::code)
                .containsExactly("malformed-json");
        assertThat(Journeys.COMPILER.compile(null).errors()).extracting(ValidationProblem::code)
                .containsExactly("malformed-json");
    }

    @Test
    void reportsDeeplyNestedJsonAsMalformedWithoutThrowing() {
        String deep = "{\"key\":" + "[".repeat(5_000) + "]".repeat(5_000) + "}";

        assertThat(Journeys.COMPILER.compile(deep).errors()).extracting(ValidationProblem::code)
                .containsExactly("malformed-json");
    }

    @Test
    void rejectsDuplicateKeysWithTheirPointer() {
        String json = Journeys.STORE_WELCOME.replace("\"wait\":{\"type\":\"wait\",",
                "\"wait\":{\"type\":\"wait\",\"type\":\"wait\",");

        Compilation compilation = Journeys.COMPILER.compile(json);

        assertThat(compilation.errors()).extracting(ValidationProblem::pointer, ValidationProblem::code)
                .containsExactly(tuple("/nodes/wait/type", "duplicate-key"));
    }

    @Test
    void rejectsDocumentThatIsNotAnObject() {
        Compilation compilation = Journeys.COMPILER.compile("[1, 2]");

        assertThat(compilation.errors()).extracting(ValidationProblem::pointer, ValidationProblem::code)
                .containsExactly(tuple("", "not-an-object"));
    }

    @Test
    void stopsAtTooLargeWithoutReadingFurther() {
        JourneyCompiler small = new JourneyCompiler(Journeys.CHANNELS, new JourneyCompiler.Limits(100, 200));

        Compilation compilation = small.compile("{\"key\": \"" + "x".repeat(200) + "\", \"not json");

        assertThat(compilation.errors()).extracting(ValidationProblem::pointer, ValidationProblem::code)
                .containsExactly(tuple("", "too-large"));
    }

    @Test
    void measuresSizeInUtf8Bytes() {
        String name = "欢迎".repeat(40);
        String json = "{\"name\":\"" + name + "\"}";
        JourneyCompiler limit = new JourneyCompiler(Journeys.CHANNELS,
                new JourneyCompiler.Limits(json.length() + 10, 200));

        assertThat(limit.compile(json).errors()).extracting(ValidationProblem::code).containsExactly("too-large");
    }

    @Test
    void rejectsTooManyNodes() {
        JourneyCompiler fewNodes = new JourneyCompiler(Journeys.CHANNELS, new JourneyCompiler.Limits(1 << 20, 4));

        Compilation compilation = fewNodes.compile(Journeys.STORE_WELCOME);

        assertThat(compilation.errors()).extracting(ValidationProblem::pointer, ValidationProblem::code)
                .containsExactly(tuple("/nodes", "too-many-nodes"));
    }

    @Test
    void reportsEveryErrorAtOnce() {
        ObjectNode document = Journeys.storeWelcome();
        document.put("key", "Store Welcome");
        document.withObjectProperty("trigger").put("when", "evnt.scene == 'x'");
        Journeys.node(document, "wait").put("duration", "soon");
        Journeys.node(document, "coupon").put("channel", "sms.aliyun");
        Journeys.node(document, "bound").put("otherwise", "cupon");

        Compilation compilation = Journeys.compile(document);

        assertThat(compilation.definition()).isNull();
        assertThat(compilation.errors()).extracting(ValidationProblem::pointer, ValidationProblem::code)
                .containsExactlyInAnyOrder(
                        tuple("/key", "bad-value"),
                        tuple("/trigger/when", "unknown-variable"),
                        tuple("/nodes/wait/duration", "bad-duration"),
                        tuple("/nodes/coupon/channel", "unknown-channel"),
                        tuple("/nodes/bound/otherwise", "dangling-next"),
                        tuple("/nodes/coupon", "unreachable-node"));
        assertThat(compilation.errors()).allSatisfy(problem -> assertThat(problem.message()).isNotBlank());
    }

    @Test
    void refusesExpressionsAndTemplatesThatCouldExhaustTheEngine() {
        ObjectNode document = Journeys.storeWelcome();
        document.withObjectProperty("trigger").put("when", "event.scene.repeat(1000000000) != ''");
        ((ObjectNode) Journeys.node(document, "bound").get("cases").get(0))
                .put("when", "contact.attributes.name.matches('(a+)+$')");
        int tooDeep = MustacheMessageTemplate.MAX_SECTION_DEPTH + 1;
        Journeys.node(document, "welcome").withObjectProperty("message").withObjectProperty("data").put("thing1",
                "{{#event.items}}".repeat(tooDeep) + "x" + "{{/event.items}}".repeat(tooDeep));

        Compilation compilation = Journeys.compile(document);

        assertThat(compilation.errors()).extracting(ValidationProblem::pointer, ValidationProblem::code)
                .containsExactlyInAnyOrder(
                        tuple("/trigger/when", "bad-expression"),
                        tuple("/nodes/bound/cases/0/when", "bad-expression"),
                        tuple("/nodes/welcome/message/data/thing1", "bad-template"));
    }

    @Test
    void warnsAboutUnknownFieldsButStillCompiles() {
        ObjectNode document = Journeys.storeWelcome();
        document.put("descripton", "typo");
        Journeys.node(document, "wait").put("durration", "PT1H");
        document.withObjectProperty("trigger").put("filter", "x");

        Compilation compilation = Journeys.compile(document);

        assertThat(compilation.valid()).isTrue();
        assertThat(compilation.warnings()).extracting(ValidationProblem::pointer, ValidationProblem::code)
                .containsExactlyInAnyOrder(
                        tuple("/descripton", "unknown-field"),
                        tuple("/nodes/wait/durration", "unknown-field"),
                        tuple("/trigger/filter", "unknown-field"));
    }

    @Test
    void warnsThatNextOnAnExitNodeIsIgnored() {
        ObjectNode document = Journeys.storeWelcome();
        Journeys.node(document, "done").put("next", "welcome");

        Compilation compilation = Journeys.compile(document);

        assertThat(compilation.valid()).isTrue();
        assertThat(compilation.warnings()).extracting(ValidationProblem::pointer, ValidationProblem::code)
                .containsExactly(tuple("/nodes/done/next", "exit-next-ignored"));
        assertThat(compilation.definition().node("done")).isEqualTo(new ExitNode("done"));
    }

    @Test
    void escapesNodeIdsInPointers() {
        ObjectNode document = Journeys.storeWelcome();
        ((ObjectNode) document.get("nodes")).set("a/b~c", Journeys.json("{\"type\":\"exit\"}"));

        Compilation compilation = Journeys.compile(document);

        assertThat(compilation.errors()).extracting(ValidationProblem::pointer, ValidationProblem::code)
                .containsExactlyInAnyOrder(tuple("/nodes/a~1b~0c", "bad-value"),
                        tuple("/nodes/a~1b~0c", "unreachable-node"));
    }

    @Test
    void copiesTheKnownChannels() {
        Set<String> channels = new HashSet<>(Set.of("wechat.template"));
        JourneyCompiler compiler = new JourneyCompiler(channels, JourneyCompiler.Limits.defaults());
        channels.clear();

        assertThat(compiler.compile(Journeys.STORE_WELCOME).valid()).isTrue();
    }
}
