package org.wayfarer.journey.event;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * Something a contact did or that happened to a contact, normalised from a channel callback, a form or an API call.
 *
 * @param tenantId   the brand the event belongs to
 * @param source     where it came from: an official account appId, a WeCom corpId, {@code "api"}; scopes the dedupe key
 * @param dedupeKey  unique per (tenant, source) for one real-world occurrence; a retried callback carries the same key
 * @param type       past-tense event name, {@code <source>.<verb_ed>}, e.g. {@code wechat.followed}
 * @param identity   who did it
 * @param unionid    the WeChat unionid when the channel knows it (contacts merge on it), else {@code null}
 * @param occurredAt when it happened according to the source
 * @param properties event properties, visible to conditions and templates as {@code event.<name>}
 * @param attributes contact attributes to merge into the profile before journeys see the event (member-system sync)
 */
public record ContactEvent(long tenantId, String source, String dedupeKey, String type, Identity identity,
                           String unionid, Instant occurredAt, Map<String, Object> properties,
                           Map<String, Object> attributes) {

    public ContactEvent {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(dedupeKey, "dedupeKey");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(identity, "identity");
        Objects.requireNonNull(occurredAt, "occurredAt");
        if (dedupeKey.isBlank() || dedupeKey.length() > 255) {
            throw new IllegalArgumentException("dedupeKey must be 1..255 characters");
        }
        if (!EventTypes.isValid(type)) {
            throw new IllegalArgumentException("event type '" + type + "' is not of the form <source>.<verb_ed>");
        }
        properties = properties == null ? Map.of() : Map.copyOf(properties);
        attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
    }
}
