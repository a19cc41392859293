package org.wayfarer.journey.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which dates a rule applies to: every day, China's working days, China's days off, or fixed days of the week.
 *
 * <p>{@link #workdays()} follows the holiday calendar: it includes make-up Saturdays and Sundays (调休) and excludes
 * statutory holidays, because that is when people are at work. {@link #weekends()} is its exact complement, every day
 * that is not a working day (ordinary weekends and holidays, not make-up workdays). Past the calendar's coverage both
 * fall back to Monday to Friday and Saturday/Sunday. An explicit {@link #of(Set) day-of-week set} ignores the
 * calendar: "Mondays" means Mondays, holiday or not.
 *
 * <p>{@link #spec()} is the text form {@link #parse} reads: {@code workdays}, {@code weekends}, {@code all}, or a
 * comma list of {@code MON}..{@code SUN}.
 */
public sealed interface DaySet permits DaySet.Named, DaySet.DaysOfWeek {

    /** Whether {@code date} is in the set; {@code calendar} decides working days and holidays. */
    boolean includes(LocalDate date, HolidayCalendar calendar);

    /** The text form, as {@link #parse} accepts it. */
    String spec();

    static DaySet all() {
        return Named.ALL;
    }

    static DaySet workdays() {
        return Named.WORKDAYS;
    }

    static DaySet weekends() {
        return Named.WEEKENDS;
    }

    /** @throws IllegalArgumentException if {@code days} is empty: a rule that never applies is a mistake */
    static DaySet of(Set<DayOfWeek> days) {
        return new DaysOfWeek(days);
    }

    /**
     * Reads {@code workdays}, {@code weekends}, {@code all} (any case) or a comma list of day codes {@code MON},
     * {@code TUE}, {@code WED}, {@code THU}, {@code FRI}, {@code SAT}, {@code SUN} (any case, spaces allowed around
     * commas, each day once).
     *
     * @throws IllegalArgumentException naming the text and the offending entry
     */
    static DaySet parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("day set is empty: expected " + DaysOfWeek.EXPECTED);
        }
        String trimmed = text.trim().toLowerCase(Locale.ROOT);
        for (Named named : Named.values()) {
            if (named.spec().equals(trimmed)) {
                return named;
            }
        }
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        for (String part : text.split(",", -1)) {
            String code = part.trim().toUpperCase(Locale.ROOT);
            DayOfWeek day = DaysOfWeek.fromCode(code);
            if (day == null) {
                throw new IllegalArgumentException("day set '" + text + "': " + (code.isEmpty() ? "empty entry"
                        : "unknown day '" + part.trim() + "'") + "; expected " + DaysOfWeek.EXPECTED);
            }
            if (!days.add(day)) {
                throw new IllegalArgumentException("day set '" + text + "': " + code + " is listed twice");
            }
        }
        return new DaysOfWeek(days);
    }

    /** The calendar-aware sets. */
    enum Named implements DaySet {
        ALL {
            @Override
            public boolean includes(LocalDate date, HolidayCalendar calendar) {
                return true;
            }
        },
        WORKDAYS {
            @Override
            public boolean includes(LocalDate date, HolidayCalendar calendar) {
                return calendar.isWorkingDay(date);
            }
        },
        WEEKENDS {
            @Override
            public boolean includes(LocalDate date, HolidayCalendar calendar) {
                return !calendar.isWorkingDay(date);
            }
        };

        @Override
        public String spec() {
            return name().toLowerCase(Locale.ROOT);
        }

        @Override
        public String toString() {
            return spec();
        }
    }

    /** Fixed days of the week, regardless of holidays. */
    record DaysOfWeek(Set<DayOfWeek> days) implements DaySet {

        static final String EXPECTED = "workdays, weekends, all, or a comma list of MON, TUE, WED, THU, FRI, SAT, SUN";

        public DaysOfWeek {
            Objects.requireNonNull(days, "days");
            if (days.isEmpty()) {
                throw new IllegalArgumentException("day set has no days: expected at least one of MON..SUN");
            }
            days = Set.copyOf(EnumSet.copyOf(days));
        }

        @Override
        public boolean includes(LocalDate date, HolidayCalendar calendar) {
            return days.contains(date.getDayOfWeek());
        }

        /** The codes in week order, Monday first: {@code "MON,SAT"}. */
        @Override
        public String spec() {
            return EnumSet.copyOf(days).stream().map(DaysOfWeek::code).collect(Collectors.joining(","));
        }

        @Override
        public String toString() {
            return spec();
        }

        private static String code(DayOfWeek day) {
            return day.name().substring(0, 3);
        }

        private static DayOfWeek fromCode(String code) {
            for (DayOfWeek day : DayOfWeek.values()) {
                if (code(day).equals(code)) {
                    return day;
                }
            }
            return null;
        }
    }
}
