package org.wayfarer.admin.journeys;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.wayfarer.admin.events.EventFieldChecks;
import org.wayfarer.admin.limits.AdminLimitsProperties;
import org.wayfarer.admin.limits.ApiInstants;
import org.wayfarer.admin.problem.RequestProblems;
import org.wayfarer.journey.definition.UpdateNode;
import org.wayfarer.journey.event.EventTypes;
import org.wayfarer.journey.preview.PreviewScenario;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the body of {@code POST /journeys/{id}/preview} into a {@link PreviewScenario}:
 * {@code {contact: {attributes, tags}, events: [{type, at, properties}], until, webhooks: {nodeId: {status, body}}}}.
 * Every problem is reported at once at its JSON pointer, as 400; the bounds are the engine's
 * ({@link PreviewScenario#MAX_EVENTS} events within {@link PreviewScenario#MAX_SPAN}). Attributes, properties and
 * webhook bodies follow the limits of recorded events. Thread-safe.
 */
final class PreviewRequestReader {

    private static final Set<String> FIELDS = Set.of("contact", "events", "until", "webhooks");
    private static final Set<String> CONTACT_FIELDS = Set.of("attributes", "tags");
    private static final Set<String> EVENT_FIELDS = Set.of("type", "at", "properties");
    private static final Set<String> ANSWER_FIELDS = Set.of("status", "body");
    private static final String INSTANT = "must be " + ApiInstants.RULE + " (an offset such as +08:00 is fine).";

    private final JsonMapper json;
    private final EventFieldChecks fields;

    PreviewRequestReader(JsonMapper json, AdminLimitsProperties.Events limits) {
        this.json = json;
        this.fields = new EventFieldChecks(limits, json);
    }

    /** @throws org.wayfarer.admin.problem.InvalidRequestException listing every problem */
    PreviewScenario read(JsonNode body) {
        RequestProblems problems = new RequestProblems();
        if (body == null || !body.isObject()) {
            problems.add("", "not-an-object", "the body is a JSON object: {\"contact\": {\"attributes\": {}, "
                    + "\"tags\": []}, \"events\": [{\"type\", \"at\", \"properties\"}], \"until\"}.");
            problems.throwIfAny();
        }
        unknownFields(body, "", FIELDS, problems);
        JsonNode contact = body.get("contact");
        Map<String, Object> attributes = Map.of();
        Set<String> tags = new LinkedHashSet<>();
        if (contact == null || contact.isNull()) {
            problems.add("/contact", "required", "the hypothetical contact: {\"attributes\": {...}, \"tags\": [...]}"
                    + " (both may be empty).");
        } else if (!contact.isObject()) {
            problems.add("/contact", "not-an-object", "the contact is {\"attributes\": {...}, \"tags\": [...]}.");
        } else {
            unknownFields(contact, "/contact", CONTACT_FIELDS, problems);
            attributes = object(contact.get("attributes"), "/contact/attributes", problems);
            tags(contact.get("tags"), tags, problems);
        }
        List<PreviewScenario.TimedEvent> events = events(body.get("events"), problems);
        Instant until = instant(body.get("until"), "/until", false, problems);
        Map<String, PreviewScenario.WebhookAnswer> webhooks = webhooks(body.get("webhooks"), problems);
        if (!events.isEmpty()) {
            span(events, until, problems);
        }
        problems.throwIfAny();
        return new PreviewScenario(attributes, tags, events, until, webhooks);
    }

    private List<PreviewScenario.TimedEvent> events(JsonNode events, RequestProblems problems) {
        List<PreviewScenario.TimedEvent> read = new ArrayList<>();
        if (events == null || events.isNull()) {
            problems.add("/events", "required", "the contact's events, at least the one that enters the journey.");
        } else if (!events.isArray()) {
            problems.add("/events", "not-an-array", "must be an array of {\"type\", \"at\", \"properties\"}.");
        } else if (events.isEmpty()) {
            problems.add("/events", "empty", "must hold at least one event: the one that enters the journey.");
        } else if (events.size() > PreviewScenario.MAX_EVENTS) {
            problems.add("/events", "too-many-events", "a preview takes at most " + PreviewScenario.MAX_EVENTS
                    + " events; there are " + events.size() + ".");
        } else {
            for (int i = 0; i < events.size(); i++) {
                PreviewScenario.TimedEvent event = event(events.get(i), RequestProblems.child("/events", i),
                        problems);
                if (event != null) {
                    read.add(event);
                }
            }
        }
        return read;
    }

    private PreviewScenario.TimedEvent event(JsonNode event, String pointer, RequestProblems problems) {
        if (!event.isObject()) {
            problems.add(pointer, "not-an-object", "an event is {\"type\", \"at\", \"properties\"}.");
            return null;
        }
        int before = problems.count();
        unknownFields(event, pointer, EVENT_FIELDS, problems);
        JsonNode type = event.get("type");
        if (type == null || type.isNull()) {
            problems.add(RequestProblems.child(pointer, "type"), "required", "the event's type, e.g. "
                    + "wechat.followed or custom.order_paid.");
        } else if (!type.isString() || !EventTypes.isValid(type.asString())) {
            problems.add(RequestProblems.child(pointer, "type"), "invalid-type", "must be <source>.<verb_ed>: "
                    + "lower case letters, digits and underscores, at most 64 characters, e.g. custom.order_paid.");
        }
        Instant at = instant(event.get("at"), RequestProblems.child(pointer, "at"), true, problems);
        Map<String, Object> properties = object(event.get("properties"), RequestProblems.child(pointer,
                "properties"), problems);
        return problems.count() == before
                ? new PreviewScenario.TimedEvent(type.asString(), at, properties) : null;
    }

    /** Events within the engine's span, and {@code until} between the first event and the end of that span. */
    private static void span(List<PreviewScenario.TimedEvent> events, Instant until, RequestProblems problems) {
        Instant first = events.stream().map(PreviewScenario.TimedEvent::at).min(Instant::compareTo).orElseThrow();
        Instant last = events.stream().map(PreviewScenario.TimedEvent::at).max(Instant::compareTo).orElseThrow();
        Instant limit = first.plus(PreviewScenario.MAX_SPAN);
        long days = PreviewScenario.MAX_SPAN.toDays();
        if (last.isAfter(limit)) {
            problems.add("/events", "span-too-long", "the events run from " + first + " to " + last + "; a preview "
                    + "covers at most " + days + " days from its first event.");
        }
        if (until != null && until.isBefore(first)) {
            problems.add("/until", "before-first-event", "must not be before the first event (" + first + ").");
        } else if (until != null && until.isAfter(limit)) {
            problems.add("/until", "too-far", "may be at most " + days + " days after the first event (" + first
                    + "), i.e. at most " + limit + ".");
        }
    }

    private Map<String, PreviewScenario.WebhookAnswer> webhooks(JsonNode webhooks, RequestProblems problems) {
        Map<String, PreviewScenario.WebhookAnswer> answers = new LinkedHashMap<>();
        if (webhooks == null || webhooks.isNull()) {
            return answers;
        }
        if (!webhooks.isObject()) {
            problems.add("/webhooks", "not-an-object", "maps webhook node ids to {\"status\", \"body\"}.");
            return answers;
        }
        for (Map.Entry<String, JsonNode> entry : webhooks.properties()) {
            String pointer = RequestProblems.child("/webhooks", entry.getKey());
            JsonNode answer = entry.getValue();
            if (!answer.isObject()) {
                problems.add(pointer, "not-an-object", "a simulated answer is {\"status\": 200, \"body\": {...}}.");
                continue;
            }
            unknownFields(answer, pointer, ANSWER_FIELDS, problems);
            JsonNode status = answer.get("status");
            if (status == null || !status.isInt() || status.asInt() < 100 || status.asInt() > 599) {
                problems.add(RequestProblems.child(pointer, "status"), "invalid-status",
                        "an HTTP status, 100 to 599: 2xx goes on at the node's 'next', any other at 'failed'.");
                continue;
            }
            Map<String, Object> body = object(answer.get("body"), RequestProblems.child(pointer, "body"), problems);
            answers.put(entry.getKey(), new PreviewScenario.WebhookAnswer(status.asInt(), body));
        }
        return answers;
    }

    private void tags(JsonNode tags, Set<String> into, RequestProblems problems) {
        if (tags == null || tags.isNull()) {
            return;
        }
        if (!tags.isArray()) {
            problems.add("/contact/tags", "not-an-array", "must be an array of tag names.");
            return;
        }
        for (int i = 0; i < tags.size(); i++) {
            JsonNode tag = tags.get(i);
            if (!tag.isString() || tag.asString().isBlank() || tag.asString().length() > UpdateNode.MAX_TAG) {
                problems.add(RequestProblems.child("/contact/tags", i), "invalid-tag", "a tag is a string of 1 to "
                        + UpdateNode.MAX_TAG + " characters.");
            } else {
                into.add(tag.asString().strip());
            }
        }
    }

    /** A JSON object as a map, checked as event fields are; absent is empty. */
    @SuppressWarnings("unchecked")
    private Map<String, Object> object(JsonNode node, String pointer, RequestProblems problems) {
        if (node == null || node.isNull()) {
            return Map.of();
        }
        if (!node.isObject()) {
            problems.add(pointer, "not-an-object", "must be a JSON object of fields.");
            return Map.of();
        }
        Map<String, Object> map = json.treeToValue(node, LinkedHashMap.class);
        int before = problems.count();
        fields.check(map, pointer, problems);
        return problems.count() == before ? map : Map.of();
    }

    private static Instant instant(JsonNode node, String pointer, boolean required, RequestProblems problems) {
        if (node == null || node.isNull()) {
            if (required) {
                problems.add(pointer, "required", "when the event happens: " + INSTANT);
            }
            return null;
        }
        if (node.isString()) {
            try {
                Instant instant = OffsetDateTime.parse(node.asString()).toInstant();
                if (ApiInstants.inRange(instant)) {
                    return instant;
                }
            } catch (DateTimeException e) {
                // reported below
            }
        }
        problems.add(pointer, "invalid-instant", INSTANT);
        return null;
    }

    private static void unknownFields(JsonNode object, String pointer, Set<String> known, RequestProblems problems) {
        for (String field : object.propertyNames()) {
            if (!known.contains(field)) {
                problems.add(RequestProblems.child(pointer, field), "unknown-field", "not part of a preview request;"
                        + " the fields here are " + String.join(", ", known.stream().sorted().toList()) + ".");
            }
        }
    }
}
