package org.wayfarer.journey.calendar;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Objects;

/**
 * A rule for when not to send, in one time zone: nightly quiet hours, plus whole days.
 *
 * <p>Nightly: quiet from {@code from} (inclusive) to {@code to} (exclusive) local time; {@code from} after
 * {@code to} wraps past midnight (21:30 to 08:30 is quiet in the evening and in the early morning of every day).
 * Whole days: a date is quiet from its start to its end when it is not in {@code sendDays}, or when
 * {@code holidays} is set and it is a statutory holiday ({@link DayType#HOLIDAY}). "Working hours on working days
 * only" is therefore {@code new QuietHours(21:00, 09:00, zone, false, DaySet.workdays())}, and "not at night nor
 * on holidays, weekends are fine" is {@code new QuietHours(21:00, 09:00, zone, true)}.
 *
 * <p>Everything is judged on the local date and time in {@code zone}, which is how a recipient experiences it; DST
 * gaps and overlaps are handled by {@link SendWindows}.
 *
 * @param from     start of the nightly quiet period, inclusive
 * @param to       end of the nightly quiet period, exclusive; must differ from {@code from}
 * @param zone     the zone the local times and dates are read in
 * @param holidays whether statutory holidays are quiet all day
 * @param sendDays the days on which sending is allowed outside the nightly period; other days are quiet all day
 */
public record QuietHours(LocalTime from, LocalTime to, ZoneId zone, boolean holidays, DaySet sendDays) {

    public QuietHours {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(sendDays, "sendDays");
        if (from.equals(to)) {
            throw new IllegalArgumentException("quiet hours from " + from + " to " + to + " in " + zone
                    + " are ambiguous (none, or the whole day): 'from' and 'to' must differ; to keep whole days"
                    + " quiet use 'holidays' or 'sendDays'");
        }
    }

    /** Quiet hours on every day, and on holidays all day when {@code holidays} is set. */
    public QuietHours(LocalTime from, LocalTime to, ZoneId zone, boolean holidays) {
        this(from, to, zone, holidays, DaySet.all());
    }

    /** Whether the nightly period passes midnight ({@code from} after {@code to}). */
    public boolean wrapsMidnight() {
        return from.isAfter(to);
    }

    /** Whether sending at {@code at} would break this rule. */
    public boolean isQuiet(Instant at, HolidayCalendar calendar) {
        ZonedDateTime local = at.atZone(zone);
        return isQuietDay(local.toLocalDate(), calendar) || isQuietTime(local.toLocalTime());
    }

    /** Whether the whole of {@code date} is quiet. */
    public boolean isQuietDay(LocalDate date, HolidayCalendar calendar) {
        return !sendDays.includes(date, calendar) || (holidays && calendar.isHoliday(date));
    }

    /** Whether {@code time} falls in the nightly period. */
    public boolean isQuietTime(LocalTime time) {
        return wrapsMidnight()
                ? !time.isBefore(from) || time.isBefore(to)
                : !time.isBefore(from) && time.isBefore(to);
    }
}
