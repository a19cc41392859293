package org.wayfarer.journey.segment;

/**
 * The events a segment refresh emits when a contact's membership changes. Journeys trigger on them like on any event:
 * {@code {"trigger": {"event": "segment.entered", "when": "event.segment == 'vip'"}}}.
 */
public final class SegmentEvents {

    /** The contact became a member (also emitted for every member by the first refresh after the segment is created). */
    public static final String ENTERED = "segment.entered";
    /** The contact stopped being a member. */
    public static final String EXITED = "segment.exited";
    /** The events' source, which scopes their dedupe keys. */
    public static final String SOURCE = "segment";
    /** The event property naming the segment's key. */
    public static final String PROPERTY = "segment";

    private SegmentEvents() {
    }
}
