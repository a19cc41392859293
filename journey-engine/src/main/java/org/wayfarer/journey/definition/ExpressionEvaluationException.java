package org.wayfarer.journey.definition;

/**
 * An expression or template failed at run time on this contact's data (type mismatch, method on null, an evaluation
 * budget exceeded, or a contained {@link StackOverflowError} / {@link OutOfMemoryError}): a failure of the author's
 * expression, not of the engine. Callers treat a failed condition as false and a failed render as a failed event.
 */
public class ExpressionEvaluationException extends RuntimeException {

    public ExpressionEvaluationException(String message, Throwable cause) {
        super(message, cause);
    }
}
