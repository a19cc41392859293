package org.wayfarer.journey.definition;

/** An expression failed at run time (type mismatch, method on null). */
public class ExpressionEvaluationException extends RuntimeException {

    public ExpressionEvaluationException(String message, Throwable cause) {
        super(message, cause);
    }
}
