package org.wayfarer.journey.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The bundled 2025 and 2026 files, read through the calendar, against the State Council notices. */
class HolidayCalendarTest {

    private final HolidayCalendar calendar = HolidayCalendar.bundled();

    @ParameterizedTest(name = "{0} {1} is {2}")
    @CsvSource({
            "2025-01-26, SUNDAY, MAKEUP_WORKDAY",
            "2025-01-27, MONDAY, WORKDAY",
            "2025-01-28, TUESDAY, HOLIDAY",
            "2025-01-29, WEDNESDAY, HOLIDAY",
            "2025-01-30, THURSDAY, HOLIDAY",
            "2025-01-31, FRIDAY, HOLIDAY",
            "2025-02-01, SATURDAY, HOLIDAY",
            "2025-02-02, SUNDAY, HOLIDAY",
            "2025-02-03, MONDAY, HOLIDAY",
            "2025-02-04, TUESDAY, HOLIDAY",
            "2025-02-08, SATURDAY, MAKEUP_WORKDAY",
            "2025-10-01, WEDNESDAY, HOLIDAY",
            "2025-10-02, THURSDAY, HOLIDAY",
            "2025-10-03, FRIDAY, HOLIDAY",
            "2025-10-04, SATURDAY, HOLIDAY",
            "2025-10-05, SUNDAY, HOLIDAY",
            "2025-10-06, MONDAY, HOLIDAY",
            "2025-10-07, TUESDAY, HOLIDAY",
            "2025-10-08, WEDNESDAY, HOLIDAY",
            "2025-10-09, THURSDAY, WORKDAY",
            "2025-10-11, SATURDAY, MAKEUP_WORKDAY",
            "2025-10-12, SUNDAY, WEEKEND",
            "2026-01-04, SUNDAY, MAKEUP_WORKDAY",
            "2026-02-14, SATURDAY, MAKEUP_WORKDAY",
            "2026-02-23, MONDAY, HOLIDAY",
            "2026-02-28, SATURDAY, MAKEUP_WORKDAY",
            "2026-09-20, SUNDAY, MAKEUP_WORKDAY",
            "2026-10-08, THURSDAY, WORKDAY",
            "2026-10-10, SATURDAY, MAKEUP_WORKDAY",
    })
    void dayTypes(LocalDate date, DayOfWeek weekday, DayType expected) {
        assertThat(date.getDayOfWeek()).as("the row's weekday").isEqualTo(weekday);
        assertThat(calendar.dayType(date)).isEqualTo(expected);
        assertThat(calendar.isWorkingDay(date)).isEqualTo(expected.isWorkingDay());
        assertThat(calendar.isHoliday(date)).isEqualTo(expected == DayType.HOLIDAY);
    }

    @ParameterizedTest(name = "{0}: {1} working days, {2} holiday days, {3} make-up workdays")
    @CsvSource({"2025, 248, 28, 5", "2026, 248, 33, 6"})
    void yearTotalsMatchTheNotices(int year, int workingDays, int holidays, int makeupDays) {
        int working = 0;
        int off = 0;
        int makeup = 0;
        for (LocalDate d = LocalDate.of(year, 1, 1); d.getYear() == year; d = d.plusDays(1)) {
            DayType type = calendar.dayType(d);
            working += type.isWorkingDay() ? 1 : 0;
            off += type == DayType.HOLIDAY ? 1 : 0;
            makeup += type == DayType.MAKEUP_WORKDAY ? 1 : 0;
        }
        assertThat(working).isEqualTo(workingDays);
        assertThat(off).isEqualTo(holidays);
        assertThat(makeup).isEqualTo(makeupDays);
    }

    /** The same totals straight from the resource files, so a loader bug cannot hide a data bug or vice versa. */
    @ParameterizedTest(name = "{0}.json has {1} off entries and {2} worked entries")
    @CsvSource({"2025, 28, 5", "2026, 33, 6"})
    void bundledFilesHaveTheNoticesEntries(int year, int offEntries, int workedEntries) {
        JsonNode file = JsonMapper.shared().readTree(calendar.files().get(year));
        assertThat(file.get("year").intValue()).isEqualTo(year);
        assertThat(file.get("papers")).hasSize(1);
        int off = 0;
        int worked = 0;
        for (JsonNode day : file.get("days")) {
            assertThat(day.get("name").stringValue()).isNotBlank();
            assertThat(LocalDate.parse(day.get("date").stringValue()).getYear()).isEqualTo(year);
            if (day.get("isOffDay").booleanValue()) {
                off++;
            } else {
                worked++;
            }
        }
        assertThat(off).isEqualTo(offEntries);
        assertThat(worked).isEqualTo(workedEntries);
    }

    @Test
    void everyMakeupDayIsAWeekendAndNamedAfterItsHoliday() {
        for (int year : calendar.years()) {
            for (LocalDate d = LocalDate.of(year, 1, 1); d.getYear() == year; d = d.plusDays(1)) {
                if (calendar.dayType(d) == DayType.MAKEUP_WORKDAY) {
                    assertThat(d.getDayOfWeek()).isIn(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY);
                    assertThat(calendar.holidayName(d)).isPresent();
                }
            }
        }
        assertThat(calendar.holidayName(LocalDate.of(2026, 2, 17))).contains("春节");
        assertThat(calendar.holidayName(LocalDate.of(2025, 10, 6))).contains("国庆节、中秋节");
        assertThat(calendar.holidayName(LocalDate.of(2026, 3, 3))).isEmpty();
    }

    @Test
    void coverageEndsWithTheLastPublishedYear() {
        assertThat(calendar.years()).containsExactly(2025, 2026);
        assertThat(calendar.publishedYears()).containsExactly(2025, 2026);
        assertThat(calendar.coverageEnd()).isEqualTo(LocalDate.of(2026, 12, 31));
        assertThat(calendar.covers(LocalDate.of(2025, 1, 1))).isTrue();
        assertThat(calendar.covers(LocalDate.of(2026, 12, 31))).isTrue();
        assertThat(calendar.covers(LocalDate.of(2027, 1, 1))).isFalse();
        assertThat(calendar.covers(LocalDate.of(2024, 12, 31))).isFalse();
    }

    /** Past coverage nothing is known, so the weekday rule applies: no invented holidays, no invented 调休. */
    @ParameterizedTest
    @ValueSource(ints = {2024, 2027, 2030})
    void outsideCoverageTheWeekdayRuleApplies(int year) {
        for (LocalDate d = LocalDate.of(year, 1, 1); d.getYear() == year; d = d.plusDays(1)) {
            boolean weekend = d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY;
            assertThat(calendar.dayType(d)).isEqualTo(weekend ? DayType.WEEKEND : DayType.WORKDAY);
        }
    }

    @Test
    void versionIsStableAndShaped() {
        assertThat(calendar.version()).matches("cn@[0-9a-f]{12}");
        Map<Integer, byte[]> files = calendar.files();
        assertThat(HolidayCalendar.fromFiles(files.values()).version()).isEqualTo(calendar.version());
        assertThat(HolidayCalendar.fromFiles(List.of(files.get(2026), files.get(2025))).version())
                .as("file order does not matter").isEqualTo(calendar.version());
    }

    @Test
    void filesAreCopies() {
        byte[] first = calendar.files().get(2025);
        first[0] = 'X';
        assertThat(calendar.files().get(2025)[0]).isEqualTo((byte) '{');
        assertThat(HolidayCalendar.fromFiles(calendar.files().values()).version()).isEqualTo(calendar.version());
    }
}
