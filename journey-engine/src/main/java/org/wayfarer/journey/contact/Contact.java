package org.wayfarer.journey.contact;

import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A person a brand talks to, with attributes synced from member systems and forms, and tags.
 *
 * @param tags sorted; set by {@code update} nodes and the admin API
 */
public record Contact(long id, long tenantId, Map<String, Object> attributes, Instant createdAt, Instant updatedAt,
                      int version, Set<String> tags) {

    public Contact {
        attributes = Map.copyOf(attributes);
        tags = tags == null || tags.isEmpty() ? Set.of() : Collections.unmodifiableSortedSet(new TreeSet<>(tags));
    }

    /** A contact without tags. */
    public Contact(long id, long tenantId, Map<String, Object> attributes, Instant createdAt, Instant updatedAt,
                   int version) {
        this(id, tenantId, attributes, createdAt, updatedAt, version, Set.of());
    }

    /** The same contact with other attributes and tags, changed at {@code now}; the version stays the one read. */
    public Contact changed(Map<String, Object> newAttributes, Set<String> newTags, Instant now) {
        return new Contact(id, tenantId, newAttributes, createdAt, now, version, newTags);
    }
}
