package org.wayfarer.journey.recipe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.wayfarer.journey.definition.Compilation;
import org.wayfarer.journey.definition.JourneyCompiler;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The shipped recipes: they load, compile cleanly with the product's channels, and take their overrides. */
class RecipeBookTest {

    /**
     * The send channels the product registers (channel-wechat's template sender; the webhook has its own node), so
     * a recipe that passes here publishes in the product.
     */
    private static final JourneyCompiler PRODUCT_COMPILER =
            new JourneyCompiler(Set.of("wechat.template"), JourneyCompiler.Limits.defaults());
    private static final JsonMapper JSON = JsonMapper.shared();

    private final RecipeBook book = RecipeBook.shipped();

    @Test
    void shipsTheFiveRecipesInCatalogueOrderWithTheirMetadata() {
        assertThat(book.list()).extracting(Recipe::key).containsExactly("welcome-by-qr-scene", "member-binding",
                "abandoned-cart", "upsell-repurchase", "birthday-offer");
        assertThat(book.list()).extracting(Recipe::category)
                .containsExactly("onboarding", "membership", "conversion", "retention", "retention");
        for (Recipe recipe : book.list()) {
            assertThat(recipe.name()).as(recipe.key()).isNotBlank();
            assertThat(recipe.description()).as(recipe.key()).hasSizeGreaterThan(40);
            assertThat(recipe.parameters()).as(recipe.key()).isNotEmpty()
                    .allSatisfy(p -> assertThat(p.description()).isNotBlank());
            assertThat(recipe.journey().has("key")).as("key comes from the overrides").isFalse();
        }
        assertThat(book.get("welcome-by-qr-scene").parameters()).extracting(RecipeParameter::name)
                .containsExactly("scenePrefix", "welcomeTemplateId", "miniAppId", "miniPagePath", "bindTemplateId",
                        "bindUrl", "memberTag", "preferencesTemplateId", "preferenceMenuPrefix");
    }

    @Test
    void everyRecipeCompilesWithNeitherErrorsNorWarningsAndLeavesNoPlaceholder() {
        for (Recipe recipe : book.list()) {
            String definition = recipe.definition(RecipeOverrides.none());
            Compilation compilation = PRODUCT_COMPILER.compile(definition);
            assertThat(compilation.errors()).as(recipe.key() + " errors").isEmpty();
            assertThat(compilation.warnings()).as(recipe.key() + " warnings (template lint included)").isEmpty();
            assertThat(compilation.definition().key()).isEqualTo(recipe.key());
            assertThat(compilation.definition().name()).isEqualTo(recipe.name());
            assertThat(definition).as(recipe.key()).doesNotContain("${");
            assertThat(recipe.journey().toString()).as("the recipe itself has placeholders").contains("${");
        }
    }

    @Test
    void overridesSetKeyNameAndParametersAndLeaveMustacheTagsForTheSend() {
        Recipe welcome = book.get("welcome-by-qr-scene");
        String definition = welcome.definition(new RecipeOverrides("mall-welcome", "Mall welcome",
                Map.of("scenePrefix", "mall_", "welcomeTemplateId", "TPL_X")));

        JsonNode json = JSON.readTree(definition);
        assertThat(json.at("/key").stringValue()).isEqualTo("mall-welcome");
        assertThat(json.at("/name").stringValue()).isEqualTo("Mall welcome");
        assertThat(json.at("/trigger/when").stringValue())
                .isEqualTo("event.scene != null && event.scene.startsWith('mall_')");
        assertThat(json.at("/nodes/welcome/message/templateId").stringValue()).isEqualTo("TPL_X");
        assertThat(json.at("/nodes/askBind/message/templateId").stringValue()).as("a default").isEqualTo("TPL_BIND");
        assertThat(json.at("/nodes/askBind/message/url").stringValue())
                .isEqualTo("https://brand.example/member/bind?scene={{event.scene}}");
        assertThat(json.at("/nodes/welcome/message/miniprogram/pagepath").stringValue())
                .isEqualTo("pages/store/index?scene={{event.scene}}");
        Compilation compilation = PRODUCT_COMPILER.compile(definition);
        assertThat(compilation.errors()).isEmpty();
        assertThat(compilation.definition().key()).isEqualTo("mall-welcome");
    }

    @Test
    void aDurationParameterReplacesAWholeField() {
        JsonNode json = JSON.readTree(book.get("upsell-repurchase").definition(
                new RecipeOverrides(null, null, Map.of("crossSellAfter", "PT36H", "repurchaseAfter", "P60D"))));

        assertThat(json.at("/nodes/settle/duration").stringValue()).isEqualTo("PT36H");
        assertThat(json.at("/nodes/again/timeout").stringValue()).isEqualTo("P60D");
        assertThat(PRODUCT_COMPILER.compile(json.toString()).warnings()).extracting(p -> p.code())
                .as("the lint still speaks about the result").containsExactly("wait-exceeds-goal-window");
    }

    @Test
    void refusesUnknownParametersAndValuesOutsideTheirPatternAllAtOnce() {
        Recipe welcome = book.get("welcome-by-qr-scene");
        JsonNode body = JSON.readTree("""
                {"overrides": {"key": 7, "nodes": {}, "params": {
                   "templateId": "TPL_X", "scenePrefix": "x') || true || ('", "bindUrl": 42,
                   "welcomeTemplateId": "${scenePrefix}"}}, "extra": true}""");

        assertThatThrownBy(() -> RecipeOverridesReader.read(body, welcome))
                .isInstanceOfSatisfying(InvalidRecipeOverridesException.class, e -> assertThat(e.errors())
                        .extracting(p -> p.pointer() + " " + p.code())
                        .containsExactly("/extra unknown-field", "/overrides/nodes unknown-field",
                                "/overrides/key bad-value", "/overrides/params/templateId unknown-param",
                                "/overrides/params/scenePrefix bad-value", "/overrides/params/bindUrl bad-value",
                                "/overrides/params/welcomeTemplateId bad-value"));
        assertThatThrownBy(() -> welcome.definition(new RecipeOverrides(null, null, Map.of("nope", "x"))))
                .isInstanceOfSatisfying(InvalidRecipeOverridesException.class, e -> assertThat(e.errors().get(0)
                        .message()).contains("has no parameter of this name").contains("scenePrefix, welcome"));
    }

    @Test
    void aMissingOrEmptyBodyMeansTheRecipeAsShipped() {
        Recipe cart = book.get("abandoned-cart");
        for (String body : List.of("{}", "{\"overrides\": {}}", "{\"overrides\": null}", "null")) {
            assertThat(RecipeOverridesReader.read(JSON.readTree(body), cart)).as(body)
                    .isEqualTo(RecipeOverrides.none());
        }
        assertThat(RecipeOverridesReader.read(null, cart)).isEqualTo(RecipeOverrides.none());
        assertThatThrownBy(() -> RecipeOverridesReader.read(JSON.readTree("[1]"), cart))
                .isInstanceOfSatisfying(InvalidRecipeOverridesException.class,
                        e -> assertThat(e.errors().get(0).code()).isEqualTo("not-an-object"));
    }

    @Test
    void anUnknownRecipeIsNotFound() {
        assertThat(book.find("nope")).isEmpty();
        assertThatThrownBy(() -> book.get("nope")).isInstanceOf(RecipeNotFoundException.class)
                .hasMessage("no recipe 'nope'");
    }

    @Test
    void aMalformedRecipeIsRefusedWithEveryProblem() {
        String recipe = """
                {"key": "Bad Key", "name": "x", "description": "x", "category": "x", "extra": 1,
                 "params": {"used": {"description": "d", "default": "A", "pattern": "[A-Z]"},
                            "unused": {"description": "d", "default": "a", "pattern": "[A-Z]"}},
                 "journey": {"key": "k", "trigger": {"event": "${used}", "when": "${missing} ${ oops"},
                             "nodes": {"${used}": {}}}}""";

        assertThatThrownBy(() -> RecipeReader.read(recipe, "test.json"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("/extra: not a recipe field")
                .hasMessageContaining("/key: must be 1 to 64 lower-case")
                .hasMessageContaining("/params/unused/default: does not match")
                .hasMessageContaining("/journey: leave out key and name")
                .hasMessageContaining("/journey/trigger/when: '${' must open a placeholder")
                .hasMessageContaining("/journey/nodes: field names cannot hold placeholders")
                .hasMessageContaining("placeholder ${missing} names no parameter")
                .hasMessageContaining("/params/unused: the journey never uses ${unused}");
    }
}
