package org.wayfarer.journey.definition;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.wayfarer.journey.event.EventTypes;
import tools.jackson.databind.JsonNode;

/**
 * Maps a parsed definition document onto the model, checking every field and carrying on past errors so that one
 * compile reports them all. One instance per compile; not thread-safe.
 */
final class DefinitionReader {

    private static final Set<String> TOP_FIELDS =
            Set.of("key", "name", "trigger", "entry", "exitWhen", "goal", "start", "nodes", "quietHours", "caps",
                    "priority", "expiry");
    private static final Set<String> ENTRY_FIELDS = Set.of("policy", "key", "minInterval");
    private static final Set<String> CRITERION_FIELDS = Set.of("event", "when");
    private static final Set<String> GOAL_FIELDS = Set.of("event", "when", "within", "exit");
    private static final Pattern KEY = Pattern.compile("[a-z0-9][a-z0-9_-]{0,63}");
    private static final int MAX_NAME = 200;

    private final Problems problems;
    private final JsonFields fields;
    private final SpelExpressions expressions;
    private final NodeReader nodeReader;
    private final SendRulesReader sendRules;
    private final TriggerReader triggers;

    DefinitionReader(Problems problems, SpelExpressions expressions, Set<String> knownChannels, int maxNodes) {
        this.problems = problems;
        this.fields = new JsonFields(problems);
        this.expressions = expressions;
        this.nodeReader = new NodeReader(problems, expressions, knownChannels, maxNodes);
        this.sendRules = new SendRulesReader(problems, fields, knownChannels);
        this.triggers = new TriggerReader(problems, fields, expressions);
    }

    /** Returns the definition, or null when anything was reported as an error. */
    JourneyDefinition read(JsonNode document) {
        if (!document.isObject()) {
            problems.error("", "not-an-object", "a journey definition must be a JSON object");
            return null;
        }
        fields.warnUnknown(document, "", TOP_FIELDS);
        String key = key(document);
        String name = name(document);
        Trigger trigger = triggers.read(document);
        Entry entry = entry(document);
        if (trigger != null && trigger.timed()) {
            timedEntry(entry);
        }
        List<EventCriterion> exitWhen = exitWhen(document);
        Goal goal = goal(document);
        String start = start(document);
        SendRules rules = sendRules.journeyRules(document);
        NodeReader.Result nodes = nodeReader.read(document.get("nodes"));
        GraphRules.check(nodes.graph(), start, problems);
        if (problems.hasErrors()) {
            return null;
        }
        return new JourneyDefinition(key, name, trigger, entry, exitWhen, goal, start, nodes.nodes(), rules);
    }

    private String key(JsonNode document) {
        String key = fields.requiredString(document, "key", "");
        if (key != null && !KEY.matcher(key).matches()) {
            problems.error("/key", "bad-value", "key '" + key + "' must be 1 to 64 lower-case letters, digits, '_' or "
                    + "'-', starting with a letter or digit, e.g. store-welcome");
        }
        return key;
    }

    private String name(JsonNode document) {
        String name = fields.requiredString(document, "name", "");
        if (name != null && (name.isBlank() || name.codePointCount(0, name.length()) > MAX_NAME)) {
            problems.error("/name", "bad-value", "name must be 1 to " + MAX_NAME + " characters and not blank");
        }
        return name;
    }

    /**
     * A timed trigger enters a contact once per fire (or per date) under the entry policy alone: there is no event to
     * compute an entry key from, and no trigger loop for {@code minInterval} to guard against.
     */
    private void timedEntry(Entry entry) {
        if (entry.key() != null) {
            problems.error("/entry/key", "conflicting-fields", "'entry.key' applies to event triggers; a schedule "
                    + "or date trigger enters each contact once per fire under the entry policy");
        }
        if (entry.minInterval() != null) {
            problems.error("/entry/minInterval", "conflicting-fields", "'entry.minInterval' guards event triggers "
                    + "against loops; a schedule or date trigger enters each contact at most once per fire");
        }
    }

    private Entry entry(JsonNode document) {
        JsonNode entry = fields.optionalObject(document, "entry", "");
        if (entry == null) {
            return new Entry(EntryPolicy.ONCE, null);
        }
        fields.warnUnknown(entry, "/entry", ENTRY_FIELDS);
        EntryPolicy policy = EntryPolicy.ONCE;
        String policyName = fields.optionalString(entry, "policy", "/entry");
        if (policyName != null) {
            try {
                policy = EntryPolicy.valueOf(policyName);
            } catch (IllegalArgumentException e) {
                problems.error("/entry/policy", "unknown-entry-policy", "policy '" + policyName + "' is not one of "
                        + Arrays.stream(EntryPolicy.values()).map(Enum::name).collect(Collectors.joining(", ")));
            }
        }
        String keySource = fields.optionalString(entry, "key", "/entry");
        Expression key = keySource == null ? null : expressions.compile(keySource, "/entry/key", problems);
        Duration minInterval = fields.duration(entry, "minInterval", "/entry", false);
        return new Entry(policy, key, minInterval);
    }

    private List<EventCriterion> exitWhen(JsonNode document) {
        JsonNode exitWhen = JsonFields.present(document, "exitWhen");
        List<EventCriterion> criteria = new ArrayList<>();
        if (exitWhen == null) {
            return criteria;
        }
        if (!exitWhen.isArray()) {
            problems.error("/exitWhen", "bad-value", "'exitWhen' must be a list of {\"event\", \"when\"}");
            return criteria;
        }
        for (int i = 0; i < exitWhen.size(); i++) {
            String pointer = Problems.pointer("/exitWhen", i);
            JsonNode criterion = exitWhen.get(i);
            if (!criterion.isObject()) {
                problems.error(pointer, "bad-value", "an exit criterion must be an object {\"event\", \"when\"}");
                continue;
            }
            fields.warnUnknown(criterion, pointer, CRITERION_FIELDS);
            criteria.add(new EventCriterion(eventType(criterion, pointer), optionalExpression(criterion, pointer)));
        }
        return criteria;
    }

    private Goal goal(JsonNode document) {
        JsonNode goal = fields.optionalObject(document, "goal", "");
        if (goal == null) {
            return null;
        }
        fields.warnUnknown(goal, "/goal", GOAL_FIELDS);
        String event = eventType(goal, "/goal");
        Expression when = optionalExpression(goal, "/goal");
        Duration within = fields.duration(goal, "within", "/goal", false);
        return new Goal(event, when, within, fields.optionalBoolean(goal, "exit", "/goal", true));
    }

    private String start(JsonNode document) {
        if (JsonFields.present(document, "start") == null) {
            problems.error("/start", "missing-start", "'start' is required: the id of the first node");
            return null;
        }
        return fields.requiredString(document, "start", "");
    }

    /** The required {@code event} field of a trigger, exit criterion or goal. */
    private String eventType(JsonNode object, String pointer) {
        String event = fields.requiredString(object, "event", pointer);
        if (event != null && !EventTypes.isValid(event)) {
            problems.error(Problems.pointer(pointer, "event"), "bad-value", "'" + event
                    + "' is not an event name: <source>.<verb_ed> in lower case, e.g. wechat.followed");
        }
        return event;
    }

    /** The optional {@code when} condition of a trigger, exit criterion or goal. */
    private Expression optionalExpression(JsonNode object, String pointer) {
        String source = fields.optionalString(object, "when", pointer);
        return source == null ? null : expressions.compile(source, Problems.pointer(pointer, "when"), problems);
    }
}
