package org.wayfarer.journey.profile;

import java.time.Instant;
import java.util.Map;
import org.wayfarer.journey.dispatch.OutboxStatus;

/** One line of a contact's timeline: an event it produced, a journey step it took, or a message queued for it. */
public sealed interface TimelineEntry {

    Kind kind();

    /** When it happened; the timeline is ordered by this, newest first. */
    Instant at();

    enum Kind {
        EVENT,
        STEP,
        MESSAGE
    }

    /** A processed contact event; {@code at} is when it occurred according to its source. */
    record EventEntry(Instant at, long eventId, String type, String source, Map<String, Object> properties)
            implements TimelineEntry {

        public EventEntry {
            properties = Map.copyOf(properties);
        }

        @Override
        public Kind kind() {
            return Kind.EVENT;
        }
    }

    /** A journey step; {@code detail} is nullable. */
    record StepEntry(Instant at, long instanceId, long journeyId, int journeyVersion, String nodeId, String outcome,
                     String detail) implements TimelineEntry {

        @Override
        public Kind kind() {
            return Kind.STEP;
        }
    }

    /**
     * A queued send (the message body is left out: it may carry personal data and links); {@code at} is when it was
     * queued, {@code updatedAt} when its status last changed. Error fields are null unless the provider refused or
     * failed.
     */
    record MessageEntry(Instant at, long deliveryId, long journeyId, String nodeId, String channel, String account,
                        OutboxStatus status, String errorCode, String errorMessage, Instant updatedAt)
            implements TimelineEntry {

        @Override
        public Kind kind() {
            return Kind.MESSAGE;
        }
    }
}
