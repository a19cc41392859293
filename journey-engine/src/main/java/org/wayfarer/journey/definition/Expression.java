package org.wayfarer.journey.definition;

/**
 * A compiled, side-effect-free expression over {@link Facts} (conditions, entry keys). Thread-safe and reusable.
 */
public interface Expression {

    /** The text the ops user wrote. */
    String source();

    /**
     * Evaluates against the facts.
     *
     * @throws ExpressionEvaluationException with a message naming the expression when evaluation fails
     */
    Object evaluate(Facts facts);

    /** Evaluates as a condition: only {@code Boolean.TRUE} is true. */
    default boolean test(Facts facts) {
        return Boolean.TRUE.equals(evaluate(facts));
    }
}
