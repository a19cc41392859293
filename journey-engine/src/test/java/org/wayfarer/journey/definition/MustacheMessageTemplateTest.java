package org.wayfarer.journey.definition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.Test;

class MustacheMessageTemplateTest {

    private static MessageTemplate template(String json) {
        Problems problems = new Problems();
        MessageTemplate template = MustacheMessageTemplate.compile(Journeys.json(json), "/nodes/n/message", problems);
        assertThat(problems.errors()).isEmpty();
        return template;
    }

    private static Facts facts(Map<String, Object> attributes, Map<String, Object> event) {
        return new Facts(Map.of("id", 7L, "attributes", attributes), event);
    }

    @Test
    void rendersCompoundKeysFromContactAndEvent() {
        MessageTemplate template = template(
                "{\"data\":{\"thing1\":\"{{contact.attributes.name}}\",\"thing2\":\"Scene {{event.scene}}\"}}");

        assertThat(template.render(facts(Map.of("name", "Wang"), Map.of("scene", "store_3"))))
                .isEqualTo(Map.of("data", Map.of("thing1", "Wang", "thing2", "Scene store_3")));
    }

    @Test
    void rendersMissingAndNullValuesAsEmptyText() {
        Map<String, Object> attributes = new HashMap<>();
        attributes.put("name", null);
        MessageTemplate template = template("{\"a\":\"[{{contact.attributes.name}}]\",\"b\":\"[{{event.x.y.z}}]\","
                + "\"c\":\"[{{nothing}}]\"}");

        assertThat(template.render(facts(attributes, Map.of()))).isEqualTo(Map.of("a", "[]", "b", "[]", "c", "[]"));
        assertThat(template.render(new Facts(Map.of(), Map.of()))).isEqualTo(Map.of("a", "[]", "b", "[]", "c", "[]"));
    }

    @Test
    void fallsBackWithInvertedSections() {
        MessageTemplate template = template("{\"greeting\":\"Hi {{#contact.attributes.name}}{{contact.attributes.name}}"
                + "{{/contact.attributes.name}}{{^contact.attributes.name}}friend{{/contact.attributes.name}}!\"}");

        assertThat(template.render(facts(Map.of("name", "Li"), Map.of()))).containsEntry("greeting", "Hi Li!");
        assertThat(template.render(facts(Map.of(), Map.of()))).containsEntry("greeting", "Hi friend!");
        assertThat(template.render(facts(Map.of("name", ""), Map.of()))).containsEntry("greeting", "Hi friend!");
    }

    @Test
    void doesNotEscapeHtml() {
        MessageTemplate template = template("{\"text\":\"{{event.q}}\"}");

        assertThat(template.render(facts(Map.of(), Map.of("q", "a<b> & 'c'")))).containsEntry("text", "a<b> & 'c'");
    }

    @Test
    void keepsShapeAndPassesNumbersAndBooleansThrough() {
        MessageTemplate template = template("{\"miniprogram\":{\"appid\":\"wx1\",\"pagepath\":\"p?id={{event.id}}\"},"
                + "\"list\":[\"{{event.id}}\",1,{\"k\":\"v\"}],\"count\":3,\"big\":12345678901234,\"ratio\":0.5,"
                + "\"on\":true,\"plain\":\"no tags here\"}");

        Map<String, Object> rendered = template.render(facts(Map.of(), Map.of("id", 42)));

        assertThat(rendered).isEqualTo(Map.of(
                "miniprogram", Map.of("appid", "wx1", "pagepath", "p?id=42"),
                "list", List.of("42", 1, Map.of("k", "v")),
                "count", 3, "big", 12345678901234L, "ratio", 0.5, "on", true, "plain", "no tags here"));
        assertThat(rendered.keySet()).containsExactly("miniprogram", "list", "count", "big", "ratio", "on", "plain");
    }

    @Test
    void iteratesListsInSections() {
        MessageTemplate template = template("{\"text\":\"{{#event.items}}{{name}};{{/event.items}}\"}");

        assertThat(template.render(facts(Map.of(), Map.of("items", List.of(Map.of("name", "tea"),
                Map.of("name", "cake")))))).containsEntry("text", "tea;cake;");
    }

    @Test
    void readsMapsOnlyNeverGettersOfOtherObjects() {
        MessageTemplate template = template("{\"text\":\"[{{event.amount.scale}}][{{event.amount}}]\"}");

        assertThat(template.render(facts(Map.of(), Map.of("amount", new BigDecimal("9.50")))))
                .containsEntry("text", "[][9.50]");
    }

    @Test
    void rendersTheSameTemplateConcurrently() throws Exception {
        MessageTemplate template = template("{\"t\":\"{{event.n}}\"}");
        List<Thread> threads = new ArrayList<>();
        Queue<String> mismatches = new ConcurrentLinkedQueue<>();
        for (int t = 0; t < 4; t++) {
            Thread thread = new Thread(() -> {
                for (int i = 0; i < 2_000; i++) {
                    Object rendered = template.render(facts(Map.of(), Map.of("n", i))).get("t");
                    if (!String.valueOf(i).equals(rendered)) {
                        mismatches.add(i + "!=" + rendered);
                    }
                }
            });
            threads.add(thread);
            thread.start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
        assertThat(mismatches).isEmpty();
    }

    @Test
    void reportsEveryBadLeafWithItsPointer() {
        Problems problems = new Problems();

        MessageTemplate template = MustacheMessageTemplate.compile(Journeys.json(
                "{\"a\":\"{{#x}}open\",\"b\":[\"ok\",\"{{/y}}\"],\"c\":{\"d\":\"{{>partial}}\"},\"e\":null}"),
                "/nodes/n/message", problems);

        assertThat(template).isNull();
        assertThat(problems.errors()).extracting(ValidationProblem::pointer, ValidationProblem::code).containsExactly(
                tuple("/nodes/n/message/a", "bad-template"),
                tuple("/nodes/n/message/b/1", "bad-template"),
                tuple("/nodes/n/message/c/d", "bad-template"),
                tuple("/nodes/n/message/e", "bad-value"));
    }

    @Test
    void rejectsSectionsNestedTooDeeplyAndDelimiterChanges() {
        int tooDeep = MustacheMessageTemplate.MAX_SECTION_DEPTH + 1;
        String deep = "{{#contact}}".repeat(tooDeep) + "x" + "{{/contact}}".repeat(tooDeep);
        Problems problems = new Problems();

        MustacheMessageTemplate.compile(Journeys.json("{\"a\":\"" + deep + "\",\"b\":\"{{=<% %>=}}<%event.x%>\"}"),
                "/m", problems);

        assertThat(problems.errors()).extracting(ValidationProblem::pointer, ValidationProblem::code)
                .containsExactly(tuple("/m/a", "bad-template"), tuple("/m/b", "bad-template"));
        String deepest = "{{#contact}}".repeat(tooDeep - 1) + "{{id}}" + "{{/contact}}".repeat(tooDeep - 1);
        assertThat(template("{\"a\":\"" + deepest + "\"}").render(facts(Map.of(), Map.of()))).containsEntry("a", "7");
    }

    @Test
    void escapesFieldNamesInPointers() {
        Problems problems = new Problems();

        MustacheMessageTemplate.compile(Journeys.json("{\"a/b\":\"{{#x}}\"}"), "/nodes/n/message", problems);

        assertThat(problems.errors()).extracting(ValidationProblem::pointer)
                .containsExactly("/nodes/n/message/a~1b");
    }
}
