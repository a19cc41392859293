package org.wayfarer.journey.catalog;

import java.time.Instant;

/**
 * A journey row: the editable draft plus the number of its latest published version.
 *
 * @param publishedVersion null until first published
 * @param version          optimistic-locking revision of the row
 */
public record StoredJourney(long id, long tenantId, String key, String name, String draftJson,
                            Integer publishedVersion, Instant createdAt, Instant updatedAt, int version) {
}
