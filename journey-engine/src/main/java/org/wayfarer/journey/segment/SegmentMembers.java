package org.wayfarer.journey.segment;

import java.util.List;

/**
 * The contacts of a saved segment, paged by contact id (port): what a scheduled trigger enters, streamed page by page
 * so a segment of millions is never loaded whole. Joins the caller's transaction, if any; thread-safe.
 */
public interface SegmentMembers {

    /** Whether the tenant has a segment with this key. */
    boolean exists(long tenantId, String segmentKey);

    /**
     * Up to {@code limit} ids of the segment's contacts with ids above {@code afterContactId}, ascending, as the
     * segment's filter selects them now (not a stored snapshot).
     *
     * @throws SegmentNotFoundException when the tenant has no such segment
     */
    List<Long> page(long tenantId, String segmentKey, long afterContactId, int limit);
}
