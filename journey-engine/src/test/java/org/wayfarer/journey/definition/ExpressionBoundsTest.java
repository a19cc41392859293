package org.wayfarer.journey.definition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Duration;
import java.time.Instant;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.expression.spel.standard.SpelExpressionParser;

/**
 * Expressions cannot exhaust the engine: methods that allocate or backtrack without bound are refused at validation
 * (and by the evaluation context, should one slip past), evaluation is held to an operation budget, and an Error
 * raised while evaluating comes back as an {@link ExpressionEvaluationException}.
 */
class ExpressionBoundsTest {

    private final SpelExpressions expressions = new SpelExpressions();

    private Expression compile(String source) {
        Problems problems = new Problems();
        Expression expression = expressions.compile(source, "/trigger/when", problems);
        assertThat(problems.errors()).as(source).isEmpty();
        return expression;
    }

    private List<ValidationProblem> rejected(String source) {
        Problems problems = new Problems();
        assertThat(expressions.compile(source, "/trigger/when", problems)).as(source).isNull();
        return problems.errors();
    }

    /** Skips the validation rules, to show what the evaluation context alone does. */
    private Expression unchecked(String source) {
        return new ReadOnlySpelExpression(source, new SpelExpressionParser().parseRaw(source), expressions.context());
    }

    private static Facts event(Map<String, Object> event) {
        return new Facts(Map.of("id", 7L, "attributes", Map.of()), event);
    }

    @Test
    void refusesAtValidationMethodsThatAllocateOrBacktrackWithoutBound() {
        for (String source : List.of("event.x.repeat(1000000000) == ''", "event.x.formatted(1)",
                "event.x.matches('(a+)+$')", "event.x.replaceAll('a', 'b')", "event.x.replaceFirst('a', 'b')",
                "event.x.split(',').length", "event.x.chars()", "event.x.codePoints()", "event.x.toCharArray()",
                "event.x.getBytes()", "event.x.concat(event.x)", "event.x.replace('a', event.y)",
                "event.x.lines()", "event.x.indent(100000000)", "event.x.intern()", "event.x.describeConstable()",
                "event.tags.toArray()", "event.tags.stream()", "event.tags.containsAll(event.other)",
                "event.amount.pow(999999999)", "event.amount.setScale(999999999)", "event.amount.toPlainString()",
                "event.tags.?[#this.repeat(9) != null]", "{event.x}.![#this.split('')]")) {
            assertThat(rejected(source)).as(source)
                    .extracting(ValidationProblem::pointer, ValidationProblem::code)
                    .containsExactly(tuple("/trigger/when", "bad-expression"));
        }
        assertThat(rejected("event.x.repeat(1000000000) == ''").get(0).message())
                .contains("'repeat'", "not allowed");
    }

    @Test
    void stillAllowsTheCheapReadOnlyMethods() {
        Map<String, Object> event = Map.of("scene", " Store_42 ", "tags", List.of("vip", "new"),
                "order", Map.of("id", "o-9"), "amount", 150, "at", Instant.ofEpochSecond(60));

        for (String source : List.of("event.scene.trim().toLowerCase().startsWith('store_')",
                "event.scene.strip().endsWith('42') && !event.scene.isEmpty() && !event.scene.isBlank()",
                "event.scene.contains('_4') && event.scene.indexOf('S') == 1 && event.scene.lastIndexOf('4') == 7",
                "event.scene.substring(1, 6).equalsIgnoreCase('store') && event.scene.charAt(1).toString() == 'S'",
                "event.scene.length() == 10 && event.scene.toUpperCase().compareTo(' STORE_42 ') == 0",
                "event.tags.size() == 2 && event.tags.contains('vip') && event.tags.get(0) == 'vip'",
                "event.tags.indexOf('new') == 1 && !event.tags.isEmpty()",
                "event.order.containsKey('id') && event.order.get('id') == 'o-9'",
                "event.order.getOrDefault('x', 'd') == 'd' && event.order.containsValue('o-9')",
                "event.amount.intValue() > 100 && event.amount.compareTo(150) == 0",
                "event.at.getEpochSecond() == 60 && event.at.isBefore(event.at.plusSeconds(1))",
                "event.tags.![length()].size() == 2 && event.tags.?[#this.startsWith('n')].size() == 1",
                "event.scene.empty == false && event.scene.blank == false",
                "'ab' * 3 == 'ababab' && 2 ^ 10 == 1024 && event.scene + '!' != null")) {
            assertThat(compile(source).test(event(event))).as(source).isTrue();
        }
    }

    @Test
    void theEvaluationContextRefusesThemTooWithoutAllocating() {
        Map<String, Object> event = Map.of("x", "ab", "y", "b".repeat(1_000));

        for (String source : List.of("event.x.repeat(1000000000)", "event.x.bytes", "event.x.getBytes()",
                "event.x.toCharArray()", "event.x.matches('(a+)+$')", "event.x.split('')",
                "event.x.replace('a', event.y)", "event.x.concat(event.y)", "event.x.formatted(1)")) {
            assertThatThrownBy(() -> unchecked(source).evaluate(event(event))).as(source)
                    .isInstanceOf(ExpressionEvaluationException.class)
                    .hasMessageContaining(source);
        }
    }

    @Test
    void boundsIterationByAnOperationBudget() {
        List<Integer> items = IntStream.range(0, 10_000).boxed().toList();

        Expression projection = compile("event.items.![#this * 2].size() > 0");

        assertThatThrownBy(() -> projection.evaluate(event(Map.of("items", items))))
                .isInstanceOf(ExpressionEvaluationException.class)
                .hasMessageContaining("operations");
        assertThat(compile("event.items.?[#this > 5].size() == 4").test(event(Map.of("items", items.subList(0, 10)))))
                .isTrue();
    }

    @Test
    void stopsACatastrophicRegularExpressionQuickly() {
        // plain java.util.regex takes seconds for this on 30 characters, and doubles with every one more
        Expression expression = compile("event.s matches '(.*a){12}'");
        long started = System.nanoTime();

        assertThatThrownBy(() -> expression.evaluate(event(Map.of("s", "a".repeat(40) + "!"))))
                .isInstanceOf(ExpressionEvaluationException.class);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));
        assertThat(expression.test(event(Map.of("s", "a".repeat(12))))).isTrue();
    }

    @Test
    void containsAStackOverflowRaisedWhileEvaluating() {
        // two lists that contain themselves: List.equals recurses until the stack runs out
        List<Object> a = new ArrayList<>();
        a.add(a);
        List<Object> b = new ArrayList<>();
        b.add(b);

        Expression expression = compile("event.a == event.b");

        assertThatThrownBy(() -> expression.evaluate(event(Map.of("a", a, "b", b))))
                .isInstanceOf(ExpressionEvaluationException.class)
                .hasMessageContaining("event.a == event.b")
                .hasMessageContaining("stack")
                .hasCauseInstanceOf(StackOverflowError.class);
    }

    @Test
    void containsAnOutOfMemoryErrorRaisedWhileEvaluating() {
        Expression expression = compile("event.x == 'a'");

        assertThatThrownBy(() -> expression.evaluate(event(new Failing(new OutOfMemoryError("Java heap space")))))
                .isInstanceOf(ExpressionEvaluationException.class)
                .hasMessageContaining("event.x == 'a'")
                .hasMessageContaining("memory")
                .hasCauseInstanceOf(OutOfMemoryError.class);
    }

    @Test
    void letsOtherErrorsThrough() {
        Expression expression = compile("event.x == 'a'");

        assertThatThrownBy(() -> expression.evaluate(event(new Failing(new LinkageError("broken class path")))))
                .isInstanceOf(LinkageError.class);
    }

    /** A map whose every read throws the given Error, as if evaluation ran out of a resource right there. */
    static final class Failing extends AbstractMap<String, Object> {

        private final Error error;

        Failing(Error error) {
            this.error = error;
        }

        @Override
        public Object get(Object key) {
            throw error;
        }

        @Override
        public boolean containsKey(Object key) {
            throw error;
        }

        @Override
        public Set<Entry<String, Object>> entrySet() {
            return Collections.emptySet();
        }
    }
}
