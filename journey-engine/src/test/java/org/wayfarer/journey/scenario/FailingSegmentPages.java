package org.wayfarer.journey.scenario;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.wayfarer.journey.segment.SegmentMembers;
import org.wayfarer.journey.segment.Segments;

/**
 * The segments' members as the fires read them, with a fault to arm: after {@code pages} more pages of one segment
 * the next page of it read throws, as a database that went away mid-fire would. Disarmed it only delegates.
 */
final class FailingSegmentPages implements SegmentMembers {

    private final Segments segments;
    private final AtomicInteger pagesLeft = new AtomicInteger(-1);
    private volatile String failing;

    FailingSegmentPages(Segments segments) {
        this.segments = segments;
    }

    /** The page of {@code segmentKey} read after {@code pages} more fails (once); then pages are read normally. */
    void failAfter(String segmentKey, int pages) {
        failing = segmentKey;
        pagesLeft.set(pages);
    }

    @Override
    public boolean exists(long tenantId, String segmentKey) {
        return segments.exists(tenantId, segmentKey);
    }

    @Override
    public List<Long> page(long tenantId, String segmentKey, long afterContactId, int limit) {
        if (segmentKey.equals(failing) && pagesLeft.get() >= 0 && pagesLeft.getAndDecrement() == 0) {
            throw new IllegalStateException("simulated failure reading a page of segment " + segmentKey);
        }
        return segments.page(tenantId, segmentKey, afterContactId, limit);
    }
}
