package org.wayfarer.journey.segment;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Saved segments and their stored membership (port). Tenant-scoped: every method takes the tenant and filters on it,
 * except {@link #listAcrossTenants}, which the scheduled refresh needs and says so. Every method joins the caller's
 * transaction, or runs on its own without one. Thread-safe. Nothing here returns null; absent is empty.
 */
public interface SegmentStore {

    /**
     * Stores a new segment.
     *
     * @throws SegmentKeyTakenException when the tenant already has a segment with the key
     */
    void insert(Segment segment);

    Optional<Segment> find(long tenantId, String key);

    /** The tenant's segments with ids above {@code afterId}, oldest (lowest id) first, at most {@code limit}. */
    List<Segment> list(long tenantId, long afterId, int limit);

    /** Every tenant's segments with ids above {@code afterId}, in id order (the scheduled refresh's walk). */
    List<Segment> listAcrossTenants(long afterId, int limit);

    /**
     * Records a completed refresh: sets the segment's refresh sequence from {@code expectedSeq} to
     * {@code expectedSeq + 1} and its refreshed-at to {@code at}, if the sequence still is {@code expectedSeq}.
     *
     * @return false when another refresh completed meanwhile (nothing changed)
     */
    boolean completeRefresh(long tenantId, long segmentId, long expectedSeq, Instant at);

    /** Stored members of the segment with contact ids above {@code afterContactId}, ascending, at most {@code limit}. */
    List<Long> members(long tenantId, long segmentId, long afterContactId, int limit);

    /** Stores these contacts as members since {@code since}; contacts already stored as members are left alone. */
    void addMembers(long tenantId, long segmentId, Collection<Long> contactIds, Instant since);

    /** Removes these contacts from the stored members; contacts that are not stored members are ignored. */
    void removeMembers(long tenantId, long segmentId, Collection<Long> contactIds);
}
