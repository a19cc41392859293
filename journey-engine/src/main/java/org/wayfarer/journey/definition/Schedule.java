package org.wayfarer.journey.definition;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Objects;
import org.springframework.scheduling.support.CronExpression;

/**
 * When a schedule trigger fires: on a Spring 6-field cron expression in a zone, or once at an instant. Immutable and
 * thread-safe.
 */
public sealed interface Schedule {

    /** The first fire strictly after {@code after}, or null when there is none (an {@link At} that has passed). */
    Instant nextAfter(Instant after);

    /**
     * The latest fire in {@code (after, now]}, or null when none falls there: the one fire a schedule makes up for
     * after it could not fire on time (the process was down, or the journey paused). Earlier missed fires are
     * skipped, so a cron that missed a week of fires fires once, not seven times.
     */
    Instant latestMissed(Instant after, Instant now);

    /** Whether the schedule fires more than once. */
    boolean repeats();

    /**
     * {@code cron} in Spring's six-field form (second minute hour day-of-month month day-of-week, e.g.
     * {@code 0 0 10 * * MON}), evaluated in {@code zone}, so 10:00 stays 10:00 local across daylight-saving changes.
     */
    record Cron(String expression, ZoneId zone, CronExpression cron) implements Schedule {

        /** Fires one day holds at most of a cron that fires every second; beyond it, the search skips ahead. */
        private static final long SECONDS_PER_DAY = 86_400;

        public Cron {
            Objects.requireNonNull(expression, "expression");
            Objects.requireNonNull(zone, "zone");
            Objects.requireNonNull(cron, "cron");
        }

        /** @throws IllegalArgumentException when {@code expression} is not a Spring cron expression */
        public static Cron parse(String expression, ZoneId zone) {
            return new Cron(expression, zone, CronExpression.parse(expression));
        }

        @Override
        public Instant nextAfter(Instant after) {
            ZonedDateTime next = cron.next(after.atZone(zone));
            return next == null ? null : next.toInstant();
        }

        @Override
        public Instant latestMissed(Instant after, Instant now) {
            Instant from = after;
            // a dense cron (every second, every minute) has its latest fire within the last day: start there, so a
            // long outage costs at most a day's worth of steps; a sparse one is walked from its last fire
            Instant dayAgo = now.minusSeconds(SECONDS_PER_DAY);
            if (dayAgo.isAfter(from)) {
                Instant inLastDay = nextAfter(dayAgo);
                if (inLastDay != null && !inLastDay.isAfter(now)) {
                    from = dayAgo;
                }
            }
            Instant latest = null;
            for (Instant next = nextAfter(from); next != null && !next.isAfter(now); next = nextAfter(next)) {
                latest = next;
            }
            return latest;
        }

        @Override
        public boolean repeats() {
            return true;
        }
    }

    /** Once, at {@code at}. */
    record At(Instant at) implements Schedule {

        public At {
            Objects.requireNonNull(at, "at");
        }

        @Override
        public Instant nextAfter(Instant after) {
            return at.isAfter(after) ? at : null;
        }

        @Override
        public Instant latestMissed(Instant after, Instant now) {
            return at.isAfter(after) && !at.isAfter(now) ? at : null;
        }

        @Override
        public boolean repeats() {
            return false;
        }
    }
}
