package org.wayfarer.journey.event;

/** What {@link EventIntake#accept} did with an event. */
public sealed interface IntakeResult {

    long eventId();

    /** Stored for processing under {@code eventId}. */
    record Accepted(long eventId) implements IntakeResult {
    }

    /** Seen before (a retried callback); {@code eventId} is the first copy's id. Nothing was stored. */
    record Duplicate(long eventId) implements IntakeResult {
    }
}
