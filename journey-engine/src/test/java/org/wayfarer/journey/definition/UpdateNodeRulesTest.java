package org.wayfarer.journey.definition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

class UpdateNodeRulesTest {

    private static ObjectNode withUpdate(String json) {
        ObjectNode document = Journeys.storeWelcome();
        Journeys.node(document, "welcome").put("next", "tag");
        ((ObjectNode) document.get("nodes")).set("tag", Journeys.json(json));
        return document;
    }

    @Test
    void readsSetUnsetAndTagsAsTemplates() {
        Compilation compilation = Journeys.compile(withUpdate("""
                {"type":"update","set":{"level":"gold","points":100,"store":"{{event.scene}}"},"unset":["lapsed"],
                 "addTags":["store_{{event.scene}}","会员"],"removeTags":["guest"],"next":"wait"}"""));

        assertThat(compilation.errors()).isEmpty();
        UpdateNode update = (UpdateNode) compilation.definition().node("tag");
        assertThat(update.unset()).containsExactly("lapsed");
        assertThat(update.next()).isEqualTo("wait");
        assertThat(update.changes().render(new Facts(Map.of(), Map.of("scene", "s9"))))
                .isEqualTo(Map.of("set", Map.of("level", "gold", "points", 100, "store", "s9"),
                        "addTags", List.of("store_s9", "会员"), "removeTags", List.of("guest")));
    }

    @Test
    void rejectsAnEmptyUpdateBadNamesAndBadTags() {
        assertThat(Journeys.compile(withUpdate("{\"type\":\"update\",\"next\":\"wait\"}")).errors())
                .extracting(ValidationProblem::pointer, ValidationProblem::code)
                .containsExactly(tuple("/nodes/tag", "missing-field"));
        assertThat(Journeys.compile(withUpdate("""
                {"type":"update","set":{"9lives":"x"},"unset":["ok", "bad name"],
                 "addTags":[" padded", "%s"],"removeTags":[],"next":"wait"}""".formatted("t".repeat(65)))).errors())
                .extracting(ValidationProblem::pointer, ValidationProblem::code)
                .containsExactlyInAnyOrder(tuple("/nodes/tag/set/9lives", "bad-value"),
                        tuple("/nodes/tag/unset/bad name", "bad-value"),
                        tuple("/nodes/tag/addTags/0", "bad-value"), tuple("/nodes/tag/addTags/1", "bad-value"),
                        tuple("/nodes/tag/removeTags", "bad-value"));
    }
}
