package org.wayfarer.journey.calendar;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Objects;

/** "Wait until 10:00 on the next working day": the wall-clock waits of journey wait nodes. */
public final class TimeOfDay {

    /** How many days ahead {@link #nextTimeOfDay} looks; any non-empty {@link DaySet} matches far sooner. */
    public static final int MAX_SEARCH_DAYS = 400;

    private TimeOfDay() {
    }

    /**
     * The first instant, at or after {@code now}, whose local time in {@code zone} is {@code at} on a date in
     * {@code days}. {@code now} itself counts: a wait for 10:00 entered at exactly 10:00 on an allowed day ends at
     * once, which is what "at 10:00" means to the person who wrote the journey, and a retry at that instant is
     * idempotent. At 09:00 on an allowed day the answer is 10:00 the same day.
     *
     * <p>Each date's occurrence is {@link ZonedDateTime#of(LocalDate, LocalTime, ZoneId)}: a time skipped by a
     * spring-forward gap moves later by the gap's length (02:30 on New York's spring-forward day is 03:30 EDT, the
     * instant 02:30 would have been on standard time), and a time repeated by an autumn overlap is its first
     * occurrence (the earlier offset). A day therefore has exactly one occurrence.
     *
     * <p>{@link DaySet#workdays()} past the calendar's coverage falls back to Monday to Friday (see {@link DaySet}).
     *
     * @throws IllegalStateException if no date within {@link #MAX_SEARCH_DAYS} days is in {@code days}
     */
    public static Instant nextTimeOfDay(Instant now, LocalTime at, DaySet days, ZoneId zone,
            HolidayCalendar calendar) {
        Objects.requireNonNull(now, "now");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(days, "days");
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(calendar, "calendar");
        LocalDate date = now.atZone(zone).toLocalDate();
        for (int i = 0; i <= MAX_SEARCH_DAYS; i++, date = date.plusDays(1)) {
            if (days.includes(date, calendar)) {
                Instant occurrence = ZonedDateTime.of(date, at, zone).toInstant();
                if (!occurrence.isBefore(now)) {
                    return occurrence;
                }
            }
        }
        throw new IllegalStateException("no " + at + " on " + days.spec() + " in " + zone + " within "
                + MAX_SEARCH_DAYS + " days after " + now);
    }
}
