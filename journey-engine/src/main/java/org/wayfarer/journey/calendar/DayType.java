package org.wayfarer.journey.calendar;

/**
 * What a date is in mainland China's working calendar.
 *
 * <p>{@link #MAKEUP_WORKDAY} (调休) is a Saturday or Sunday that the State Council's notice turns into a working day
 * to lengthen a holiday; people go to work and expect messages as on any working day. A statutory off day that falls
 * on a weekend is still {@link #HOLIDAY}: it belongs to the holiday, and "quiet on holidays" must cover it.
 */
public enum DayType {
    /** Monday to Friday with no entry in the calendar, or a weekday the calendar explicitly marks as worked. */
    WORKDAY,
    /** Saturday or Sunday with no entry in the calendar. */
    WEEKEND,
    /** An off day of a statutory holiday, whatever its day of the week. */
    HOLIDAY,
    /** A Saturday or Sunday the calendar marks as worked (调休). */
    MAKEUP_WORKDAY;

    /** Whether people work on such a day: {@link #WORKDAY} and {@link #MAKEUP_WORKDAY}. */
    public boolean isWorkingDay() {
        return this == WORKDAY || this == MAKEUP_WORKDAY;
    }
}
