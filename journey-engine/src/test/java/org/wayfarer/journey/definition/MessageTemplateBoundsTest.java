package org.wayfarer.journey.definition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Rendering a message cannot exhaust the engine: sections stop after a budget of iterations, each rendered value
 * and the whole message have a length limit, and an Error raised while rendering comes back as a
 * {@link TemplateRenderException} naming the field.
 */
class MessageTemplateBoundsTest {

    private static final String AT = "/nodes/welcome/message";

    private static MessageTemplate template(String json) {
        Problems problems = new Problems();
        MessageTemplate template = MustacheMessageTemplate.compile(Journeys.json(json), AT, problems);
        assertThat(problems.errors()).isEmpty();
        return template;
    }

    private static Facts event(Map<String, Object> event) {
        return new Facts(Map.of("id", 7L, "attributes", Map.of()), event);
    }

    private static List<Map<String, Object>> items(int count) {
        return IntStream.range(0, count).<Map<String, Object>>mapToObj(i -> Map.of("name", "item" + i)).toList();
    }

    @Test
    void cutsOffNestedSectionsOverALargeListWithAClearError() {
        MessageTemplate template = template("{\"data\":{\"thing1\":"
                + "\"{{#event.items}}{{#event.items}}{{name}}{{/event.items}}{{/event.items}}\"}}");

        assertThatThrownBy(() -> template.render(event(Map.of("items", items(10_000)))))
                .isInstanceOf(TemplateRenderException.class)
                .hasMessageContaining(AT + "/data/thing1");
    }

    @Test
    void stopsSectionsThatIterateWithoutWritingAnything() {
        MessageTemplate template = template("{\"text\":\"{{#event.items}}{{#event.items}}{{#event.items}}"
                + "{{/event.items}}{{/event.items}}{{/event.items}}\"}");

        assertThatThrownBy(() -> template.render(event(Map.of("items", items(100)))))
                .isInstanceOf(TemplateRenderException.class)
                .hasMessageContaining(AT + "/text")
                .hasMessageContaining(MustacheMessageTemplate.MAX_SECTION_ITERATIONS + " section iterations");
    }

    @Test
    void limitsTheLengthOfOneRenderedValue() {
        MessageTemplate template = template("{\"text\":\"{{event.long}}\",\"ok\":\"{{event.short}}\"}");
        String justFits = "x".repeat(MustacheMessageTemplate.MAX_VALUE_CHARS);

        assertThat(template.render(event(Map.of("long", justFits, "short", "s")))).containsEntry("text", justFits);
        assertThatThrownBy(() -> template.render(event(Map.of("long", justFits + "x", "short", "s"))))
                .isInstanceOf(TemplateRenderException.class)
                .hasMessageContaining(AT + "/text")
                .hasMessageContaining(MustacheMessageTemplate.MAX_VALUE_CHARS + " characters");
    }

    @Test
    void limitsTheLengthOfTheWholeMessage() {
        StringBuilder json = new StringBuilder("{\"list\":[");
        int fields = MustacheMessageTemplate.MAX_MESSAGE_CHARS / MustacheMessageTemplate.MAX_VALUE_CHARS + 1;
        for (int i = 0; i < fields; i++) {
            json.append(i == 0 ? "" : ",").append("\"{{event.long}}\"");
        }
        MessageTemplate template = template(json.append("]}").toString());

        assertThatThrownBy(() -> template.render(event(Map.of("long", "y".repeat(
                MustacheMessageTemplate.MAX_VALUE_CHARS)))))
                .isInstanceOf(TemplateRenderException.class)
                .hasMessageContaining(AT + "/list/" + (fields - 1))
                .hasMessageContaining(MustacheMessageTemplate.MAX_MESSAGE_CHARS + " characters");
    }

    @Test
    void iteratesOrdinaryListsAsBefore() {
        MessageTemplate template = template("{\"text\":\"{{#event.items}}{{name}};{{/event.items}}\"}");

        Map<String, Object> rendered = template.render(event(Map.of("items", items(1_000))));

        assertThat((String) rendered.get("text")).startsWith("item0;item1;").endsWith("item999;");
    }

    @Test
    void containsAStackOverflowRaisedWhileRendering() {
        MessageTemplate template = template("{\"data\":{\"thing1\":\"{{event.x}}\"}}");

        assertThatThrownBy(() -> template.render(event(new ExpressionBoundsTest.Failing(new StackOverflowError()))))
                .isInstanceOf(TemplateRenderException.class)
                .isInstanceOf(ExpressionEvaluationException.class)
                .hasMessageContaining(AT + "/data/thing1")
                .hasMessageContaining("stack")
                .hasCauseInstanceOf(StackOverflowError.class);
    }

    @Test
    void containsAnOutOfMemoryErrorRaisedWhileRendering() {
        MessageTemplate template = template("{\"text\":\"{{#event.items}}x{{/event.items}}\"}");

        assertThatThrownBy(() -> template.render(event(new ExpressionBoundsTest.Failing(
                new OutOfMemoryError("Java heap space")))))
                .isInstanceOf(TemplateRenderException.class)
                .hasMessageContaining(AT + "/text")
                .hasMessageContaining("memory")
                .hasCauseInstanceOf(OutOfMemoryError.class);
    }

    @Test
    void rendersAgainAfterAFailedRender() {
        MessageTemplate template = template("{\"text\":\"{{#event.items}}{{name}}{{/event.items}}\"}");
        assertThatThrownBy(() -> template.render(event(Map.of("items", items(20_000)))))
                .isInstanceOf(TemplateRenderException.class);

        assertThat(template.render(event(Map.of("items", items(2))))).containsEntry("text", "item0item1");
    }
}
