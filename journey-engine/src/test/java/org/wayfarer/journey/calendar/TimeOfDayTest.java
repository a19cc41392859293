package org.wayfarer.journey.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TimeOfDayTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private static final HolidayCalendar CALENDAR = HolidayCalendar.bundled();

    @ParameterizedTest(name = "{0} at {1} on {2} -> {3}")
    @CsvSource({
            // National Day week: the next working day is 10-09
            "2025-09-30T12:00+08:00, 10:00, workdays, 2025-10-09T10:00+08:00",
            // before the time on a working day: the same day
            "2025-10-09T09:00+08:00, 10:00, workdays, 2025-10-09T10:00+08:00",
            // exactly at the time: now counts
            "2025-10-09T10:00+08:00, 10:00, workdays, 2025-10-09T10:00+08:00",
            // one nanosecond later: the next working day, which is the make-up Saturday 10-11
            "2025-10-10T10:00:00.000000001+08:00, 10:00, workdays, 2025-10-11T10:00+08:00",
            // Friday before the Spring Festival make-up Saturday 2026-02-14
            "2026-02-13T11:00+08:00, 10:00, workdays, 2026-02-14T10:00+08:00",
            "2026-02-14T11:00+08:00, 10:00, workdays, 2026-02-24T10:00+08:00",
            // past coverage, workdays are Monday to Friday: 2027-01-01 is a Friday
            "2026-12-31T11:00+08:00, 10:00, workdays, 2027-01-01T10:00+08:00",
            "2027-01-01T11:00+08:00, 10:00, workdays, 2027-01-04T10:00+08:00",
            // weekends = days that are not working days: the make-up Saturday 10-11 is skipped, Sunday 10-12 is next
            "2025-10-09T12:00+08:00, 10:00, weekends, 2025-10-12T10:00+08:00",
            // ...and holidays count as days off, even on a weekday
            "2025-09-30T12:00+08:00, 10:00, weekends, 2025-10-01T10:00+08:00",
            // all days
            "2025-09-30T12:00+08:00, 10:00, all, 2025-10-01T10:00+08:00",
            "2025-09-30T09:00+08:00, 10:00, all, 2025-09-30T10:00+08:00",
            // an explicit list ignores the holiday calendar: Monday 2025-10-06 is a holiday but a Monday
            "2025-10-01T12:00+08:00, 10:00, MON, 2025-10-06T10:00+08:00",
            "2025-10-06T12:00+08:00, 10:00, 'MON,SAT', 2025-10-11T10:00+08:00",
            // the local date decides: 2025-10-08T17:00Z is already 10-09 01:00 in Shanghai
            "2025-10-08T17:00Z, 10:00, workdays, 2025-10-09T10:00+08:00",
    })
    void nextTimeOfDayInShanghai(OffsetDateTime now, LocalTime at, String days, OffsetDateTime expected) {
        assertThat(TimeOfDay.nextTimeOfDay(now.toInstant(), at, DaySet.parse(days), SHANGHAI, CALENDAR))
                .isEqualTo(expected.toInstant());
    }

    /**
     * New York springs forward on 2025-03-09 at 02:00 EST; 02:30 does not exist that day. ZonedDateTime.of moves a
     * gap time later by the gap's length, so 02:30 becomes 03:30 EDT (07:30Z, which is 02:30 EST).
     */
    @Test
    void aTimeInASpringForwardGapMovesLaterByTheGap() {
        Instant sundayMidnight = OffsetDateTime.parse("2025-03-09T00:00-05:00").toInstant();
        assertThat(TimeOfDay.nextTimeOfDay(sundayMidnight, LocalTime.of(2, 30), DaySet.all(), NEW_YORK, CALENDAR))
                .isEqualTo(OffsetDateTime.parse("2025-03-09T03:30-04:00").toInstant());
        Instant afterIt = OffsetDateTime.parse("2025-03-09T03:31-04:00").toInstant();
        assertThat(TimeOfDay.nextTimeOfDay(afterIt, LocalTime.of(2, 30), DaySet.all(), NEW_YORK, CALENDAR))
                .isEqualTo(OffsetDateTime.parse("2025-03-10T02:30-04:00").toInstant());
    }

    /** New York falls back on 2025-11-02: 01:30 happens twice; the first (EDT) is the day's occurrence. */
    @Test
    void aTimeInAnAutumnOverlapIsItsFirstOccurrence() {
        Instant sundayMidnight = OffsetDateTime.parse("2025-11-02T00:00-04:00").toInstant();
        assertThat(TimeOfDay.nextTimeOfDay(sundayMidnight, LocalTime.of(1, 30), DaySet.all(), NEW_YORK, CALENDAR))
                .isEqualTo(OffsetDateTime.parse("2025-11-02T01:30-04:00").toInstant());
        Instant betweenTheTwo = OffsetDateTime.parse("2025-11-02T01:10-05:00").toInstant();
        assertThat(TimeOfDay.nextTimeOfDay(betweenTheTwo, LocalTime.of(1, 30), DaySet.all(), NEW_YORK, CALENDAR))
                .isEqualTo(OffsetDateTime.parse("2025-11-03T01:30-05:00").toInstant());
    }

    @Test
    void weekendsAndWorkdaysInAnotherZoneUseTheLocalDate() {
        // Friday 2025-10-10 20:00 in New York is already Saturday 08:00 in Shanghai; dates are read in the given
        // zone, so the answer is Saturday 09:00 New York time (10-11, a make-up workday in the calendar).
        Instant fridayEvening = OffsetDateTime.parse("2025-10-10T20:00-04:00").toInstant();
        assertThat(TimeOfDay.nextTimeOfDay(fridayEvening, LocalTime.of(9, 0), DaySet.workdays(), NEW_YORK,
                CALENDAR)).isEqualTo(OffsetDateTime.parse("2025-10-11T09:00-04:00").toInstant());
        assertThat(TimeOfDay.nextTimeOfDay(fridayEvening, LocalTime.of(9, 0),
                DaySet.of(EnumSet.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY)), NEW_YORK, CALENDAR))
                .isEqualTo(OffsetDateTime.parse("2025-10-11T09:00-04:00").toInstant());
    }

    @Test
    void rejectsNulls() {
        assertThatThrownBy(() -> TimeOfDay.nextTimeOfDay(Instant.EPOCH, null, DaySet.all(), SHANGHAI, CALENDAR))
                .isInstanceOf(NullPointerException.class).hasMessage("at");
    }
}
