package org.wayfarer.journey.definition;

import java.util.Map;
import java.util.Set;

/**
 * What conditions and templates can see: {@code contact} ({@code id}, {@code attributes}, {@code tags}),
 * {@code event} (the triggering event's properties plus {@code type} and {@code occurredAt}), {@code waited} (events
 * awaited by {@code waitFor} nodes, by node id, shaped like {@code event}) and {@code webhook} (webhook responses by
 * {@code saveAs}). Maps are read-only; a missing key reads as null.
 */
public record Facts(Map<String, Object> contact, Map<String, Object> event, Map<String, Object> waited,
                    Map<String, Object> webhook) {

    /** The variable names, as expressions and templates write them. */
    public static final Set<String> VARIABLES = Set.of("contact", "event", "waited", "webhook");

    public Facts {
        contact = contact == null ? Map.of() : contact;
        event = event == null ? Map.of() : event;
        waited = waited == null ? Map.of() : waited;
        webhook = webhook == null ? Map.of() : webhook;
    }

    /** Facts before anything was awaited or called. */
    public Facts(Map<String, Object> contact, Map<String, Object> event) {
        this(contact, event, Map.of(), Map.of());
    }

    /** The same facts with the contact as it is after a change (an {@code update} node). */
    public Facts withContact(Map<String, Object> changedContact) {
        return new Facts(changedContact, event, waited, webhook);
    }

    /** The facts as one map by variable name: the root that expressions and templates are evaluated against. */
    public Map<String, Object> asRoot() {
        return Map.of("contact", contact, "event", event, "waited", waited, "webhook", webhook);
    }
}
