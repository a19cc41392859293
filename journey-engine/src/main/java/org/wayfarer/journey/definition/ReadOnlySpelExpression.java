package org.wayfarer.journey.definition;

import java.util.Map;
import org.springframework.expression.EvaluationContext;
import org.springframework.expression.spel.standard.SpelExpression;

/**
 * A checked SpEL expression evaluated against the {@link Facts} root in the shared read-only context. The root is
 * passed per call, so one instance serves all threads.
 *
 * <p>A {@link StackOverflowError} or {@link OutOfMemoryError} raised while evaluating is contained: it becomes an
 * {@link ExpressionEvaluationException}, so the caller treats it like any other failed condition. That is safe here
 * because evaluation holds no lock and changes no shared state (the facts are read-only; Spring's caches of resolved
 * methods are replaced atomically), so once the stack has unwound nothing is left half-done, and whatever the
 * evaluation allocated is garbage. Other Errors (a broken class path, an internal VM error) say nothing about this
 * expression and pass through.
 */
final class ReadOnlySpelExpression implements Expression {

    private final String source;
    private final SpelExpression expression;
    private final EvaluationContext context;

    ReadOnlySpelExpression(String source, SpelExpression expression, EvaluationContext context) {
        this.source = source;
        this.expression = expression;
        this.context = context;
    }

    @Override
    public String source() {
        return source;
    }

    @Override
    public Object evaluate(Facts facts) {
        Map<String, Object> root = facts.asRoot();
        try {
            return expression.getValue(context, root);
        } catch (RuntimeException e) {
            // SpEL reports most failures as EvaluationException; anything thrown by a value's own method is also
            // a failure of this expression, not of the engine
            throw new ExpressionEvaluationException("expression '" + source + "' failed: " + e.getMessage(), e);
        } catch (StackOverflowError e) {
            throw new ExpressionEvaluationException("expression '" + source + "' failed: it exhausted the stack "
                    + "(a value nested or referring to itself too deeply)", e);
        } catch (OutOfMemoryError e) {
            throw new ExpressionEvaluationException("expression '" + source + "' failed: it ran out of memory", e);
        }
    }

    @Override
    public String toString() {
        return source;
    }
}
