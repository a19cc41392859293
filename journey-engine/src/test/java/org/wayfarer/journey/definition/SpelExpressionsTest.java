package org.wayfarer.journey.definition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.io.File;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.springframework.expression.spel.standard.SpelExpressionParser;
import org.springframework.expression.spel.support.ReflectiveMethodResolver;

class SpelExpressionsTest {

    private final SpelExpressions expressions = new SpelExpressions();
    private final Problems problems = new Problems();

    private Expression compile(String source) {
        Expression expression = expressions.compile(source, "/trigger/when", problems);
        assertThat(problems.errors()).as(source).isEmpty();
        return expression;
    }

    private List<ValidationProblem> rejected(String source) {
        Problems own = new Problems();
        assertThat(expressions.compile(source, "/trigger/when", own)).as(source).isNull();
        return own.errors();
    }

    private static Facts facts(Map<String, Object> attributes, Map<String, Object> event) {
        return new Facts(Map.of("id", 7L, "attributes", attributes), event);
    }

    @Test
    void readsContactAndEventProperties() {
        Expression expression = compile("contact.attributes.tier == 'gold' && event.amount > 100");

        assertThat(expression.test(facts(Map.of("tier", "gold"), Map.of("amount", 150)))).isTrue();
        assertThat(expression.test(facts(Map.of("tier", "gold"), Map.of("amount", 50)))).isFalse();
        assertThat(expression.source()).isEqualTo("contact.attributes.tier == 'gold' && event.amount > 100");
    }

    @Test
    void readsMissingAttributeAsNull() {
        Expression expression = compile("contact.attributes.memberId != null");

        assertThat(expression.test(facts(Map.of(), Map.of()))).isFalse();
        assertThat(expression.test(facts(Map.of("memberId", "M1"), Map.of()))).isTrue();
        assertThat(compile("event.nothing").evaluate(facts(Map.of(), Map.of()))).isNull();
    }

    @Test
    void callsStringMethodsOnValues() {
        Expression expression = compile("event.scene.startsWith('store_')");

        assertThat(expression.test(facts(Map.of(), Map.of("scene", "store_42")))).isTrue();
        assertThat(expression.test(facts(Map.of(), Map.of("scene", "ad_42")))).isFalse();
    }

    /**
     * SpEL keeps a resolved method in the expression only when the context's one method resolver is a
     * {@link ReflectiveMethodResolver}; the read-only resolver is one, so repeated evaluations skip reflection. The
     * cached method must not outlive a change of type: {@code toString()} is allowed on a string, not on a mutable
     * number the same expression meets next.
     */
    @Test
    void cachesResolvedMethodsOnlyForTheTypeTheyWereAllowedOn() {
        assertThat(new ReadOnlyMethodResolver()).isInstanceOf(ReflectiveMethodResolver.class);
        Expression expression = compile("event.x.toString() == '5'");

        assertThat(expression.test(facts(Map.of(), Map.of("x", "5")))).isTrue();
        assertThat(expression.test(facts(Map.of(), Map.of("x", "5")))).isTrue();
        assertThatThrownBy(() -> expression.evaluate(facts(Map.of(), Map.of("x", new AtomicLong(5)))))
                .isInstanceOf(ExpressionEvaluationException.class);
    }

    @Test
    void failsWithTheSourceInTheMessageWhenCallingAMethodOnNull() {
        Expression expression = compile("event.scene.startsWith('store_')");

        assertThatThrownBy(() -> expression.evaluate(facts(Map.of(), Map.of())))
                .isInstanceOf(ExpressionEvaluationException.class)
                .hasMessageContaining("event.scene.startsWith('store_')");
    }

    @Test
    void supportsIndexesSelectionsAndNullSafeNavigation() {
        Map<String, Object> event = Map.of("tags", List.of("vip", "new"), "order", Map.of("id", "o-9"));

        assertThat(compile("event.tags[0]").evaluate(facts(Map.of(), event))).isEqualTo("vip");
        assertThat(compile("event['order']['id']").evaluate(facts(Map.of(), event))).isEqualTo("o-9");
        assertThat(compile("event.tags.?[#this.startsWith('n')].size() == 1").test(facts(Map.of(), event))).isTrue();
        assertThat(compile("event.tags.![length()]").evaluate(facts(Map.of(), event))).isEqualTo(List.of(3, 3));
        assertThat(compile("event.missing?.id").evaluate(facts(Map.of(), event))).isNull();
        assertThat(compile("event.tags.contains('vip') ? 'a' : 'b'").evaluate(facts(Map.of(), event)))
                .isEqualTo("a");
        assertThat(compile("{kind: 'x', id: event.order.id}").evaluate(facts(Map.of(), event)))
                .isEqualTo(Map.of("kind", "x", "id", "o-9"));
    }

    @Test
    void rejectsUnknownVariables() {
        assertThat(rejected("evnt.scene == 'x'")).extracting(ValidationProblem::pointer, ValidationProblem::code)
                .containsExactly(tuple("/trigger/when", "unknown-variable"));
        assertThat(rejected("scene == 'x'")).extracting(ValidationProblem::code).containsExactly("unknown-variable");
        assertThat(rejected("event.x == 1 or contct.y == 2")).extracting(ValidationProblem::code)
                .containsExactly("unknown-variable");
        assertThat(rejected("event.scene.startsWith(scene)")).extracting(ValidationProblem::code)
                .containsExactly("unknown-variable");
    }

    @Test
    void rejectsExpressionsThatDoNotParse() {
        for (String source : List.of("event.", "event.scene ==", "(event.scene", "", "   ")) {
            assertThat(rejected(source)).extracting(ValidationProblem::code).as(source)
                    .containsExactly("bad-expression");
        }
        assertThat(rejected("event.scene ==").get(0).message()).contains("event.scene ==");
    }

    @Test
    void rejectsTypeReferencesConstructorsAndBeans() {
        for (String source : List.of("T(java.lang.Runtime).getRuntime().exec('id')", "new java.io.File('x')",
                "@systemProperties", "event.scene == T(String).valueOf(1)", "&factory")) {
            assertThat(rejected(source)).extracting(ValidationProblem::code).as(source)
                    .containsExactly("bad-expression");
        }
    }

    @Test
    void rejectsAssignmentAndVariables() {
        for (String source : List.of("event.scene = 'x'", "contact.attributes.count++", "#variables",
                "#root.contact", "#this", "#fn(1)", "event.tags.?[#root != null]")) {
            assertThat(rejected(source)).extracting(ValidationProblem::code).as(source)
                    .containsExactly("bad-expression");
        }
    }

    @Test
    void rejectsMethodCallsOnTheRoot() {
        for (String source : List.of("getClass()", "size() > 0", "get('contact')", "['contact']",
                "?[true]", "![1]")) {
            assertThat(rejected(source)).extracting(ValidationProblem::code).as(source)
                    .containsExactly("bad-expression");
        }
    }

    @Test
    void rejectsGetClassAnywhere() {
        assertThat(rejected("event.scene.getClass().getName() == 'x'")).extracting(ValidationProblem::code)
                .containsExactly("bad-expression");
    }

    @Test
    void reportsEveryViolationOfOneExpression() {
        assertThat(rejected("evnt.a == T(java.lang.Math).PI")).extracting(ValidationProblem::code)
                .containsExactly("unknown-variable", "bad-expression");
    }

    /** Skips the validation rules, to show what the evaluation context alone refuses. */
    private Expression unchecked(String source) {
        return new ReadOnlySpelExpression(source, new SpelExpressionParser().parseRaw(source), expressions.context());
    }

    @Test
    void refusesMethodsOfObjectsThatAreNotPlainValues() {
        // refused at validation now (no such method is allowed), and by the evaluation context should one get past
        for (String source : List.of("event.file.delete()", "event.n.incrementAndGet()")) {
            assertThat(rejected(source)).extracting(ValidationProblem::code).as(source)
                    .containsExactly("bad-expression");
        }
        Expression expression = unchecked("event.file.delete()");
        File file = new File("never-created-" + System.nanoTime());

        assertThatThrownBy(() -> expression.evaluate(facts(Map.of(), Map.of("file", file))))
                .isInstanceOf(ExpressionEvaluationException.class)
                .hasMessageContaining("event.file.delete()");
        assertThat(file).doesNotExist();
        assertThatThrownBy(() -> compile("event.scene.class.name").evaluate(facts(Map.of(), Map.of("scene", "s"))))
                .isInstanceOf(ExpressionEvaluationException.class);
        assertThatThrownBy(() -> unchecked("event.n.incrementAndGet()")
                .evaluate(facts(Map.of(), Map.of("n", new AtomicLong()))))
                .isInstanceOf(ExpressionEvaluationException.class);
    }

    @Test
    void callsMethodsOfTimeValues() {
        Expression expression = compile("event.occurredAt.getEpochSecond() == 60");

        assertThat(expression.test(facts(Map.of(), Map.of("occurredAt", Instant.ofEpochSecond(60))))).isTrue();
    }

    @Test
    void cannotWriteIntoTheFacts() {
        Map<String, Object> event = new HashMap<>(Map.of("scene", "a"));
        List<String> tags = new ArrayList<>(List.of("vip"));
        event.put("tags", tags);

        for (String source : List.of("event.put('scene', 'b')", "event.tags.clear()", "event.tags.add('x')",
                "event.remove('scene')")) {
            assertThat(rejected(source)).extracting(ValidationProblem::code).as(source)
                    .containsExactly("bad-expression");
            assertThatThrownBy(() -> unchecked(source).evaluate(facts(Map.of(), event))).as(source)
                    .isInstanceOf(ExpressionEvaluationException.class);
        }
        assertThat(event).containsEntry("scene", "a");
        assertThat(tags).containsExactly("vip");
    }

    @Test
    void failsSafelyWhenAskedToRunATypeOrConstructorAnyway() {
        // the tree check rejects these at compile time; this proves the context alone would refuse them as well
        SpelExpressionParser parser = new SpelExpressionParser();
        for (String source : List.of("T(java.lang.Runtime).getRuntime()", "new java.io.File('x').delete()",
                "getClass()", "contact = null")) {
            Expression unchecked = new ReadOnlySpelExpression(source, parser.parseRaw(source), expressions.context());
            assertThatThrownBy(() -> unchecked.evaluate(facts(Map.of(), Map.of()))).as(source)
                    .isInstanceOf(ExpressionEvaluationException.class)
                    .hasMessageContaining(source);
        }
    }

    @Test
    void rejectsExpressionsNestedTooDeeplyInsteadOfOverflowing() {
        assertThat(rejected("(".repeat(4_000) + "true" + ")".repeat(4_000)))
                .extracting(ValidationProblem::code).containsExactly("bad-expression");
        assertThat(rejected("event.a == '" + "x".repeat(10_000) + "'"))
                .extracting(ValidationProblem::code).containsExactly("bad-expression");
        assertThat(rejected("!".repeat(SpelAstRules.MAX_DEPTH + 1) + "true"))
                .extracting(ValidationProblem::message).containsExactly("'" + "!".repeat(SpelAstRules.MAX_DEPTH + 1)
                        + "true': nested more than " + SpelAstRules.MAX_DEPTH + " levels deep");
        assertThat(compile("!".repeat(SpelAstRules.MAX_DEPTH - 1) + "true").test(facts(Map.of(), Map.of())))
                .isFalse();
    }

    @Test
    void onlyBooleanTrueIsTrue() {
        assertThat(compile("event.scene").test(facts(Map.of(), Map.of("scene", "true")))).isFalse();
        assertThat(compile("true").test(facts(Map.of(), Map.of()))).isTrue();
    }
}
