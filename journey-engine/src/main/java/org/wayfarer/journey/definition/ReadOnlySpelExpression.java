package org.wayfarer.journey.definition;

import java.util.Map;
import org.springframework.expression.EvaluationContext;
import org.springframework.expression.spel.standard.SpelExpression;

/**
 * A checked SpEL expression evaluated against {@code {contact, event}} in the shared read-only context. The root is
 * passed per call, so one instance serves all threads.
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
        Map<String, Object> root = Map.of("contact", facts.contact(), "event", facts.event());
        try {
            return expression.getValue(context, root);
        } catch (RuntimeException e) {
            // SpEL reports most failures as EvaluationException; anything thrown by a value's own method is also
            // a failure of this expression, not of the engine
            throw new ExpressionEvaluationException("expression '" + source + "' failed: " + e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        return source;
    }
}
