package org.wayfarer.journey.definition;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.wayfarer.journey.calendar.DaySet;
import org.wayfarer.journey.event.EventTypes;
import tools.jackson.databind.JsonNode;

/** Reads the nodes that hold an instance: {@code wait} and {@code waitFor}. */
final class TimingNodeReader {

    private static final Set<String> WAIT_FIELDS = Set.of("type", "duration", "until", "timeOfDay", "days", "zone",
            "next");
    private static final List<String> WAIT_KINDS = List.of("duration", "until", "timeOfDay");
    private static final DateTimeFormatter HOUR_MINUTE = DateTimeFormatter.ofPattern("HH:mm");
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
        List<String> kinds = WAIT_KINDS.stream().filter(kind -> JsonFields.present(json, kind) != null).toList();
        if (kinds.size() != 1) {
            problems.error(Problems.pointer(pointer, kinds.isEmpty() ? "duration" : kinds.get(1)),
                    kinds.isEmpty() ? "missing-field" : "conflicting-fields", "a wait needs exactly one of "
                            + "'duration' (e.g. \"PT24H\"), 'until' (an ISO-8601 instant such as "
                            + "\"2026-12-24T10:00:00+08:00\", or an expression giving one) and 'timeOfDay' "
                            + "(e.g. \"10:00\", with optional 'days' and 'zone')");
            return null;
        }
        if (!kinds.get(0).equals("timeOfDay")) {
            for (String field : List.of("days", "zone")) {
                if (JsonFields.present(json, field) != null) {
                    problems.warning(Problems.pointer(pointer, field), "unknown-field",
                            "'" + field + "' applies only to a 'timeOfDay' wait; it is ignored");
                }
            }
        }
        WaitNode.Until until = switch (kinds.get(0)) {
            case "duration" -> {
                Duration duration = fields.duration(json, "duration", pointer, true);
                yield duration == null ? null : new WaitNode.For(duration);
            }
            case "until" -> until(json, pointer);
            default -> timeOfDay(json, pointer);
        };
        return until == null ? null : new WaitNode(id, until, next);
    }

    private WaitNode.NextTimeOfDay timeOfDay(JsonNode json, String pointer) {
        String text = fields.requiredString(json, "timeOfDay", pointer);
        LocalTime at = null;
        if (text != null) {
            try {
                at = LocalTime.parse(text, HOUR_MINUTE);
            } catch (DateTimeException e) {
                problems.error(Problems.pointer(pointer, "timeOfDay"), "bad-value", "timeOfDay '" + text
                        + "' must be a 24-hour time HH:mm, e.g. \"10:00\"");
            }
        }
        DaySet days = days(json, pointer);
        ZoneId zone = null;
        String zoneText = fields.optionalString(json, "zone", pointer);
        if (zoneText != null) {
            try {
                zone = ZoneId.of(zoneText);
            } catch (DateTimeException e) {
                problems.error(Problems.pointer(pointer, "zone"), "bad-value", "zone '" + zoneText
                        + "' is not a time zone id such as \"Asia/Shanghai\"");
                return null;
            }
        }
        return at == null || days == null ? null : new WaitNode.NextTimeOfDay(at, days, zone);
    }

    /** {@code days}: absent (every day), "workdays", "weekends", "all", "MON,FRI" or a list ["MON", "FRI"]. */
    private DaySet days(JsonNode json, String pointer) {
        JsonNode days = JsonFields.present(json, "days");
        if (days == null) {
            return DaySet.all();
        }
        String text = null;
        if (days.isString()) {
            text = days.stringValue();
        } else if (days.isArray() && !days.isEmpty()) {
            List<String> codes = new ArrayList<>();
            days.forEach(day -> codes.add(day.isString() ? day.stringValue() : ""));
            text = String.join(",", codes);
        }
        try {
            if (text == null) {
                throw new IllegalArgumentException("'days' must be \"workdays\", \"weekends\", \"all\" or a list of"
                        + " days such as [\"MON\", \"FRI\"]");
            }
            return DaySet.parse(text);
        } catch (IllegalArgumentException e) {
            problems.error(Problems.pointer(pointer, "days"), "bad-value", e.getMessage());
            return null;
        }
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
        if (event != null && !EventTypes.isValid(event)) {
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
