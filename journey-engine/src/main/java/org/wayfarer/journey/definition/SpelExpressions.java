package org.wayfarer.journey.definition;

import java.util.List;
import org.springframework.expression.EvaluationContext;
import org.springframework.expression.ExpressionException;
import org.springframework.expression.ParseException;
import org.springframework.expression.spel.standard.SpelExpression;
import org.springframework.expression.spel.standard.SpelExpressionParser;
import org.springframework.expression.spel.support.DataBindingPropertyAccessor;
import org.springframework.expression.spel.support.SimpleEvaluationContext;

/**
 * Compiles condition and key expressions with SpEL and checks them against the language's rules
 * ({@link SpelAstRules}). Every compiled expression shares one read-only {@link SimpleEvaluationContext}: maps are
 * readable (a missing key is null), public getters are readable, instance methods resolve only when they cannot
 * change anything ({@link ReadOnlyMethodResolver}), and nothing is writable. Thread-safe.
 */
final class SpelExpressions {

    private final SpelExpressionParser parser = new SpelExpressionParser();
    private final EvaluationContext context = SimpleEvaluationContext
            .forPropertyAccessors(new LenientMapAccessor(), DataBindingPropertyAccessor.forReadOnlyAccess())
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
