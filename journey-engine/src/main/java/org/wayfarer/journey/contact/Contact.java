package org.wayfarer.journey.contact;

import java.time.Instant;
import java.util.Map;

/** A person a brand talks to, with attributes synced from member systems and forms. */
public record Contact(long id, long tenantId, Map<String, Object> attributes, Instant createdAt, Instant updatedAt,
                      int version) {

    public Contact {
        attributes = Map.copyOf(attributes);
    }
}
