package org.wayfarer.journey.definition;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Objects;
import org.wayfarer.journey.calendar.DaySet;

/** Waits, then continues at {@code next} (nullable: the instance completes). How long is one of {@link Until}. */
public record WaitNode(String id, Until until, String next) implements Node {

    public WaitNode {
        Objects.requireNonNull(until, "until");
    }

    /** A wait of a fixed duration. */
    public WaitNode(String id, Duration duration, String next) {
        this(id, new For(duration), next);
    }

    /** When the wait ends. */
    public sealed interface Until permits For, At, AtExpression, NextTimeOfDay {
    }

    /** {@code "duration"}: this long after the instance arrives. */
    public record For(Duration duration) implements Until {
    }

    /** {@code "until"} with an ISO-8601 instant: then (at once when it has passed). */
    public record At(Instant instant) implements Until {
    }

    /**
     * {@code "until"} with an expression giving an instant (ISO-8601 text with an offset, or epoch milliseconds),
     * e.g. {@code event.appointmentAt}: then; at once when it has passed or gives no instant.
     */
    public record AtExpression(Expression expression) implements Until {
    }

    /**
     * {@code "timeOfDay"}: the next {@code at} (now itself counts) on a day of {@code days} ({@code workdays} are
     * China's working days, 调休 make-up days included and holidays not), in {@code zone}, or in the contact's zone
     * when null (attribute {@code timezone}, default Asia/Shanghai).
     */
    public record NextTimeOfDay(LocalTime at, DaySet days, ZoneId zone) implements Until {
    }
}
