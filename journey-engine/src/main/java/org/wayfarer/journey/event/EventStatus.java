package org.wayfarer.journey.event;

/** Where an event is in its processing. */
public enum EventStatus {
    PENDING,
    PROCESSED,
    /** Gave up after repeated failures; kept for inspection and replay. */
    FAILED
}
