package org.wayfarer.journey.definition;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.Period;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.wayfarer.journey.event.EventTypes;
import tools.jackson.databind.JsonNode;

/**
 * Reads {@code trigger}: exactly one of {@code event} (with {@code when}), {@code schedule} (with {@code segment}) and
 * {@code date} (with an optional {@code segment}). The segment key's form is checked here; whether the tenant has
 * such a segment is the catalog's check at validate and publish time.
 */
final class TriggerReader {

    static final Set<String> FIELDS = Set.of("event", "when", "schedule", "date", "segment");
    private static final List<String> KINDS = List.of("event", "schedule", "date");
    private static final Set<String> SCHEDULE_FIELDS = Set.of("cron", "zone", "at");
    private static final Set<String> DATE_FIELDS = Set.of("attribute", "offset", "at", "everyYear");
    /** The segment key's form (the segments' own rule). */
    private static final Pattern SEGMENT_KEY = Pattern.compile("[a-z0-9][a-z0-9_-]{0,63}");
    /** Attribute names a date rule may read: the top-level names the member systems write. */
    private static final Pattern ATTRIBUTE = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,63}");
    private static final DateTimeFormatter HOUR_MINUTE = DateTimeFormatter.ofPattern("HH:mm");
    /** The zone of a cron without one: the zone most of the brands' contacts live in. */
    static final ZoneId DEFAULT_ZONE = ZoneId.of("Asia/Shanghai");
    /** Where a cron must fire from at least once, or it never will (e.g. "0 0 0 30 2 *": February 30). */
    private static final Instant CRON_PROBE = Instant.parse("2000-01-01T00:00:00Z");

    private final Problems problems;
    private final JsonFields fields;
    private final SpelExpressions expressions;

    TriggerReader(Problems problems, JsonFields fields, SpelExpressions expressions) {
        this.problems = problems;
        this.fields = fields;
        this.expressions = expressions;
    }

    Trigger read(JsonNode document) {
        JsonNode trigger = fields.requiredObject(document, "trigger", "");
        if (trigger == null) {
            return null;
        }
        fields.warnUnknown(trigger, "/trigger", FIELDS);
        List<String> kinds = KINDS.stream().filter(kind -> JsonFields.present(trigger, kind) != null).toList();
        if (kinds.size() != 1) {
            problems.error(kinds.isEmpty() ? "/trigger/event" : "/trigger/" + kinds.get(1),
                    kinds.isEmpty() ? "missing-field" : "conflicting-fields", "a trigger needs exactly one of "
                            + "'event' (e.g. \"wechat.followed\"), 'schedule' ({\"cron\": \"0 0 10 * * MON\"} or "
                            + "{\"at\": \"2026-12-24T10:00:00+08:00\"}, with 'segment') and 'date' ({\"attribute\": "
                            + "\"birthday\", \"at\": \"10:00\"})");
            return null;
        }
        return switch (kinds.get(0)) {
            case "event" -> event(trigger);
            case "schedule" -> schedule(trigger);
            default -> date(trigger);
        };
    }

    private Trigger event(JsonNode trigger) {
        if (JsonFields.present(trigger, "segment") != null) {
            problems.error("/trigger/segment", "conflicting-fields", "'segment' goes with a 'schedule' or 'date' "
                    + "trigger; to start on a segment's membership changes use the event \"segment.entered\"");
        }
        String event = fields.requiredString(trigger, "event", "/trigger");
        if (event != null && !EventTypes.isValid(event)) {
            problems.error("/trigger/event", "bad-value", "'" + event
                    + "' is not an event name: <source>.<verb_ed> in lower case, e.g. wechat.followed");
        }
        String source = fields.optionalString(trigger, "when", "/trigger");
        Expression when = source == null ? null : expressions.compile(source, "/trigger/when", problems);
        return new Trigger(event, when);
    }

    private Trigger schedule(JsonNode trigger) {
        noWhen(trigger);
        JsonNode schedule = fields.requiredObject(trigger, "schedule", "/trigger");
        String segment = segment(trigger, true);
        if (schedule == null) {
            return null;
        }
        fields.warnUnknown(schedule, "/trigger/schedule", SCHEDULE_FIELDS);
        boolean cron = JsonFields.present(schedule, "cron") != null;
        boolean at = JsonFields.present(schedule, "at") != null;
        if (cron == at) {
            problems.error(cron ? "/trigger/schedule/at" : "/trigger/schedule/cron",
                    cron ? "conflicting-fields" : "missing-field", "a schedule needs exactly one of 'cron' (six "
                            + "fields: second minute hour day month weekday, e.g. \"0 0 10 * * MON\", with an "
                            + "optional 'zone') and 'at' (an ISO-8601 instant, e.g. \"2026-12-24T10:00:00+08:00\")");
            return null;
        }
        Schedule parsed = cron ? cron(schedule) : at(schedule);
        return parsed == null || segment == null ? null : new Trigger(null, null, parsed, null, segment);
    }

    private Schedule.Cron cron(JsonNode schedule) {
        String expression = fields.requiredString(schedule, "cron", "/trigger/schedule");
        ZoneId zone = zone(schedule);
        if (expression == null || zone == null) {
            return null;
        }
        Schedule.Cron cron;
        try {
            cron = Schedule.Cron.parse(expression, zone);
        } catch (IllegalArgumentException e) {
            problems.error("/trigger/schedule/cron", "bad-cron", "cron '" + expression + "' is not a cron "
                    + "expression of six fields (second minute hour day-of-month month day-of-week, e.g. "
                    + "\"0 0 10 * * MON\" for Mondays at 10:00): " + e.getMessage());
            return null;
        }
        if (cron.nextAfter(CRON_PROBE) == null) {
            problems.error("/trigger/schedule/cron", "bad-cron", "cron '" + expression + "' never fires");
            return null;
        }
        return cron;
    }

    private ZoneId zone(JsonNode schedule) {
        String text = fields.optionalString(schedule, "zone", "/trigger/schedule");
        if (text == null) {
            return JsonFields.present(schedule, "zone") == null ? DEFAULT_ZONE : null;
        }
        try {
            return ZoneId.of(text);
        } catch (DateTimeException e) {
            problems.error("/trigger/schedule/zone", "bad-zone", "zone '" + text
                    + "' is not a time zone id such as \"Asia/Shanghai\"");
            return null;
        }
    }

    private Schedule.At at(JsonNode schedule) {
        if (JsonFields.present(schedule, "zone") != null) {
            problems.warning("/trigger/schedule/zone", "unknown-field",
                    "'zone' applies to a 'cron' schedule; an 'at' instant carries its own offset, so it is ignored");
        }
        String text = fields.requiredString(schedule, "at", "/trigger/schedule");
        if (text == null) {
            return null;
        }
        try {
            return new Schedule.At(OffsetDateTime.parse(text).toInstant());
        } catch (DateTimeParseException e) {
            problems.error("/trigger/schedule/at", "bad-instant", "at '" + text + "' is not an ISO-8601 instant "
                    + "with an offset, e.g. \"2026-12-24T10:00:00+08:00\" or \"2026-12-24T02:00:00Z\"");
            return null;
        }
    }

    private Trigger date(JsonNode trigger) {
        noWhen(trigger);
        JsonNode date = fields.requiredObject(trigger, "date", "/trigger");
        String segment = segment(trigger, false);
        if (date == null) {
            return null;
        }
        fields.warnUnknown(date, "/trigger/date", DATE_FIELDS);
        int errors = problems.errorCount();
        String attribute = fields.requiredString(date, "attribute", "/trigger/date");
        if (attribute != null && !ATTRIBUTE.matcher(attribute).matches()) {
            problems.error("/trigger/date/attribute", "bad-value", "attribute '" + attribute + "' must be a "
                    + "contact attribute name of letters, digits and '_' (at most 64), e.g. birthday");
        }
        Period offset = offset(date);
        LocalTime at = null;
        String time = fields.requiredString(date, "at", "/trigger/date");
        if (time != null) {
            try {
                at = LocalTime.parse(time, HOUR_MINUTE);
            } catch (DateTimeException e) {
                problems.error("/trigger/date/at", "bad-time", "at '" + time
                        + "' must be a 24-hour local time HH:mm, e.g. \"10:00\"");
            }
        }
        boolean everyYear = false;
        JsonNode every = JsonFields.present(date, "everyYear");
        if (every != null && !every.isBoolean()) {
            problems.error("/trigger/date/everyYear", "bad-value", "'everyYear' must be true or false");
        } else if (every != null) {
            everyYear = every.booleanValue();
        }
        if (problems.errorCount() > errors) {
            return null;
        }
        return new Trigger(null, null, null, new DateRule(attribute, offset, at, everyYear), segment);
    }

    /** {@code offset}: an ISO-8601 period of days, weeks, months or years, e.g. "-P3D", "P1W"; absent: none. */
    private Period offset(JsonNode date) {
        String text = fields.optionalString(date, "offset", "/trigger/date");
        if (text == null) {
            return Period.ZERO;
        }
        try {
            return Period.parse(text);
        } catch (DateTimeParseException e) {
            problems.error("/trigger/date/offset", "bad-offset", "offset '" + text + "' must be an ISO-8601 "
                    + "period of days, weeks, months or years, e.g. \"-P3D\" (three days before) or \"P1M\"");
            return null;
        }
    }

    private String segment(JsonNode trigger, boolean required) {
        String key = required ? fields.requiredString(trigger, "segment", "/trigger")
                : fields.optionalString(trigger, "segment", "/trigger");
        if (key != null && !SEGMENT_KEY.matcher(key).matches()) {
            problems.error("/trigger/segment", "bad-value", "segment '" + key + "' is not a segment key: 1 to 64 "
                    + "lower-case letters, digits, '_' or '-'");
            return null;
        }
        return key;
    }

    private void noWhen(JsonNode trigger) {
        if (JsonFields.present(trigger, "when") != null) {
            problems.error("/trigger/when", "conflicting-fields", "'when' filters the events of an 'event' trigger; "
                    + "to choose who a 'schedule' or 'date' trigger enters, give it a 'segment'");
        }
    }
}
