package org.wayfarer.journey.definition;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/** Reads the nodes that hold an instance: {@code wait} and {@code waitFor}. */
final class TimingNodeReader {

    private static final Set<String> WAIT_FIELDS = Set.of("type", "duration", "until", "next");
    private static final Set<String> WAIT_FOR_FIELDS =
            Set.of("type", "event", "when", "condition", "timeout", "next", "timeoutNext");

    private final Problems problems;
    private final JsonFields fields;
    private final NodeLinks links;
    private final SpelExpressions expressions;

    TimingNodeReader(Problems problems, JsonFields fields, NodeLinks links, SpelExpressions expressions) {
        this.problems = problems;
        this.fields = fields;
        this.links = links;
        this.expressions = expressions;
    }

    WaitNode waitNode(String id, JsonNode json, String pointer, List<GraphRules.Edge> edges) {
        fields.warnUnknown(json, pointer, WAIT_FIELDS);
        String next = links.optional(json, "next", pointer, edges);
        boolean hasDuration = JsonFields.present(json, "duration") != null;
        boolean hasUntil = JsonFields.present(json, "until") != null;
        if (hasDuration == hasUntil) {
            problems.error(Problems.pointer(pointer, hasDuration ? "until" : "duration"),
                    hasDuration ? "conflicting-fields" : "missing-field",
                    "a wait needs exactly one of 'duration' (e.g. \"PT24H\") and 'until' (an ISO-8601 instant such "
                            + "as \"2026-12-24T10:00:00+08:00\", or an expression giving one)");
            return null;
        }
        if (hasDuration) {
            Duration duration = fields.duration(json, "duration", pointer, true);
            return duration == null ? null : new WaitNode(id, new WaitNode.For(duration), next);
        }
        WaitNode.Until until = until(json, pointer);
        return until == null ? null : new WaitNode(id, until, next);
    }

    /** An ISO-8601 date-time with an offset (or {@code Z}) is a fixed instant; anything else is an expression. */
    private WaitNode.Until until(JsonNode json, String pointer) {
        String text = fields.requiredString(json, "until", pointer);
        if (text == null) {
            return null;
        }
        Instant instant = isoInstant(text);
        if (instant != null) {
            return new WaitNode.At(instant);
        }
        Expression expression = expressions.compile(text, Problems.pointer(pointer, "until"), problems);
        return expression == null ? null : new WaitNode.AtExpression(expression);
    }

    private static Instant isoInstant(String text) {
        if (text.isEmpty() || !Character.isDigit(text.charAt(0))) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeException e) {
            return null;
        }
    }

    WaitForNode waitFor(String id, JsonNode json, String pointer, List<GraphRules.Edge> edges) {
        fields.warnUnknown(json, pointer, WAIT_FOR_FIELDS);
        String next = links.optional(json, "next", pointer, edges);
        String timeoutNext = links.optional(json, "timeoutNext", pointer, edges);
        String event = fields.optionalString(json, "event", pointer);
        String conditionSource = fields.optionalString(json, "condition", pointer);
        String whenSource = fields.optionalString(json, "when", pointer);
        if ((event == null) == (conditionSource == null)) {
            problems.error(Problems.pointer(pointer, event == null ? "event" : "condition"),
                    event == null ? "missing-field" : "conflicting-fields",
                    "a waitFor needs exactly one of 'event' (e.g. \"custom.order_paid\", with an optional 'when' "
                            + "filter) and 'condition' (an expression on the contact)");
        }
        if (event != null && !org.wayfarer.journey.event.EventTypes.isValid(event)) {
            problems.error(Problems.pointer(pointer, "event"), "bad-value", "'" + event
                    + "' is not an event name: <source>.<verb_ed> in lower case, e.g. custom.order_paid");
        }
        if (whenSource != null && event == null) {
            problems.error(Problems.pointer(pointer, "when"), "conflicting-fields",
                    "'when' filters the awaited event; with 'condition' put the whole test in the condition");
        }
        Expression when = whenSource == null ? null
                : expressions.compile(whenSource, Problems.pointer(pointer, "when"), problems);
        Expression condition = conditionSource == null ? null
                : expressions.compile(conditionSource, Problems.pointer(pointer, "condition"), problems);
        Duration timeout = fields.duration(json, "timeout", pointer, false);
        if (timeout == null && timeoutNext != null && JsonFields.present(json, "timeout") == null) {
            problems.warning(Problems.pointer(pointer, "timeoutNext"), "timeout-next-ignored",
                    "'timeoutNext' is never taken without a 'timeout'");
        }
        return new WaitForNode(id, event, when, condition, timeout, next, timeoutNext);
    }
}
