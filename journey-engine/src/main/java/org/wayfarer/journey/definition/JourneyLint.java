package org.wayfarer.journey.definition;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Publish-time lint: journeys that compile but will not do what their author expects. Each finding is a warning,
 * never an error, because the journey still runs as written; the operator decides. Reads the raw document rather
 * than the model so that it also covers nodes that failed to compile and node types it does not know, and it skips
 * any shape it does not expect (the readers report those). Stateless.
 *
 * <p>Codes (stable): the WeChat template codes of {@link WechatTemplateRules}, {@code branch-never-taken},
 * {@code wait-exceeds-goal-window} and {@code repeating-trigger-enters-once}.
 */
final class JourneyLint {

    static final String TEMPLATE_CHANNEL = "wechat.template";

    private JourneyLint() {
    }

    static void check(JsonNode document, Problems problems) {
        if (document == null || !document.isObject()) {
            return;
        }
        repeatingTriggerOnce(document, problems);
        JsonNode nodes = document.get("nodes");
        if (nodes == null || !nodes.isObject()) {
            return;
        }
        String goalWindow = goalWindow(document);
        for (Map.Entry<String, JsonNode> entry : nodes.properties()) {
            JsonNode node = entry.getValue();
            if (!node.isObject()) {
                continue;
            }
            String pointer = Problems.pointer("/nodes", entry.getKey());
            templates(node, pointer, problems);
            String type = string(node, "type");
            if ("branch".equals(type)) {
                branch(node, pointer, problems);
            } else if ("wait".equals(type)) {
                waitLength(node, "duration", pointer, goalWindow, problems);
            } else if ("waitFor".equals(type)) {
                waitLength(node, "timeout", pointer, goalWindow, problems);
            }
        }
    }

    /**
     * Checks every WeChat template message of a node: {@code "channel": "wechat.template"} with the template as
     * {@code message}, or {@code "channels": [...]} naming {@code wechat.template} with the template under
     * {@code message["wechat.template"]} (or, for an entry written as an object, under its own {@code message}).
     * Looks only at the shape, not the type, so a send-like node type added later is covered too.
     */
    private static void templates(JsonNode node, String pointer, Problems problems) {
        String messagePointer = Problems.pointer(pointer, "message");
        JsonNode message = node.get("message");
        if (TEMPLATE_CHANNEL.equals(string(node, "channel"))) {
            WechatTemplateRules.check(message, messagePointer, problems);
        }
        JsonNode channels = node.get("channels");
        if (channels == null || !channels.isArray()) {
            return;
        }
        boolean keyedChecked = false;
        for (int i = 0; i < channels.size(); i++) {
            JsonNode channel = channels.get(i);
            if (channel.isString() && TEMPLATE_CHANNEL.equals(channel.stringValue())) {
                if (!keyedChecked && message != null && message.isObject()) {
                    WechatTemplateRules.check(message.get(TEMPLATE_CHANNEL),
                            Problems.pointer(messagePointer, TEMPLATE_CHANNEL), problems);
                }
                keyedChecked = true;
            } else if (channel.isObject() && TEMPLATE_CHANNEL.equals(string(channel, "channel"))) {
                WechatTemplateRules.check(channel.get("message"),
                        Problems.pointer(Problems.pointer(Problems.pointer(pointer, "channels"), i), "message"),
                        problems);
            }
        }
    }

    /**
     * A cron schedule or a yearly date rule fires again and again, but under the default entry policy {@code ONCE} a
     * contact enters only on the first fire it is part of: a weekly newsletter goes out once, a birthday greeting
     * only on the first birthday. That may be meant ("members who have not had the offer yet"), so it is a warning.
     */
    private static void repeatingTriggerOnce(JsonNode document, Problems problems) {
        JsonNode trigger = document.get("trigger");
        if (trigger == null || !trigger.isObject()) {
            return;
        }
        JsonNode schedule = trigger.get("schedule");
        JsonNode date = trigger.get("date");
        boolean repeats = schedule != null && string(schedule, "cron") != null
                || date != null && date.isObject() && date.path("everyYear").asBoolean(false);
        JsonNode entry = document.get("entry");
        String policy = entry == null || !entry.isObject() ? null : string(entry, "policy");
        if (repeats && (policy == null || policy.equals("ONCE"))) {
            problems.warning(policy == null ? "/trigger" : "/entry/policy", "repeating-trigger-enters-once",
                    "the trigger fires repeatedly but the entry policy is ONCE" + (policy == null ? " (the default)"
                            : "") + ": each contact enters on the first fire only; set \"entry\": {\"policy\": "
                            + "\"EVERY_TIME\"} to enter on every fire");
        }
    }

    /**
     * Cases are tried in order and the first that holds wins, so a case after a literal {@code true}, a literal
     * {@code false}, and a repeat of an earlier condition are never taken; nor is {@code otherwise} after a
     * literal {@code true}. Conditions are compared as text (trimmed): equivalent but differently written
     * conditions are not found, which keeps the check free of false alarms.
     */
    private static void branch(JsonNode node, String pointer, Problems problems) {
        JsonNode cases = node.get("cases");
        if (cases == null || !cases.isArray()) {
            return;
        }
        String casesPointer = Problems.pointer(pointer, "cases");
        Map<String, Integer> earlier = new HashMap<>();
        int alwaysTrue = -1;
        for (int i = 0; i < cases.size(); i++) {
            String casePointer = Problems.pointer(casesPointer, i);
            if (alwaysTrue >= 0) {
                problems.warning(casePointer, "branch-never-taken", "case " + i + " is never taken: case "
                        + alwaysTrue + " before it has the condition 'true', which always holds");
                continue;
            }
            String raw = string(cases.get(i), "when");
            if (raw == null) {
                continue;
            }
            String when = raw.trim();
            Integer same = earlier.putIfAbsent(when, i);
            if (when.equals("false")) {
                problems.warning(casePointer, "branch-never-taken", "case " + i
                        + " is never taken: its condition is 'false', which never holds");
            } else if (same != null) {
                problems.warning(casePointer, "branch-never-taken", "case " + i + " is never taken: its condition '"
                        + when + "' is the same as case " + same + "'s, which is tried first and wins");
            } else if (when.equals("true")) {
                alwaysTrue = i;
            }
        }
        JsonNode otherwise = node.get("otherwise");
        if (alwaysTrue >= 0 && otherwise != null && !otherwise.isNull()) {
            problems.warning(Problems.pointer(pointer, "otherwise"), "branch-never-taken", "'otherwise' is never "
                    + "taken: case " + alwaysTrue + " has the condition 'true', which always holds");
        }
    }

    /**
     * A contact still waiting when the goal window has closed can no longer convert, so the wait only delays the
     * rest of the journey for contacts it has already stopped measuring. Unparsable durations are left to the
     * readers, which report them as errors.
     */
    private static void waitLength(JsonNode node, String field, String pointer, String goalWindow,
                                   Problems problems) {
        String length = string(node, field);
        if (goalWindow == null || length == null) {
            return;
        }
        Duration wait = duration(length);
        Duration window = duration(goalWindow);
        if (wait != null && window != null && wait.compareTo(window) > 0) {
            problems.warning(Problems.pointer(pointer, field), "wait-exceeds-goal-window", "'" + field + "' "
                    + length.trim() + " is longer than goal.within: contacts waiting here can no longer convert: "
                    + "the goal window is " + goalWindow.trim());
        }
    }

    private static String goalWindow(JsonNode document) {
        JsonNode goal = document.get("goal");
        return goal == null || !goal.isObject() ? null : string(goal, "within");
    }

    private static Duration duration(String text) {
        try {
            return Durations.parse(text);
        } catch (IllegalArgumentException unparsable) {
            return null;
        }
    }

    /** The field's text, or null when the node is not an object or the field is absent or not a string. */
    private static String string(JsonNode node, String field) {
        if (node == null || !node.isObject()) {
            return null;
        }
        JsonNode value = node.get(field);
        return value != null && value.isString() ? value.stringValue() : null;
    }
}
