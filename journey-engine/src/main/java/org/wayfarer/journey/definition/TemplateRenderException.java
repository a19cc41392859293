package org.wayfarer.journey.definition;

/**
 * A message template could not be rendered for these facts: its output or its section iterations went over the
 * limits, or rendering ran out of stack or memory. The message names the field (a JSON pointer into the definition,
 * e.g. {@code /nodes/welcome/message/data/thing1}). Like any {@link ExpressionEvaluationException}, it is a failure
 * of the author's template on this contact's data, not of the engine.
 */
public class TemplateRenderException extends ExpressionEvaluationException {

    public TemplateRenderException(String message, Throwable cause) {
        super(message, cause);
    }
}
