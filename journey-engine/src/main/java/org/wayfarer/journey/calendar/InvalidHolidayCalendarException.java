package org.wayfarer.journey.calendar;

/**
 * A holiday file, or a set of them, that cannot be trusted: malformed JSON, a missing or mistyped field, a bad date,
 * or two entries that disagree about the same day. The message names the file's year and the offending entry so an
 * operator can fix the file; the calendar it was offered to is left unchanged.
 */
public final class InvalidHolidayCalendarException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public InvalidHolidayCalendarException(String message) {
        super(message);
    }
}
