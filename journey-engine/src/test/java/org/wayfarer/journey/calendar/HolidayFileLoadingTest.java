package org.wayfarer.journey.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Loading and replacing year files: what holiday-cn's format allows, and every way a file can be refused. */
class HolidayFileLoadingTest {

    private final HolidayCalendar bundled = HolidayCalendar.bundled();

    /** SYNTHETIC: not the real 2027 notice (there is none yet); only the shape matters here. */
    private static final String SYNTHETIC_2027 = """
            {"$schema": "https://example.invalid/schema.json", "$id": "synthetic-2027",
             "year": 2027, "papers": ["synthetic: not an official notice"],
             "days": [{"name": "元旦(synthetic)", "date": "2027-01-01", "isOffDay": true},
                      {"name": "春节(synthetic)", "date": "2027-02-06", "isOffDay": false},
                      {"name": "春节(synthetic)", "date": "2027-02-08", "isOffDay": true}]}
            """;

    @Test
    void aSyntheticYearResolvesAndChangesTheVersion() {
        HolidayCalendar next = bundled.withYear(bytes(SYNTHETIC_2027));

        assertThat(next.dayType(LocalDate.of(2027, 1, 1))).isEqualTo(DayType.HOLIDAY);
        assertThat(next.dayType(LocalDate.of(2027, 2, 6))).isEqualTo(DayType.MAKEUP_WORKDAY);
        assertThat(next.dayType(LocalDate.of(2027, 2, 8))).isEqualTo(DayType.HOLIDAY);
        assertThat(next.dayType(LocalDate.of(2027, 2, 9))).isEqualTo(DayType.WORKDAY);
        assertThat(next.coverageEnd()).isEqualTo(LocalDate.of(2027, 12, 31));
        assertThat(next.covers(LocalDate.of(2027, 6, 1))).isTrue();
        assertThat(next.years()).containsExactly(2025, 2026, 2027);
        assertThat(next.version()).isNotEqualTo(bundled.version()).matches("cn@[0-9a-f]{12}");
        assertThat(next.files().get(2027)).isEqualTo(bytes(SYNTHETIC_2027));

        assertThat(bundled.dayType(LocalDate.of(2027, 1, 1))).as("the original is untouched")
                .isEqualTo(DayType.WORKDAY);
        assertThat(bundled.years()).containsExactly(2025, 2026);
    }

    @Test
    void aPlaceholderYearDoesNotExtendCoverage() {
        HolidayCalendar next = bundled.withYear(bytes("""
                {"$schema": "x", "$id": "y", "year": 2027, "papers": [], "days": []}
                """));

        assertThat(next.years()).containsExactly(2025, 2026, 2027);
        assertThat(next.publishedYears()).containsExactly(2025, 2026);
        assertThat(next.coverageEnd()).isEqualTo(LocalDate.of(2026, 12, 31));
        assertThat(next.covers(LocalDate.of(2027, 1, 1))).isFalse();
        assertThat(next.version()).isNotEqualTo(bundled.version());
    }

    @Test
    void aPlaceholderNeverReplacesAPublishedYear() {
        assertThatThrownBy(() -> bundled.withYear(bytes("{\"year\": 2026, \"papers\": [], \"days\": []}")))
                .isInstanceOf(InvalidHolidayCalendarException.class)
                .hasMessageContaining("holiday file 2026 is a placeholder");
    }

    @Test
    void aPublishedYearReplacesItsPlaceholder() {
        HolidayCalendar placeholder = bundled.withYear(bytes("{\"year\": 2027, \"papers\": [], \"days\": []}"));
        HolidayCalendar published = placeholder.withYear(bytes(SYNTHETIC_2027));

        assertThat(published.coverageEnd()).isEqualTo(LocalDate.of(2027, 12, 31));
        assertThat(published.version()).isEqualTo(bundled.withYear(bytes(SYNTHETIC_2027)).version());
    }

    /** holiday-cn's 2019.json lists 2018-12-29 (a Saturday) as worked for 元旦: days belong to dates, not files. */
    @Test
    void aFileMayHoldTheDecemberBeforeItsYear() {
        HolidayCalendar calendar = HolidayCalendar.fromFiles(List.of(bytes("""
                {"year": 2019, "papers": ["http://www.gov.cn/zhengce/content/2018-12/06/content_5346276.htm"],
                 "days": [{"name": "元旦", "date": "2018-12-29", "isOffDay": false},
                          {"name": "元旦", "date": "2018-12-30", "isOffDay": true},
                          {"name": "元旦", "date": "2018-12-31", "isOffDay": true},
                          {"name": "元旦", "date": "2019-01-01", "isOffDay": true}]}
                """)));

        assertThat(calendar.dayType(LocalDate.of(2018, 12, 29))).isEqualTo(DayType.MAKEUP_WORKDAY);
        assertThat(calendar.dayType(LocalDate.of(2018, 12, 31))).isEqualTo(DayType.HOLIDAY);
        assertThat(calendar.dayType(LocalDate.of(2018, 12, 28))).isEqualTo(DayType.WORKDAY);
        assertThat(calendar.covers(LocalDate.of(2018, 12, 29))).as("2018 has no file of its own").isFalse();
        assertThat(calendar.coverageEnd()).isEqualTo(LocalDate.of(2019, 12, 31));
    }

    /** 2020's notice marked a weekday as worked; that is legal and reads as an ordinary working day. */
    @Test
    void aWorkedWeekdayIsAWorkday() {
        HolidayCalendar calendar = bundled.withYear(bytes("""
                {"year": 2027, "papers": ["synthetic"],
                 "days": [{"name": "synthetic", "date": "2027-03-03", "isOffDay": false}]}
                """));

        assertThat(calendar.dayType(LocalDate.of(2027, 3, 3))).isEqualTo(DayType.WORKDAY);
    }

    @Test
    void theSameEntryTwiceIsTolerated() {
        HolidayCalendar calendar = bundled.withYear(bytes("""
                {"year": 2027, "papers": ["synthetic"],
                 "days": [{"name": "a", "date": "2027-01-01", "isOffDay": true},
                          {"name": "a", "date": "2027-01-01", "isOffDay": true}]}
                """));

        assertThat(calendar.isHoliday(LocalDate.of(2027, 1, 1))).isTrue();
    }

    /** Rows: what is wrong, the {@code days} entries of an otherwise valid 2027 file, the expected message. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            malformed date | {"name": "a", "date": "2027-02-30", "isOffDay": true} | days[0]: 'date' "2027-02-30" is not a valid date
            not ISO        | {"name": "a", "date": "2027/01/01", "isOffDay": true} | days[0]: 'date' "2027/01/01" is not a valid
            date a number  | {"name": "a", "date": 20270101, "isOffDay": true}     | days[0]: 'date' must be a string
            too early      | {"name": "a", "date": "2025-12-31", "isOffDay": true} | days[0]: 2025-12-31 is outside 2026..2027
            too late       | {"name": "a", "date": "2028-01-01", "isOffDay": true} | days[0]: 2028-01-01 is outside 2026..2027
            isOffDay text  | {"name": "a", "date": "2027-01-01", "isOffDay": "1"}  | days[0] (2027-01-01): 'isOffDay' must be true or false, found "1"
            isOffDay gone  | {"name": "a", "date": "2027-01-01"}                   | days[0] (2027-01-01): 'isOffDay' must be true or false, found nothing
            no name        | {"date": "2027-01-01", "isOffDay": true}              | days[0] (2027-01-01): 'name' must be a non-empty string
            entry a number | 1                                                     | days[0] must be an object, found 1
            """)
    void badEntriesAreRejectedWithPreciseMessages(String reason, String entries, String message) {
        String json = "{\"year\": 2027, \"papers\": [\"p\"], \"days\": [" + entries + "]}";
        assertThatThrownBy(() -> bundled.withYear(bytes(json)))
                .isInstanceOf(InvalidHolidayCalendarException.class)
                .hasMessageStartingWith("holiday file 2027: ")
                .hasMessageContaining(message);
    }

    @Test
    void aDateListedTwiceWithDifferentFlagsIsRejected() {
        assertThatThrownBy(() -> bundled.withYear(bytes("""
                {"year": 2027, "papers": ["p"], "days": [{"name": "a", "date": "2027-01-01", "isOffDay": true},
                                                         {"name": "a", "date": "2027-01-01", "isOffDay": false}]}
                """)))
                .isInstanceOf(InvalidHolidayCalendarException.class)
                .hasMessage("holiday file 2027: days[1]: 2027-01-01 is listed twice with different isOffDay:"
                        + " days[0] says true, this entry says false");
    }

    /** Rows: what is wrong, the whole file, the expected message. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            no year        | {"papers": [], "days": []}                             | holiday file has no usable 'year'
            year a string  | {"year": "2027", "papers": [], "days": []}             | expected an integer from 1900 to 2999, found "2027"
            year too small | {"year": 27, "papers": [], "days": []}                 | expected an integer from 1900 to 2999, found 27
            days an object | {"year": 2027, "papers": ["p"], "days": {}}            | holiday file 2027: 'days' must be a list, found {}
            days missing   | {"year": 2027, "papers": ["p"]}                        | holiday file 2027: 'days' must be a list, found nothing
            papers a text  | {"year": 2027, "papers": "p", "days": []}              | holiday file 2027: 'papers' must be a list
            paper a number | {"year": 2027, "papers": [1], "days": []}              | holiday file 2027: papers[0] must be a string
            not an object  | [2027]                                                 | holiday file is not a JSON object
            not JSON       | {"year": 2027,                                         | holiday file is not valid JSON
            duplicate key  | {"year": 2027, "year": 2028, "papers": [], "days": []} | holiday file is not valid JSON
            """)
    void badFilesAreRejectedWithPreciseMessages(String reason, String json, String message) {
        assertThatThrownBy(() -> bundled.withYear(bytes(json)))
                .isInstanceOf(InvalidHolidayCalendarException.class)
                .hasMessageContaining(message);
    }

    @Test
    void filesThatDisagreeAboutADateAreRejected() {
        // 2026-10-10 is a make-up Saturday in 2026.json; a 2027 file may hold 2026 dates, but not contradict them.
        assertThatThrownBy(() -> bundled.withYear(bytes("""
                {"year": 2027, "papers": ["synthetic"],
                 "days": [{"name": "synthetic", "date": "2026-10-10", "isOffDay": true}]}
                """)))
                .isInstanceOf(InvalidHolidayCalendarException.class)
                .hasMessage("holiday file 2027 disagrees with holiday file 2026 on 2026-10-10: 2027 says off"
                        + " (isOffDay true), 2026 says worked (isOffDay false)");
    }

    @Test
    void twoFilesForOneYearAreRejected() {
        byte[] file = bundled.files().get(2025);
        assertThatThrownBy(() -> HolidayCalendar.fromFiles(List.of(file, file)))
                .isInstanceOf(InvalidHolidayCalendarException.class)
                .hasMessage("two holiday files for the year 2025");
    }

    @Test
    void aCalendarOfPlaceholdersOnlyIsRejected() {
        assertThatThrownBy(() -> HolidayCalendar.fromFiles(List.of(bytes("{\"year\":2027,\"papers\":[],\"days\":[]}"))))
                .isInstanceOf(InvalidHolidayCalendarException.class)
                .hasMessageContaining("no published year among holiday files [2027]");
    }

    @Test
    void badFilesNeverReplaceTheSnapshot() {
        HolidayCalendars calendars = new HolidayCalendars();
        HolidayCalendar before = calendars.current();
        assertThat(before).isSameAs(HolidayCalendar.bundled());

        assertThatThrownBy(() -> calendars.replaceYear(bytes("""
                {"year": 2027, "papers": ["p"], "days": [{"name": "a", "date": "2027-13-01", "isOffDay": true}]}
                """))).isInstanceOf(InvalidHolidayCalendarException.class).hasMessageContaining("2027-13-01");
        assertThatThrownBy(() -> calendars.replaceYear(bytes("""
                {"year": 2027, "papers": ["p"], "days": [{"name": "a", "date": "2027-01-01", "isOffDay": true},
                                                         {"name": "b", "date": "2027-01-01", "isOffDay": false}]}
                """))).isInstanceOf(InvalidHolidayCalendarException.class).hasMessageContaining("listed twice");

        assertThat(calendars.current()).isSameAs(before);
        assertThat(calendars.current().version()).isEqualTo(bundled.version());
        assertThat(calendars.current().dayType(LocalDate.of(2027, 1, 1))).isEqualTo(DayType.WORKDAY);
    }

    @Test
    void goodFilesReplaceTheSnapshot() {
        HolidayCalendars calendars = new HolidayCalendars(bundled);

        HolidayCalendar next = calendars.replaceYear(bytes(SYNTHETIC_2027));
        assertThat(calendars.current()).isSameAs(next);
        assertThat(next.coverageEnd()).isEqualTo(LocalDate.of(2027, 12, 31));

        assertThat(calendars.replace(bundled)).isSameAs(next);
        assertThat(calendars.current()).isSameAs(bundled);
    }

    private static byte[] bytes(String json) {
        return json.getBytes(StandardCharsets.UTF_8);
    }
}
