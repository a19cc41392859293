package org.wayfarer.journey.definition;

import java.util.List;
import org.springframework.expression.EvaluationContext;
import org.springframework.expression.ExpressionException;
import org.springframework.expression.ParseException;
import org.springframework.expression.spel.SpelCompilerMode;
import org.springframework.expression.spel.SpelParserConfiguration;
import org.springframework.expression.spel.standard.SpelExpression;
import org.springframework.expression.spel.standard.SpelExpressionParser;
import org.springframework.expression.spel.support.SimpleEvaluationContext;

/**
 * Compiles condition and key expressions with SpEL and checks them against the language's rules
 * ({@link SpelAstRules}). Every compiled expression shares one read-only {@link SimpleEvaluationContext}: maps are
 * readable (a missing key is null), other values only through allowed getters ({@link ReadOnlyGetterAccessor}),
 * instance methods resolve only when they are cheap reads ({@link ReadOnlyMethodResolver}, {@link AllowedMethods}),
 * and nothing is writable. Thread-safe.
 *
 * <p>Evaluation is bounded: the parser's configuration is fixed here rather than left to the
 * {@code spring.expression.*} system properties, so one evaluation performs at most {@link #MAX_OPERATIONS} SpEL
 * operations (a selection or projection costs some per element) and never runs compiled to bytecode, which would
 * skip that count. Spring itself caps text repetition ({@code 'ab' * n}) at 256 characters, concatenation with
 * {@code +} at 100,000, {@code matches} patterns at 1,000 characters and 1,000,000 character reads, and
 * {@code ^} on big numbers at {@link #MAX_BIG_POWER_BITS} bits.
 */
final class SpelExpressions {

    static final int MAX_OPERATIONS = 10_000;
    static final int MAX_BIG_POWER_BITS = 100_000;

    private final SpelExpressionParser parser = new SpelExpressionParser(SpelParserConfiguration.builder()
            .compilerMode(SpelCompilerMode.OFF)
            .maximumOperations(MAX_OPERATIONS)
            .maximumBigPowerBits(MAX_BIG_POWER_BITS)
            .build());
    private final EvaluationContext context = SimpleEvaluationContext
            .forPropertyAccessors(new LenientMapAccessor(), new ReadOnlyGetterAccessor())
            .withMethodResolvers(new ReadOnlyMethodResolver())
            .withAssignmentDisabled()
            .build();

    /**
     * Compiles {@code source}; on failure reports each problem at {@code pointer} ({@code bad-expression} or
     * {@code unknown-variable}) and returns null.
     */
    Expression compile(String source, String pointer, Problems problems) {
        if (source.isBlank()) {
            problems.error(pointer, "bad-expression", "the expression is empty");
            return null;
        }
        SpelExpression parsed;
        try {
            parsed = parser.parseRaw(source);
        } catch (ExpressionException | IllegalArgumentException e) {
            problems.error(pointer, "bad-expression", "'" + source + "' does not parse: " + describe(e));
            return null;
        } catch (StackOverflowError e) {
            // SpEL parses by recursive descent; the parser holds no shared state, so giving up here is safe
            problems.error(pointer, "bad-expression", "the expression is nested too deeply");
            return null;
        }
        List<SpelAstRules.Violation> violations = SpelAstRules.check(parsed.getAST());
        for (SpelAstRules.Violation violation : violations) {
            problems.error(pointer, violation.code(), "'" + source + "': " + violation.message());
        }
        return violations.isEmpty() ? new ReadOnlySpelExpression(source, parsed, context) : null;
    }

    /** The shared read-only evaluation context. */
    EvaluationContext context() {
        return context;
    }

    private static String describe(Exception e) {
        if (e instanceof ParseException parse) {
            String where = parse.getPosition() >= 0 ? " (at character " + (parse.getPosition() + 1) + ")" : "";
            return parse.getSimpleMessage() + where;
        }
        if (e instanceof ExpressionException expression) {
            return expression.getSimpleMessage();
        }
        return e.getMessage();
    }
}
