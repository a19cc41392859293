package org.wayfarer.journey.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SendWindowsTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private static final HolidayCalendar CALENDAR = HolidayCalendar.bundled();

    /** Send from 09:00 to 21:00 on China working days (make-up weekends included), never on holidays. */
    private static final QuietHours WORKING_HOURS =
            new QuietHours(LocalTime.of(21, 0), LocalTime.of(9, 0), SHANGHAI, false, DaySet.workdays());
    /** Not at night, not on statutory holidays; ordinary weekends are fine. */
    private static final QuietHours NIGHTS_AND_HOLIDAYS =
            new QuietHours(LocalTime.of(21, 0), LocalTime.of(9, 0), SHANGHAI, true);

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            // the evening before the National Day week: held over the whole holiday
            "2025-09-30T21:30+08:00, 2025-10-09T09:00+08:00",
            // Friday night before a make-up Saturday: that Saturday is a working day
            "2026-02-13T22:00+08:00, 2026-02-14T09:00+08:00",
            // 21:00 is quiet (start inclusive); then the Spring Festival
            "2026-02-14T21:00+08:00, 2026-02-24T09:00+08:00",
            // New Year: 01-01..01-03 off, 01-04 is a make-up Sunday
            "2025-12-31T22:00+08:00, 2026-01-04T09:00+08:00",
            // 09:00 is allowed (end exclusive); 20:59 still is
            "2025-10-09T09:00+08:00, 2025-10-09T09:00+08:00",
            "2025-10-09T20:59:59+08:00, 2025-10-09T20:59:59+08:00",
            // an early morning on a working day waits for 09:00 the same day
            "2025-10-10T03:00+08:00, 2025-10-10T09:00+08:00",
            // an ordinary Sunday is not a working day: held to Monday
            "2025-10-12T10:00+08:00, 2025-10-13T09:00+08:00",
            // an instant given in another offset is judged in Shanghai (01:00Z is 09:00 in Shanghai)
            "2025-10-09T00:30Z, 2025-10-09T01:00Z",
    })
    void workingHoursOnWorkingDays(OffsetDateTime at, OffsetDateTime expected) {
        assertThat(SendWindows.nextAllowed(at.toInstant(), List.of(WORKING_HOURS), CALENDAR))
                .isEqualTo(expected.toInstant());
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            // an ordinary Sunday is fine when only holidays are quiet
            "2025-10-12T10:00+08:00, 2025-10-12T10:00+08:00",
            // a holiday Saturday (2026-01-03) is quiet; the make-up Sunday after it is open
            "2026-01-03T10:00+08:00, 2026-01-04T09:00+08:00",
            "2025-10-05T12:00+08:00, 2025-10-09T09:00+08:00",
            "2025-10-08T23:00+08:00, 2025-10-09T09:00+08:00",
    })
    void nightsAndHolidays(OffsetDateTime at, OffsetDateTime expected) {
        assertThat(SendWindows.nextAllowed(at.toInstant(), List.of(NIGHTS_AND_HOLIDAYS), CALENDAR))
                .isEqualTo(expected.toInstant());
    }

    @Test
    void noWindowsMeansNow() {
        Instant at = Instant.parse("2025-10-01T03:00:00Z");
        assertThat(SendWindows.nextAllowed(at, List.of(), CALENDAR)).isEqualTo(at);
    }

    /** Tenant 21:00-09:00, journey 12:00-14:00 (lunch), node only on Mondays in another zone: all must agree. */
    @Test
    void severalWindowsCombineUntilStable() {
        QuietHours tenant = WORKING_HOURS;
        QuietHours lunch = new QuietHours(LocalTime.of(12, 0), LocalTime.of(14, 0), SHANGHAI, false);
        // Mondays in London: Monday 00:00 London is 07:00 or 08:00 in Shanghai
        QuietHours mondaysInLondon = new QuietHours(LocalTime.of(23, 0), LocalTime.of(0, 30),
                ZoneId.of("Europe/London"), false, DaySet.of(EnumSet.of(DayOfWeek.MONDAY)));
        List<QuietHours> windows = List.of(tenant, lunch, mondaysInLondon);

        // Thursday 12:30 Shanghai: lunch, then not a Monday in London -> Monday 2025-10-13 09:00 Shanghai
        assertThat(SendWindows.nextAllowed(Instant.parse("2025-10-09T04:30:00Z"), windows, CALENDAR))
                .isEqualTo(OffsetDateTime.parse("2025-10-13T09:00+08:00").toInstant());
        // Monday 12:30 Shanghai -> 14:00 after lunch
        assertThat(SendWindows.nextAllowed(OffsetDateTime.parse("2025-10-13T12:30+08:00").toInstant(), windows,
                CALENDAR)).isEqualTo(OffsetDateTime.parse("2025-10-13T14:00+08:00").toInstant());
        // the order of the windows does not change the answer
        assertThat(SendWindows.nextAllowed(Instant.parse("2025-10-09T04:30:00Z"), List.of(mondaysInLondon, lunch,
                tenant), CALENDAR)).isEqualTo(OffsetDateTime.parse("2025-10-13T09:00+08:00").toInstant());
    }

    @Test
    void windowsThatNeverOpenFailNamingThem() {
        QuietHours weekendsOnly = new QuietHours(LocalTime.of(21, 0), LocalTime.of(9, 0), SHANGHAI, false,
                DaySet.weekends());
        assertThatThrownBy(() -> SendWindows.nextAllowed(Instant.parse("2025-10-09T04:30:00Z"),
                List.of(WORKING_HOURS, weekendsOnly), CALENDAR))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("no instant within 400 days after 2025-10-09T04:30:00Z")
                .hasMessageContaining("sendDays=workdays").hasMessageContaining("sendDays=weekends");
    }

    @Test
    void fromEqualToToIsRejected() {
        assertThatThrownBy(() -> new QuietHours(LocalTime.of(9, 0), LocalTime.of(9, 0), SHANGHAI, true))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("quiet hours from 09:00 to 09:00 in Asia/Shanghai are ambiguous");
    }

    @Test
    void quietHoursThatDoNotWrap() {
        QuietHours lunch = new QuietHours(LocalTime.of(12, 0), LocalTime.of(14, 0), SHANGHAI, false);
        assertThat(lunch.wrapsMidnight()).isFalse();
        assertThat(lunch.isQuietTime(LocalTime.of(12, 0))).isTrue();
        assertThat(lunch.isQuietTime(LocalTime.of(13, 59, 59))).isTrue();
        assertThat(lunch.isQuietTime(LocalTime.of(14, 0))).isFalse();
        assertThat(lunch.isQuietTime(LocalTime.of(11, 59))).isFalse();
        assertThat(WORKING_HOURS.wrapsMidnight()).isTrue();
        assertThat(WORKING_HOURS.isQuietTime(LocalTime.MIDNIGHT)).isTrue();
        assertThat(WORKING_HOURS.isQuietTime(LocalTime.of(8, 59))).isTrue();
        assertThat(WORKING_HOURS.isQuietTime(LocalTime.of(9, 0))).isFalse();
    }

    /** New York springs forward on 2025-03-09: 02:00 EST becomes 03:00 EDT, so 02:00-02:59 never happens. */
    @Test
    void quietPeriodEndingInASpringForwardGapEndsAtTheTransition() {
        QuietHours night = new QuietHours(LocalTime.of(1, 0), LocalTime.of(2, 30), NEW_YORK, false);
        // 01:30 EST is quiet; local time jumps from 01:59:59 EST straight to 03:00 EDT, past 02:30
        assertThat(SendWindows.nextAllowed(OffsetDateTime.parse("2025-03-09T01:30-05:00").toInstant(),
                List.of(night), CALENDAR)).isEqualTo(OffsetDateTime.parse("2025-03-09T03:00-04:00").toInstant());
        // the next day behaves normally
        assertThat(SendWindows.nextAllowed(OffsetDateTime.parse("2025-03-10T01:30-04:00").toInstant(),
                List.of(night), CALENDAR)).isEqualTo(OffsetDateTime.parse("2025-03-10T02:30-04:00").toInstant());
    }

    /** New York falls back on 2025-11-02: 01:00-01:59 happens twice, first in EDT then in EST. */
    @Test
    void quietPeriodReenteredInAnAutumnOverlapEndsAtItsSecondEnd() {
        QuietHours night = new QuietHours(LocalTime.of(22, 0), LocalTime.of(1, 30), NEW_YORK, false);
        // 01:10 EDT: quiet until 01:30 EDT
        assertThat(SendWindows.nextAllowed(OffsetDateTime.parse("2025-11-02T01:10-04:00").toInstant(),
                List.of(night), CALENDAR)).isEqualTo(OffsetDateTime.parse("2025-11-02T01:30-04:00").toInstant());
        // 01:10 EST, the repeated hour: 01:30 EDT is already past, so 01:30 EST
        assertThat(SendWindows.nextAllowed(OffsetDateTime.parse("2025-11-02T01:10-05:00").toInstant(),
                List.of(night), CALENDAR)).isEqualTo(OffsetDateTime.parse("2025-11-02T01:30-05:00").toInstant());
        // 01:40 EDT is outside the period by local time, even though the clock will show 01:00 again
        Instant open = OffsetDateTime.parse("2025-11-02T01:40-04:00").toInstant();
        assertThat(SendWindows.nextAllowed(open, List.of(night), CALENDAR)).isEqualTo(open);
    }

    @Test
    void aQuietDayInADstZoneEndsAtLocalMidnight() {
        QuietHours weekdays = new QuietHours(LocalTime.of(22, 0), LocalTime.of(7, 0), NEW_YORK, false,
                DaySet.parse("MON,TUE,WED,THU,FRI"));
        // Saturday 2025-03-08 12:00 EST -> Monday 2025-03-10 07:00 EDT (the Sunday in between springs forward)
        assertThat(SendWindows.nextAllowed(OffsetDateTime.parse("2025-03-08T12:00-05:00").toInstant(),
                List.of(weekdays), CALENDAR)).isEqualTo(OffsetDateTime.parse("2025-03-10T07:00-04:00").toInstant());
    }
}
