package org.wayfarer.journey.event;

/** What makes a contact event unique: the same (tenant, source, dedupe key) is one real-world occurrence. */
public record DedupeKey(long tenantId, String source, String dedupeKey) {

    public static DedupeKey of(ContactEvent event) {
        return new DedupeKey(event.tenantId(), event.source(), event.dedupeKey());
    }
}
