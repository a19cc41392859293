package org.wayfarer.journey.definition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import java.util.Set;
import org.assertj.core.api.ListAssert;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

/** The publish-time lint, through the compiler: each warning's code and pointer, and that it never blocks a journey. */
class JourneyLintTest {

    private static final Set<String> LINT_CODES = Set.of("template-first-remark", "template-line-break",
            "template-field-too-long", "template-field-may-truncate", "template-marketing-content",
            "branch-never-taken", "wait-exceeds-goal-window");

    /** The journey of the lint brief: its wait outlasts the goal and its branch starts with 'true'. */
    private static final String EXAMPLE = """
            {"key":"k","name":"n","trigger":{"event":"wechat.followed","when":"event.scene.startsWith('store_')"},
             "goal":{"event":"custom.member_bound","within":"P7D"},
             "start":"welcome",
             "nodes":{
              "welcome":{"type":"send","channel":"wechat.template","message":{"templateId":"T","url":"https://x",
                         "data":{"thing1":"{{contact.attributes.name}}","time2":"2025-01-01"}},"next":"w"},
              "w":{"type":"wait","duration":"P10D","next":"b"},
              "b":{"type":"branch","cases":[{"when":"true","next":"done"},
                                            {"when":"contact.attributes.vip == true","next":"done"}],
                   "otherwise":"done"},
              "done":{"type":"exit"}}}
            """;

    private static List<ValidationProblem> lint(ObjectNode document) {
        return Journeys.compile(document).warnings().stream().filter(w -> LINT_CODES.contains(w.code())).toList();
    }

    private static ListAssert<Tuple> warnings(ObjectNode document) {
        return assertThat(lint(document).stream().map(w -> tuple(w.pointer(), w.code())).toList());
    }

    private static String message(ObjectNode document) {
        List<ValidationProblem> warnings = lint(document);
        assertThat(warnings).hasSize(1);
        return warnings.get(0).message();
    }

    private static ObjectNode data(ObjectNode document, String node) {
        return Journeys.node(document, node).withObjectProperty("message").withObjectProperty("data");
    }

    @Test
    void leavesACleanJourneyAlone() {
        Compilation compilation = Journeys.COMPILER.compile(Journeys.STORE_WELCOME);

        assertThat(compilation.valid()).isTrue();
        assertThat(compilation.warnings()).isEmpty();
    }

    @Test
    void warnsAboutTheExampleButStillCompilesIt() {
        Compilation compilation = Journeys.COMPILER.compile(EXAMPLE);

        assertThat(compilation.valid()).isTrue();
        assertThat(compilation.warnings()).extracting(ValidationProblem::pointer, ValidationProblem::code)
                .containsExactly(
                        tuple("/nodes/w/duration", "wait-exceeds-goal-window"),
                        tuple("/nodes/b/cases/1", "branch-never-taken"),
                        tuple("/nodes/b/otherwise", "branch-never-taken"));
    }

    @Test
    void warnsAboutTheRemovedFirstAndRemarkFieldsInEitherForm() {
        ObjectNode document = Journeys.storeWelcome();
        data(document, "coupon").put("first", "您好");
        data(document, "coupon").putObject("remark").put("value", "谢谢");

        warnings(document).containsExactly(
                tuple("/nodes/coupon/message/data/first", "template-first-remark"),
                tuple("/nodes/coupon/message/data/remark", "template-first-remark"));
    }

    @Test
    void warnsAboutLineBreaksInTheTextOfAValue() {
        ObjectNode document = Journeys.storeWelcome();
        data(document, "coupon").put("thing1", "第一行\n第二行");
        data(document, "coupon").putObject("thing2").put("value", "{{contact.attributes.name}}\r");
        data(document, "welcome").put("thing2", "{{contact.attributes.name}} {{event.scene}}");

        warnings(document).containsExactly(
                tuple("/nodes/coupon/message/data/thing1", "template-line-break"),
                tuple("/nodes/coupon/message/data/thing2/value", "template-line-break"));
    }

    @Test
    void warnsAboutValuesLongerThanTheirKeywordAllows() {
        Object[][] limits = {{"thing3", 20}, {"character_string2", 32}, {"phone_number1", 17}, {"car_number4", 8},
            {"const5", 20}, {"thing", 20}};
        for (Object[] limit : limits) {
            String field = (String) limit[0];
            int max = (Integer) limit[1];
            ObjectNode fits = Journeys.storeWelcome();
            data(fits, "coupon").put(field, "x".repeat(max));
            warnings(fits).as(field + " at the limit").isEmpty();

            ObjectNode over = Journeys.storeWelcome();
            data(over, "coupon").putObject(field).put("value", "x".repeat(max + 1));
            warnings(over).as(field + " over the limit").containsExactly(
                    tuple("/nodes/coupon/message/data/" + field + "/value", "template-field-too-long"));
            assertThat(message(over)).contains("'" + field + "'", (max + 1) + " characters", "at most " + max);
        }
    }

    @Test
    void leavesFieldsWithoutALengthRuleAlone() {
        ObjectNode document = Journeys.storeWelcome();
        data(document, "coupon").put("time2", "x".repeat(100));
        data(document, "coupon").put("amount3", "x".repeat(100));
        data(document, "coupon").put("Thing1", "x".repeat(100));

        warnings(document).isEmpty();
    }

    @Test
    void countsChineseTextAndEmojiByCharacter() {
        ObjectNode fits = Journeys.storeWelcome();
        data(fits, "coupon").put("thing1", "欢".repeat(20));
        data(fits, "coupon").put("thing2", "😀".repeat(20));
        warnings(fits).isEmpty();

        ObjectNode over = Journeys.storeWelcome();
        data(over, "coupon").put("thing1", "欢".repeat(21));
        warnings(over).containsExactly(tuple("/nodes/coupon/message/data/thing1", "template-field-too-long"));
        assertThat(message(over)).contains("21 characters", "at most 20 characters in a thing field");
    }

    @Test
    void countsOnlyTheFixedTextOfAValueWithTags() {
        ObjectNode roomy = Journeys.storeWelcome();
        data(roomy, "coupon").put("thing1", "x".repeat(16) + "{{contact.attributes.name}}");
        data(roomy, "coupon").put("thing2", "{{{contact.attributes.name}}}{{#event.scene}}x{{/event.scene}}");
        warnings(roomy).isEmpty();

        ObjectNode tight = Journeys.storeWelcome();
        data(tight, "coupon").put("thing1", "x".repeat(17) + "{{contact.attributes.name}}");
        warnings(tight).containsExactly(tuple("/nodes/coupon/message/data/thing1", "template-field-may-truncate"));
        assertThat(message(tight)).contains("17 characters of fixed text", "leaving 3 of the 20");

        ObjectNode over = Journeys.storeWelcome();
        data(over, "coupon").put("thing1", "您".repeat(21) + "{{contact.attributes.name}}");
        warnings(over).containsExactly(tuple("/nodes/coupon/message/data/thing1", "template-field-too-long"));
        assertThat(message(over)).contains("21 characters before its {{...}} values are filled in");
    }

    @Test
    void warnsAboutMarketingWordsButNotInTheLink() {
        ObjectNode document = Journeys.storeWelcome();
        data(document, "coupon").put("thing1", "限时领取优惠券");
        data(document, "coupon").putObject("thing2").put("value", "{{contact.attributes.name}}，您的订单已发货");
        Journeys.node(document, "coupon").withObjectProperty("message").put("url", "https://brand.example/大促");
        Journeys.node(document, "coupon").withObjectProperty("message").put("title", "双十一大促");

        warnings(document).containsExactly(
                tuple("/nodes/coupon/message/data/thing1", "template-marketing-content"),
                tuple("/nodes/coupon/message/title", "template-marketing-content"));
        ValidationProblem thing1 = lint(document).get(0);
        assertThat(thing1.message()).contains("(限时, 领取, 优惠券)", "kefu", "subscribe").doesNotContain("优惠,");
    }

    @Test
    void checksTheTemplateOfAMultiChannelNodeOnly() {
        ObjectNode document = Journeys.storeWelcome();
        ObjectNode node = Journeys.node(document, "coupon");
        node.remove("channel");
        node.putArray("channels").add("wechat.kefu").add("wechat.template");
        node.set("message", Journeys.json("""
                {"wechat.template":{"templateId":"T","data":{"first":"您好","thing1":"a\\nb"}},
                 "wechat.kefu":{"msgtype":"text","text":{"content":"限时优惠\\n欢迎"}}}"""));

        warnings(document).containsExactly(
                tuple("/nodes/coupon/message/wechat.template/data/first", "template-first-remark"),
                tuple("/nodes/coupon/message/wechat.template/data/thing1", "template-line-break"));
    }

    @Test
    void checksAChannelEntryThatCarriesItsOwnMessage() {
        ObjectNode document = Journeys.storeWelcome();
        ObjectNode node = Journeys.node(document, "coupon");
        node.remove("channel");
        node.remove("message");
        node.set("channels", Journeys.json("""
                {"c":[{"channel":"wechat.kefu","message":{"text":"秒杀"}},
                      {"channel":"wechat.template","message":{"data":{"remark":{"value":"x"}}}}]}""").get("c"));

        warnings(document).containsExactly(
                tuple("/nodes/coupon/channels/1/message/data/remark", "template-first-remark"));
    }

    @Test
    void leavesOtherChannelsAlone() {
        ObjectNode document = Journeys.storeWelcome();
        Journeys.node(document, "coupon").put("channel", "wechat.coupon");
        data(document, "coupon").put("first", "限时优惠\n" + "x".repeat(40));

        warnings(document).isEmpty();
    }

    @Test
    void warnsAboutBranchCasesThatCanNeverBeTaken() {
        ObjectNode document = Journeys.storeWelcome();
        Journeys.node(document, "bound").set("cases", Journeys.json("""
                {"c":[{"when":" false ","next":"done"},
                      {"when":"event.scene == 'a'","next":"done"},
                      {"when":"  event.scene == 'a'\\n","next":"coupon"},
                      {"when":"event.scene == 'b'","next":"done"},
                      {"when":"true","next":"coupon"},
                      {"when":"event.scene == 'c'","next":"done"}]}""").get("c"));

        warnings(document).containsExactly(
                tuple("/nodes/bound/cases/0", "branch-never-taken"),
                tuple("/nodes/bound/cases/2", "branch-never-taken"),
                tuple("/nodes/bound/cases/5", "branch-never-taken"),
                tuple("/nodes/bound/otherwise", "branch-never-taken"));
        assertThat(lint(document)).extracting(ValidationProblem::message).containsExactly(
                "case 0 is never taken: its condition is 'false', which never holds",
                "case 2 is never taken: its condition 'event.scene == 'a'' is the same as case 1's, "
                        + "which is tried first and wins",
                "case 5 is never taken: case 4 before it has the condition 'true', which always holds",
                "'otherwise' is never taken: case 4 has the condition 'true', which always holds");
    }

    @Test
    void acceptsATrueCaseLastAndConditionsThatOnlyLookAlike() {
        ObjectNode document = Journeys.storeWelcome();
        Journeys.node(document, "bound").remove("otherwise");
        Journeys.node(document, "bound").set("cases", Journeys.json("""
                {"c":[{"when":"contact.attributes.vip == false","next":"coupon"},
                      {"when":"event.scene=='a'","next":"coupon"},
                      {"when":"event.scene == 'a'","next":"done"},
                      {"when":"true","next":"done"}]}""").get("c"));

        Compilation compilation = Journeys.compile(document);
        assertThat(compilation.valid()).isTrue();
        warnings(document).isEmpty();
    }

    @Test
    void warnsAboutWaitsLongerThanTheGoalWindow() {
        ObjectNode longer = Journeys.storeWelcome();
        Journeys.node(longer, "wait").put("duration", "PT169H");
        warnings(longer).containsExactly(tuple("/nodes/wait/duration", "wait-exceeds-goal-window"));
        assertThat(message(longer)).isEqualTo("'duration' PT169H is longer than goal.within: contacts waiting here "
                + "can no longer convert: the goal window is P7D");

        ObjectNode inHours = Journeys.storeWelcome();
        inHours.withObjectProperty("goal").put("within", "PT48H");
        Journeys.node(inHours, "wait").put("duration", "P3D");
        warnings(inHours).containsExactly(tuple("/nodes/wait/duration", "wait-exceeds-goal-window"));

        for (String same : new String[] {"P7D", "PT168H", "P1W"}) {
            ObjectNode equal = Journeys.storeWelcome();
            Journeys.node(equal, "wait").put("duration", same);
            warnings(equal).as(same).isEmpty();
        }
    }

    @Test
    void checksTheTimeoutOfAWaitForNode() {
        ObjectNode document = Journeys.storeWelcome();
        Journeys.node(document, "wait").put("type", "waitFor");
        Journeys.node(document, "wait").remove("duration");
        Journeys.node(document, "wait").put("event", "custom.member_bound");
        Journeys.node(document, "wait").put("timeout", "P14D");

        warnings(document).containsExactly(tuple("/nodes/wait/timeout", "wait-exceeds-goal-window"));
    }

    @Test
    void skipsWaitsWithoutAGoalWindowOrWithUnreadableDurations() {
        ObjectNode noGoal = Journeys.storeWelcome();
        noGoal.remove("goal");
        Journeys.node(noGoal, "wait").put("duration", "P30D");
        warnings(noGoal).isEmpty();

        ObjectNode badWait = Journeys.storeWelcome();
        Journeys.node(badWait, "wait").put("duration", "30 days");
        assertThat(Journeys.compile(badWait).errors()).extracting(ValidationProblem::code).contains("bad-duration");
        warnings(badWait).isEmpty();

        ObjectNode badGoal = Journeys.storeWelcome();
        badGoal.withObjectProperty("goal").put("within", "P1M");
        Journeys.node(badGoal, "wait").put("duration", "P30D");
        warnings(badGoal).isEmpty();
    }

    @Test
    void neverTurnsAValidJourneyInvalid() {
        ObjectNode document = Journeys.storeWelcome();
        data(document, "coupon").put("first", "限时秒杀\n" + "抢".repeat(30));
        data(document, "welcome").put("thing2", "x".repeat(19) + "{{event.scene}}");
        Journeys.node(document, "wait").put("duration", "P30D");
        Journeys.node(document, "bound").set("cases", Journeys.json(
                "{\"c\":[{\"when\":\"true\",\"next\":\"done\"},{\"when\":\"false\",\"next\":\"done\"}]}").get("c"));

        Compilation compilation = Journeys.compile(document);

        assertThat(compilation.errors()).isEmpty();
        assertThat(compilation.valid()).isTrue();
        assertThat(compilation.definition()).isNotNull();
        assertThat(compilation.warnings()).extracting(ValidationProblem::code).containsExactlyInAnyOrder(
                "template-field-may-truncate", "template-first-remark", "template-line-break",
                "template-marketing-content", "wait-exceeds-goal-window", "branch-never-taken",
                "branch-never-taken");
    }

    @Test
    void toleratesAnyShapeWithoutThrowing() {
        String[] shapes = {
            "[]", "\"x\"", "{}", "{\"nodes\":[]}", "{\"nodes\":{\"a\":1,\"b\":null,\"c\":[]}}",
            "{\"goal\":\"P7D\",\"nodes\":{\"w\":{\"type\":\"wait\",\"duration\":{\"d\":1}}}}",
            "{\"goal\":{\"within\":7},\"nodes\":{\"w\":{\"type\":\"wait\",\"duration\":\"P9D\"}}}",
            "{\"goal\":{\"within\":\"P1D\"},\"nodes\":{\"w\":{\"type\":\"waitFor\",\"timeout\":[\"P9D\"]}}}",
            "{\"nodes\":{\"b\":{\"type\":\"branch\",\"cases\":{\"when\":\"true\"}}}}",
            "{\"nodes\":{\"b\":{\"type\":\"branch\",\"cases\":[\"true\",null,7,{\"when\":false},{\"when\":null}]}}}",
            "{\"nodes\":{\"s\":{\"type\":7,\"channel\":\"wechat.template\",\"message\":\"hi\"}}}",
            "{\"nodes\":{\"s\":{\"channel\":\"wechat.template\",\"message\":{\"data\":[\"thing1\"]}}}}",
            "{\"nodes\":{\"s\":{\"channel\":\"wechat.template\",\"message\":{\"data\":{\"thing1\":null,"
                    + "\"thing2\":7,\"thing3\":[\"x\"],\"thing4\":{\"value\":[1]},\"thing5\":{}}}}}}",
            "{\"nodes\":{\"s\":{\"channels\":\"wechat.template\",\"message\":{\"wechat.template\":\"x\"}}}}",
            "{\"nodes\":{\"s\":{\"channels\":[null,1,{\"channel\":\"wechat.template\"}],\"message\":[]}}}",
            "{\"nodes\":{\"s\":{\"channels\":[\"wechat.template\"],\"message\":{\"wechat.template\":null}}}}",
        };
        for (String shape : shapes) {
            assertThatCode(() -> {
                Compilation compilation = Journeys.COMPILER.compile(shape);
                assertThat(compilation.warnings()).extracting(ValidationProblem::code).as(shape)
                        .doesNotContainAnyElementsOf(LINT_CODES);
            }).as(shape).doesNotThrowAnyException();
        }
    }
}
