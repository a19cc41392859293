package org.wayfarer.journey.segment;

/** The tenant has no segment with this key. */
public final class SegmentNotFoundException extends RuntimeException {

    public SegmentNotFoundException(String segmentKey) {
        super("no segment '" + segmentKey + "'");
    }
}
