package org.wayfarer.journey.segment;

/** The tenant already has a segment with this key. */
public final class SegmentKeyTakenException extends RuntimeException {

    public SegmentKeyTakenException(String segmentKey) {
        super("a segment with key '" + segmentKey + "' already exists");
    }
}
