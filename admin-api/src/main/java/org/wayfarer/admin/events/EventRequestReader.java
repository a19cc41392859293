package org.wayfarer.admin.events;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.wayfarer.admin.limits.AdminLimitsProperties;
import org.wayfarer.admin.limits.ApiInstants;
import org.wayfarer.admin.problem.InvalidRequestException;
import org.wayfarer.admin.problem.RequestProblems;
import org.wayfarer.channel.wechat.WeChatAccounts;
import org.wayfarer.journey.event.ContactEvent;
import org.wayfarer.journey.event.EventTypes;
import org.wayfarer.journey.event.Identity;
import org.wayfarer.journey.event.IdentityKind;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns the body of {@code POST /api/v1/events} (one event, or {@code {"events": [...]}}) into the events to record,
 * checking everything first: a request with any problem, in any event, records nothing and gets one 400 listing
 * every problem with its JSON pointer. Thread-safe.
 */
final class EventRequestReader {

    static final String SOURCE = "api";
    private static final Set<String> BUILT_IN_TYPES = Set.of(EventTypes.CONTACT_UPDATED, "form.submitted");
    private static final String BATCH = "events";
    private static final int MAX_ID_LENGTH = 200;

    private final JsonMapper json;
    private final AdminLimitsProperties.Events limits;
    private final EventFieldChecks fieldChecks;
    private final WeChatAccounts accounts;
    private final Clock clock;

    EventRequestReader(JsonMapper json, AdminLimitsProperties.Events limits, WeChatAccounts accounts, Clock clock) {
        this.json = json;
        this.limits = limits;
        this.fieldChecks = new EventFieldChecks(limits, json);
        this.accounts = accounts;
        this.clock = clock;
    }

    /** What the body asks to record, for {@code tenantId}. */
    record Events(boolean batch, List<ContactEvent> events) {
    }

    /** @throws InvalidRequestException listing every problem, when there is any */
    Events read(long tenantId, JsonNode body) {
        RequestProblems problems = new RequestProblems();
        Map<String, EventRequest> requests = new LinkedHashMap<>();
        boolean batch = body != null && body.isObject() && body.has(BATCH);
        if (body == null || !body.isObject()) {
            problems.add("", "not-an-object", "the body must be one event object, or {\"events\": [...]}.");
        } else if (batch) {
            readBatch(body, requests, problems);
        } else {
            convert(body, "", problems, requests);
        }
        Map<String, Boolean> connected = new HashMap<>();
        Map<String, Identity> identities = new HashMap<>();
        requests.forEach((pointer, request) -> {
            Identity identity = check(tenantId, request, pointer, batch, problems, connected);
            if (identity != null) {
                identities.put(pointer, identity);
            }
        });
        problems.throwIfAny();
        List<ContactEvent> events = new ArrayList<>(requests.size());
        requests.forEach((pointer, request) -> events.add(toEvent(tenantId, request, identities.get(pointer))));
        return new Events(batch, events);
    }

    private void readBatch(JsonNode body, Map<String, EventRequest> requests, RequestProblems problems) {
        for (String name : body.propertyNames()) {
            if (!BATCH.equals(name)) {
                problems.add(name.length() <= limits.maxFieldNameLength() ? RequestProblems.child("", name) : "",
                        "unexpected-field", "a batch holds only 'events'; put each event's fields in its entry.");
            }
        }
        JsonNode events = body.get(BATCH);
        if (!events.isArray()) {
            problems.add("/events", "not-an-array", "must be an array of event objects.");
        } else if (events.isEmpty()) {
            problems.add("/events", "empty", "must hold at least one event.");
        } else if (events.size() > limits.maxBatchSize()) {
            problems.add("/events", "too-many-events", "a batch holds at most " + limits.maxBatchSize()
                    + " events; there are " + events.size() + ". Split it.");
        } else {
            for (int i = 0; i < events.size(); i++) {
                convert(events.get(i), RequestProblems.child("/events", i), problems, requests);
            }
        }
    }

    private void convert(JsonNode node, String pointer, RequestProblems problems, Map<String, EventRequest> into) {
        if (!node.isObject()) {
            problems.add(pointer, "not-an-object", "an event is a JSON object.");
            return;
        }
        try {
            into.put(pointer, json.treeToValue(node, EventRequest.class));
        } catch (JacksonException e) {
            String field = e.getPath().isEmpty() ? null : e.getPath().get(0).getPropertyName();
            String at = field == null ? pointer : RequestProblems.child(pointer, field);
            problems.add(at, "wrong-type", expectation(field));
        }
    }

    private static String expectation(String field) {
        if (field == null) {
            return "an event is a JSON object.";
        }
        return switch (field) {
            case "occurredAt" -> "must be " + ApiInstants.RULE + ".";
            case "identity" -> "must be an object with one identity: appId+openid, unionid, phone, email or "
                    + "externalUserId+corpId.";
            case "properties", "attributes" -> "must be a JSON object of fields.";
            default -> "must be a JSON string.";
        };
    }

    /** @return the identity, when that part is valid */
    private Identity check(long tenantId, EventRequest request, String pointer, boolean batch,
                           RequestProblems problems, Map<String, Boolean> connected) {
        String type = request.type();
        if (type == null || !(type.startsWith("custom.") || BUILT_IN_TYPES.contains(type))
                || !EventTypes.isValid(type)) {
            problems.add(RequestProblems.child(pointer, "type"), type == null ? "required" : "invalid-type",
                    "must be custom.<name> (lower case, digits, underscores), contact.updated or form.submitted.");
        }
        if (request.id() == null && batch) {
            problems.add(RequestProblems.child(pointer, "id"), "required", "every event of a batch needs an 'id', "
                    + "so that the batch can be retried safely.");
        } else if (request.id() != null && (request.id().isBlank() || request.id().length() > MAX_ID_LENGTH)) {
            problems.add(RequestProblems.child(pointer, "id"), "invalid-id", "must be 1 to " + MAX_ID_LENGTH
                    + " characters when given.");
        }
        Identity identity = identity(tenantId, request, pointer, problems, connected);
        if (request.occurredAt() != null && !ApiInstants.inRange(request.occurredAt())) {
            problems.add(RequestProblems.child(pointer, "occurredAt"), "out-of-range",
                    "must be " + ApiInstants.RULE + ".");
        }
        fieldChecks.check(request.properties(), RequestProblems.child(pointer, "properties"), problems);
        fieldChecks.check(request.attributes(), RequestProblems.child(pointer, "attributes"), problems);
        return identity;
    }

    private Identity identity(long tenantId, EventRequest request, String pointer, RequestProblems problems,
                              Map<String, Boolean> connected) {
        String at = RequestProblems.child(pointer, "identity");
        if (request.identity() == null) {
            problems.add(at, "required", "who the event is about: appId+openid, unionid, phone, email or "
                    + "externalUserId+corpId.");
            return null;
        }
        Identity identity;
        try {
            identity = request.identity().toIdentity();
        } catch (InvalidRequestException e) {
            problems.add(at, "invalid-identity", e.getMessage());
            return null;
        }
        // an openid is only meaningful within its official account; naming another tenant's account would let this
        // tenant act on that tenant's followers (and later send through the account)
        if (identity.kind() == IdentityKind.WECHAT_OPENID
                && !connected.computeIfAbsent(identity.namespace(), appId -> accounts.isConnected(tenantId, appId))) {
            problems.add(RequestProblems.child(at, "appId"), "account-not-connected", "this official account is "
                    + "not connected to your tenant; connect it with POST /api/v1/wechat/accounts first.");
            return null;
        }
        return identity;
    }

    private ContactEvent toEvent(long tenantId, EventRequest request, Identity identity) {
        String dedupeKey = SOURCE + ":" + (request.id() != null ? request.id() : UUID.randomUUID());
        return new ContactEvent(tenantId, SOURCE, dedupeKey, request.type(), identity, null,
                request.occurredAt() != null ? request.occurredAt() : clock.instant(), request.properties(),
                request.attributes());
    }
}
