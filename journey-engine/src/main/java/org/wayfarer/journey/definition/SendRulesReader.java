package org.wayfarer.journey.definition;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * Reads the send rules: the journey's {@code quietHours}, {@code caps}, {@code priority} and {@code expiry}, and a
 * send node's own {@code quietHours}. The shapes are those of the tenant settings
 * ({@code PUT /api/v1/settings/quiet-hours}, {@code PUT /api/v1/settings/frequency-caps}).
 */
final class SendRulesReader {

    private static final Set<String> QUIET_FIELDS = Set.of("from", "to", "zone", "holidays");
    private static final Set<String> CAP_FIELDS = Set.of("channel", "max", "per");
    private static final DateTimeFormatter HOUR_MINUTE = DateTimeFormatter.ofPattern("HH:mm");
    private static final int MAX_CAPS = 20;

    private final Problems problems;
    private final JsonFields fields;
    private final Set<String> knownChannels;

    SendRulesReader(Problems problems, JsonFields fields, Set<String> knownChannels) {
        this.problems = problems;
        this.fields = fields;
        this.knownChannels = knownChannels;
    }

    SendRules journeyRules(JsonNode document) {
        QuietHoursRule quietHours = quietHours(document, "");
        List<FrequencyCap> caps = caps(document);
        int priority = SendRules.DEFAULT_PRIORITY;
        JsonNode priorityJson = JsonFields.present(document, "priority");
        if (priorityJson != null) {
            if (priorityJson.isIntegralNumber() && priorityJson.asInt() >= 0 && priorityJson.asInt() <= 100) {
                priority = priorityJson.asInt();
            } else {
                problems.error("/priority", "bad-value", "'priority' must be a whole number from 0 to 100");
            }
        }
        Duration expiry = fields.duration(document, "expiry", "", false);
        return new SendRules(quietHours, caps, priority, expiry == null ? SendRules.DEFAULT_EXPIRY : expiry);
    }

    /** The {@code quietHours} object of {@code owner} (the document or a node); null when absent or wrong. */
    QuietHoursRule quietHours(JsonNode owner, String ownerPointer) {
        JsonNode json = fields.optionalObject(owner, "quietHours", ownerPointer);
        if (json == null) {
            return null;
        }
        String pointer = Problems.pointer(ownerPointer, "quietHours");
        fields.warnUnknown(json, pointer, QUIET_FIELDS);
        LocalTime from = time(json, "from", pointer);
        LocalTime to = time(json, "to", pointer);
        ZoneId zone = null;
        String zoneText = fields.optionalString(json, "zone", pointer);
        if (zoneText != null) {
            try {
                zone = ZoneId.of(zoneText);
            } catch (DateTimeException e) {
                problems.error(Problems.pointer(pointer, "zone"), "bad-value", "zone '" + zoneText
                        + "' is not a time zone id such as \"Asia/Shanghai\"");
            }
        }
        String holidays = fields.optionalString(json, "holidays", pointer);
        if (holidays != null && !"cn".equals(holidays)) {
            problems.error(Problems.pointer(pointer, "holidays"), "bad-value", "'holidays' may only be \"cn\""
                    + " (China's statutory holidays are quiet all day); leave it out for none");
        }
        if (from == null || to == null) {
            return null;
        }
        if (from.equals(to)) {
            problems.error(Problems.pointer(pointer, "to"), "bad-value", "'from' and 'to' must differ, e.g. 21:30"
                    + " to 08:30");
            return null;
        }
        return new QuietHoursRule(from, to, zone, holidays != null);
    }

    private LocalTime time(JsonNode json, String field, String pointer) {
        String text = fields.requiredString(json, field, pointer);
        if (text == null) {
            return null;
        }
        try {
            return LocalTime.parse(text, HOUR_MINUTE);
        } catch (DateTimeException e) {
            problems.error(Problems.pointer(pointer, field), "bad-value", "'" + field + "' must be a 24-hour time"
                    + " HH:mm, e.g. \"21:30\"");
            return null;
        }
    }

    private List<FrequencyCap> caps(JsonNode document) {
        List<FrequencyCap> caps = new ArrayList<>();
        JsonNode json = JsonFields.present(document, "caps");
        if (json == null) {
            return caps;
        }
        if (!json.isArray() || json.size() > MAX_CAPS) {
            problems.error("/caps", "bad-value", "'caps' must be a list of at most " + MAX_CAPS
                    + " {\"channel\", \"max\", \"per\"}, e.g. {\"channel\": \"wechat.template\", \"max\": 1, \"per\": \"P1D\"}");
            return caps;
        }
        for (int i = 0; i < json.size(); i++) {
            String pointer = Problems.pointer("/caps", i);
            JsonNode cap = json.get(i);
            if (!cap.isObject()) {
                problems.error(pointer, "bad-value", "a cap must be an object {\"channel\", \"max\", \"per\"}");
                continue;
            }
            fields.warnUnknown(cap, pointer, CAP_FIELDS);
            String channel = fields.requiredString(cap, "channel", pointer);
            if (channel != null && !FrequencyCap.ALL_CHANNELS.equals(channel) && !knownChannels.contains(channel)) {
                problems.error(Problems.pointer(pointer, "channel"), "unknown-channel", "channel '" + channel
                        + "' is not available; use \"*\" for all channels or one of " + JsonFields.sorted(knownChannels));
                channel = null;
            }
            JsonNode max = JsonFields.present(cap, "max");
            Duration per = fields.duration(cap, "per", pointer, true);
            try {
                if (max == null || !max.isIntegralNumber()) {
                    throw new IllegalArgumentException("a cap's max must be a whole number of messages");
                }
                if (channel != null && per != null) {
                    caps.add(new FrequencyCap(channel, max.asInt(), per));
                }
            } catch (IllegalArgumentException e) {
                problems.error(Problems.pointer(pointer, max == null || !max.isIntegralNumber() || max.asInt() < 1
                        || max.asInt() > 1_000 ? "max" : "per"), "bad-value", e.getMessage());
            }
        }
        return caps;
    }
}
