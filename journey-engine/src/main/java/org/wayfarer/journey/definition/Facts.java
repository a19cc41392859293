package org.wayfarer.journey.definition;

import java.util.Map;

/**
 * What conditions and templates can see: {@code contact} ({@code id}, {@code attributes}) and {@code event} (the
 * event's properties plus {@code type} and {@code occurredAt}). Maps are read-only; a missing key reads as null.
 */
public record Facts(Map<String, Object> contact, Map<String, Object> event) {

    public Facts {
        contact = contact == null ? Map.of() : contact;
        event = event == null ? Map.of() : event;
    }
}
