package org.wayfarer.journey.segment;

import java.time.Instant;
import java.util.Objects;

/**
 * A saved segment: a named, tenant-scoped filter over contacts.
 *
 * @param key         unique per tenant: 1 to 64 lower-case letters, digits, '_' or '-'
 * @param refreshSeq  refreshes completed so far (0 before the first); the next refresh's number is one more, and
 *                    the dedupe keys of the events it emits carry that number
 * @param refreshedAt when the last refresh completed; null before the first
 */
public record Segment(long id, long tenantId, String key, String name, SegmentFilter filter, Instant createdAt,
                      Instant updatedAt, int version, long refreshSeq, Instant refreshedAt) {

    public Segment {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(filter, "filter");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }
}
