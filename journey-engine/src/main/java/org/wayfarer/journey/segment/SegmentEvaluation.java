package org.wayfarer.journey.segment;

import java.time.Instant;
import java.util.List;

/**
 * Evaluates a segment filter over one tenant's contacts (port): paged by contact id, so that a segment of millions is
 * streamed page by page and never loaded whole. Event windows end at {@code now}, which the caller takes from its
 * clock; adapters never read one (no {@code NOW()} in SQL). Joins the caller's transaction, if any; thread-safe.
 */
public interface SegmentEvaluation {

    /**
     * Up to {@code limit} ids of the tenant's contacts that match {@code filter} at {@code now}, with ids above
     * {@code afterContactId}, ascending; fewer than {@code limit} only when there are no more. Memory per call is
     * bounded by the limit and the adapter's scan batch, not by the number of contacts.
     *
     * @param limit at least 1
     */
    List<Long> page(long tenantId, SegmentFilter filter, Instant now, long afterContactId, int limit);

    /** How many of the tenant's contacts match {@code filter} at {@code now}; streams, never loads the contacts. */
    long count(long tenantId, SegmentFilter filter, Instant now);
}
