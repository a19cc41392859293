package org.wayfarer.journey.segment;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Period;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.wayfarer.journey.event.EventTypes;
import tools.jackson.databind.JsonNode;

/**
 * Reads the filter JSON of a segment into a {@link SegmentFilter}, reporting every problem at once with a JSON
 * pointer, a stable code and a message that never quotes the submitted value. The shapes:
 *
 * <pre>
 * {"all": [cond, ...]}  or  {"any": [cond, ...]}                         the filter itself is a group
 * {"attribute": "level", "op": "eq"|"ne"|"gt"|"gte"|"lt"|"lte"|"in"|"exists", "value": v}
 * {"tag": "vip"}   {"notTag": "churned"}
 * {"event": "custom.order_paid", "within": "P30D", "min": 1, "max": 3}  min defaults to 1 (0 with "max": 0),
 *                                                                        max to unbounded
 * {"all": [...]}   {"any": [...]}                                         nested groups
 * </pre>
 *
 * Thread-safe (stateless); each read collects its own problems.
 */
public final class SegmentFilterReader {

    /** Groups nest at most this deep; the filter's own group is level 1. */
    public static final int MAX_DEPTH = 5;
    /** Conditions (attribute, tag, notTag and event; groups not counted) in one filter. */
    public static final int MAX_CONDITIONS = 50;
    /** Values of one {@code in}. */
    public static final int MAX_IN_VALUES = 100;
    /** Characters of a string value, an attribute name or a tag. */
    public static final int MAX_TEXT = 1024;
    public static final int MAX_NAME = 64;
    /** The longest event window. */
    public static final Duration MAX_WINDOW = Duration.ofDays(3650);

    private static final Set<String> KINDS = new LinkedHashSet<>(
            List.of("all", "any", "attribute", "tag", "notTag", "event"));
    private static final Map<String, Set<String>> FIELDS = Map.of(
            "all", Set.of("all"), "any", Set.of("any"), "attribute", Set.of("attribute", "op", "value"),
            "tag", Set.of("tag"), "notTag", Set.of("notTag"), "event", Set.of("event", "within", "min", "max"));
    private static final String OPS = "eq, ne, gt, gte, lt, lte, in, exists";

    /** The outcome of one read: the filter when there were no problems, else null and every problem. */
    public record Reading(SegmentFilter filter, List<SegmentProblem> problems) {

        public Reading {
            problems = List.copyOf(problems);
        }

        public boolean valid() {
            return problems.isEmpty();
        }
    }

    /** Reads {@code filter} (pointers start at the filter's root, {@code ""}). */
    public Reading read(JsonNode filter) {
        Problems problems = new Problems();
        SegmentFilter read = read(filter, "", problems);
        return new Reading(problems.any() ? null : read, problems.list());
    }

    /** Reads {@code filter} found at {@code pointer} of a larger document, adding its problems to {@code problems}. */
    SegmentFilter read(JsonNode filter, String pointer, Problems problems) {
        int before = problems.count();
        if (filter == null || filter.isNull()) {
            problems.add(pointer, "missing-field", "'filter' is required: {\"all\": [...]} or {\"any\": [...]}");
            return null;
        }
        if (!filter.isObject() || !(filter.has("all") || filter.has("any"))) {
            problems.add(pointer, "not-a-group", "a filter is a group: {\"all\": [conditions]} or "
                    + "{\"any\": [conditions]}");
            return null;
        }
        int[] conditions = {0};
        SegmentFilter read = condition(filter, pointer, 1, conditions, problems);
        if (conditions[0] > MAX_CONDITIONS) {
            problems.add(pointer, "too-many-conditions", "a filter holds at most " + MAX_CONDITIONS
                    + " conditions (groups not counted); this one has " + conditions[0]);
        }
        return problems.count() == before ? read : null;
    }

    private SegmentFilter condition(JsonNode node, String pointer, int depth, int[] conditions, Problems problems) {
        if (!node.isObject()) {
            problems.add(pointer, "not-an-object", "a condition is a JSON object, such as {\"tag\": \"vip\"}");
            return null;
        }
        List<String> kinds = new ArrayList<>();
        for (String kind : KINDS) {
            if (node.has(kind)) {
                kinds.add(kind);
            }
        }
        if (kinds.isEmpty()) {
            problems.add(pointer, "unknown-condition", "a condition needs one of the fields " + String.join(", ", KINDS));
            return null;
        }
        if (kinds.size() > 1) {
            problems.add(pointer, "ambiguous-condition", "one condition per object, and this one has "
                    + String.join(" and ", kinds) + "; put several conditions in {\"all\": [...]} or {\"any\": [...]}");
            return null;
        }
        String kind = kinds.get(0);
        Set<String> allowed = FIELDS.get(kind);
        for (String name : node.propertyNames()) {
            if (!allowed.contains(name)) {
                problems.add(name.length() <= MAX_NAME ? Problems.pointer(pointer, name) : pointer, "unknown-field",
                        "not a field of " + article(kind) + " condition; its fields are "
                                + String.join(", ", allowed.stream().sorted().toList()));
            }
        }
        if (!kind.equals("all") && !kind.equals("any")) {
            conditions[0]++;
        }
        return switch (kind) {
            case "all", "any" -> group(node, kind, pointer, depth, conditions, problems);
            case "attribute" -> AttributeReader.read(node, pointer, problems);
            case "tag" -> {
                String tag = tag(node, "tag", pointer, problems);
                yield tag == null ? null : new SegmentFilter.Tag(tag);
            }
            case "notTag" -> {
                String tag = tag(node, "notTag", pointer, problems);
                yield tag == null ? null : new SegmentFilter.NotTag(tag);
            }
            default -> event(node, pointer, problems);
        };
    }

    private static String article(String kind) {
        return switch (kind) {
            case "all", "any" -> "an '" + kind + "' group";
            case "attribute", "event" -> "an " + kind;
            default -> "a " + kind;
        };
    }

    private SegmentFilter group(JsonNode node, String kind, String pointer, int depth, int[] conditions,
                                Problems problems) {
        String at = Problems.pointer(pointer, kind);
        JsonNode members = node.get(kind);
        if (depth > MAX_DEPTH) {
            problems.add(at, "too-deep", "groups nest at most " + MAX_DEPTH + " levels deep, the filter's own "
                    + "group included");
            return null;
        }
        if (members == null || !members.isArray()) {
            problems.add(at, "bad-value", "'" + kind + "' must be an array of conditions");
            return null;
        }
        if (members.isEmpty()) {
            problems.add(at, "empty-group", "'" + kind + "' needs at least one condition");
            return null;
        }
        List<SegmentFilter> read = new ArrayList<>();
        boolean complete = true;
        for (int i = 0; i < members.size(); i++) {
            SegmentFilter condition = condition(members.get(i), Problems.pointer(at, i), depth + 1, conditions,
                    problems);
            complete &= condition != null;
            read.add(condition);
        }
        if (!complete) {
            return null;
        }
        return kind.equals("all") ? new SegmentFilter.All(read) : new SegmentFilter.Any(read);
    }

    private static String tag(JsonNode node, String field, String pointer, Problems problems) {
        return text(node.get(field), Problems.pointer(pointer, field), "a tag", MAX_NAME, problems);
    }

    /** A required non-blank string of at most {@code max} characters; null (with a problem) otherwise. */
    static String text(JsonNode value, String at, String what, int max, Problems problems) {
        if (value == null || value.isNull()) {
            problems.add(at, "missing-field", "required: " + what);
            return null;
        }
        if (!value.isString() || value.stringValue().isBlank()) {
            problems.add(at, "bad-value", "must be " + what + ", a non-blank string");
            return null;
        }
        if (value.stringValue().length() > max) {
            problems.add(at, "too-long", "must be at most " + max + " characters");
            return null;
        }
        return value.stringValue();
    }

    private static SegmentFilter event(JsonNode node, String pointer, Problems problems) {
        String typeAt = Problems.pointer(pointer, "event");
        String type = text(node.get("event"), typeAt, "an event type", MAX_NAME, problems);
        if (type != null && !EventTypes.isValid(type)) {
            problems.add(typeAt, "bad-event-type", "must be an event type: <source>.<verb_ed>, lower case letters, "
                    + "digits and '_', such as custom.order_paid or wechat.followed");
            type = null;
        }
        Duration within = window(node.get("within"), Problems.pointer(pointer, "within"), problems);
        Integer min = count(node.get("min"), Problems.pointer(pointer, "min"), problems);
        Integer max = count(node.get("max"), Problems.pointer(pointer, "max"), problems);
        boolean countsRead = !(node.has("min") && min == null) && !(node.has("max") && max == null);
        // min defaults to 1, except that "max": 0 alone means none in the window
        int lower = min != null ? min : max != null && max == 0 ? 0 : 1;
        if (countsRead && max != null && lower > max) {
            problems.add(Problems.pointer(pointer, "max"), "min-above-max", "'max' must be at least 'min' ("
                    + lower + ")");
            return null;
        }
        if (countsRead && lower == 0 && max == null) {
            problems.add(Problems.pointer(pointer, "min"), "matches-everyone", "\"min\": 0 without 'max' holds for "
                    + "every contact; give a 'max' (\"max\": 0 means none in the window) or leave the condition out");
            return null;
        }
        if (type == null || within == null || !countsRead) {
            return null;
        }
        return new SegmentFilter.Event(type, within, lower, max);
    }

    private static Integer count(JsonNode value, String at, Problems problems) {
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isIntegralNumber() || !value.canConvertToInt() || value.intValue() < 0) {
            problems.add(at, "bad-count", "must be a whole number, 0 or more");
            return null;
        }
        return value.intValue();
    }

    /** An ISO-8601 duration of whole days, hours, minutes or seconds; months and years vary and are refused. */
    private static Duration window(JsonNode value, String at, Problems problems) {
        if (value == null || value.isNull()) {
            problems.add(at, "missing-field", "required: how far back events count, an ISO-8601 duration such as "
                    + "\"P30D\" or \"PT12H\"");
            return null;
        }
        if (!value.isString()) {
            problems.add(at, "bad-duration", "must be an ISO-8601 duration string such as \"P30D\" or \"PT12H\"");
            return null;
        }
        Duration duration;
        try {
            duration = parseDuration(value.stringValue().trim());
        } catch (IllegalArgumentException e) {
            problems.add(at, "bad-duration", e.getMessage());
            return null;
        }
        if (duration.isNegative() || duration.isZero()) {
            problems.add(at, "bad-duration", "must be longer than zero");
            return null;
        }
        if (duration.compareTo(MAX_WINDOW) > 0) {
            problems.add(at, "bad-duration", "must be at most " + MAX_WINDOW.toDays() + " days (P"
                    + MAX_WINDOW.toDays() + "D)");
            return null;
        }
        return duration;
    }

    private static Duration parseDuration(String text) {
        try {
            return Duration.parse(text);
        } catch (DateTimeParseException notADuration) {
            Period period;
            try {
                period = Period.parse(text);
            } catch (DateTimeParseException notAPeriod) {
                throw new IllegalArgumentException("must be an ISO-8601 duration such as P30D, PT12H or P2W");
            }
            if (period.getYears() != 0 || period.getMonths() != 0) {
                throw new IllegalArgumentException("months and years vary in length; use days, such as P30D or P365D");
            }
            return Duration.ofDays(period.getDays());
        }
    }

    /** A scalar of a filter: a string (at most {@link #MAX_TEXT}), a number (as a decimal) or a boolean; else null. */
    static Object scalar(JsonNode value) {
        if (value.isString()) {
            return value.stringValue().length() <= MAX_TEXT ? value.stringValue() : null;
        }
        if (value.isNumber()) {
            BigDecimal decimal = value.decimalValue();
            return decimal;
        }
        if (value.isBoolean()) {
            return value.booleanValue();
        }
        return null;
    }
}
