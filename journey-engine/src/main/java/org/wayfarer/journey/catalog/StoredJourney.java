package org.wayfarer.journey.catalog;

import java.time.Instant;

/**
 * A journey row: the editable draft, the number of its latest published version and where its lifecycle stands.
 *
 * @param publishedVersion null until first published
 * @param version          optimistic-locking revision of the row
 * @param status           never null
 * @param pausedAt         when the current pause began; null when the journey was never paused or every timer held
 *                         during its last pause has been released
 * @param resumedAt        when the pause that {@code pausedAt} names ended; null while paused, and once its held
 *                         timers have been released
 */
public record StoredJourney(long id, long tenantId, String key, String name, String draftJson,
                            Integer publishedVersion, Instant createdAt, Instant updatedAt, int version,
                            JourneyStatus status, Instant pausedAt, Instant resumedAt) {

    public StoredJourney {
        if (status == null) {
            throw new IllegalArgumentException("journey " + id + " needs a status");
        }
    }

    /** A journey that was never paused, stopped or archived: DRAFT until published, then PUBLISHED. */
    public StoredJourney(long id, long tenantId, String key, String name, String draftJson, Integer publishedVersion,
                         Instant createdAt, Instant updatedAt, int version) {
        this(id, tenantId, key, name, draftJson, publishedVersion, createdAt, updatedAt, version,
                publishedVersion == null ? JourneyStatus.DRAFT : JourneyStatus.PUBLISHED, null, null);
    }

    /** The same row in another lifecycle state, changed at {@code at}. */
    public StoredJourney withLifecycle(JourneyStatus next, Instant nextPausedAt, Instant nextResumedAt, Instant at) {
        return new StoredJourney(id, tenantId, key, name, draftJson, publishedVersion, createdAt, at, version, next,
                nextPausedAt, nextResumedAt);
    }
}
