package org.wayfarer.journey.definition;

import java.time.Duration;
import java.time.Period;
import java.time.format.DateTimeParseException;

/** Parses the ISO-8601 durations of wait nodes and goals into fixed, positive lengths of at most 366 days. */
final class Durations {

    static final Duration MAX = Duration.ofDays(366);

    private Durations() {
    }

    /**
     * Accepts {@link Duration#parse} forms ({@code PT24H}, {@code P7D}, {@code P1DT12H}) and day-based
     * {@link Period} forms ({@code P2W}); months and years are refused because their length varies.
     *
     * @throws IllegalArgumentException with a message for a person when the text is not such a duration
     */
    static Duration parse(String text) {
        Duration duration = parseEither(text.trim());
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException("'" + text + "' must be longer than zero");
        }
        if (duration.compareTo(MAX) > 0) {
            throw new IllegalArgumentException("'" + text + "' is longer than the maximum of 366 days (P366D)");
        }
        return duration;
    }

    private static Duration parseEither(String text) {
        try {
            return Duration.parse(text);
        } catch (DateTimeParseException notADuration) {
            return parsePeriod(text);
        }
    }

    private static Duration parsePeriod(String text) {
        Period period;
        try {
            period = Period.parse(text);
        } catch (DateTimeParseException notAPeriod) {
            throw new IllegalArgumentException("'" + text + "' is not an ISO-8601 duration such as PT30M, PT24H, P7D");
        }
        if (period.getYears() != 0 || period.getMonths() != 0) {
            throw new IllegalArgumentException("'" + text + "' uses months or years, whose length varies; use days, "
                    + "e.g. P30D");
        }
        return Duration.ofDays(period.getDays());
    }
}
