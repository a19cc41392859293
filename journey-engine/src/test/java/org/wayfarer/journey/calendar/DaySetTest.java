package org.wayfarer.journey.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DaySetTest {

    private static final HolidayCalendar CALENDAR = HolidayCalendar.bundled();

    @Test
    void parsesNamedSets() {
        assertThat(DaySet.parse("workdays")).isSameAs(DaySet.workdays());
        assertThat(DaySet.parse(" Weekends ")).isSameAs(DaySet.weekends());
        assertThat(DaySet.parse("ALL")).isSameAs(DaySet.all());
    }

    @Test
    void parsesDayLists() {
        assertThat(DaySet.parse("mon, Wed ,FRI"))
                .isEqualTo(DaySet.of(EnumSet.of(DayOfWeek.MONDAY, DayOfWeek.WEDNESDAY, DayOfWeek.FRIDAY)));
        assertThat(DaySet.parse("SUN,MON").spec()).isEqualTo("MON,SUN");
        assertThat(DaySet.parse("SAT")).hasToString("SAT");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            workdays
            weekends
            all
            MON,TUE,WED,THU,FRI,SAT,SUN
            TUE,SAT
            """)
    void specRoundTrips(String spec) {
        assertThat(DaySet.parse(spec).spec()).isEqualTo(spec);
        assertThat(DaySet.parse(DaySet.parse(spec).spec())).isEqualTo(DaySet.parse(spec));
    }

    @ParameterizedTest(name = "''{0}''")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            MON,FUNDAY   | day set 'MON,FUNDAY': unknown day 'FUNDAY'; expected workdays, weekends, all, or a comma list
            MONDAY       | unknown day 'MONDAY'
            MON,,TUE     | day set 'MON,,TUE': empty entry
            MON,         | day set 'MON,': empty entry
            MON,TUE,mon  | day set 'MON,TUE,mon': MON is listed twice
            holidays     | unknown day 'holidays'
            """)
    void rejectsBadText(String text, String message) {
        assertThatThrownBy(() -> DaySet.parse(text)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(message);
    }

    @Test
    void rejectsEmpty() {
        assertThatThrownBy(() -> DaySet.parse("  ")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("day set is empty");
        assertThatThrownBy(() -> DaySet.parse(null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DaySet.of(Set.of())).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no days");
    }

    @Test
    void workdaysAndWeekendsFollowTheCalendarAndAreComplements() {
        for (LocalDate d = LocalDate.of(2025, 1, 1); d.getYear() < 2028; d = d.plusDays(1)) {
            assertThat(DaySet.workdays().includes(d, CALENDAR)).isEqualTo(CALENDAR.isWorkingDay(d));
            assertThat(DaySet.weekends().includes(d, CALENDAR)).isNotEqualTo(CALENDAR.isWorkingDay(d));
            assertThat(DaySet.all().includes(d, CALENDAR)).isTrue();
        }
        assertThat(DaySet.workdays().includes(LocalDate.of(2026, 2, 28), CALENDAR)).as("make-up Saturday").isTrue();
        assertThat(DaySet.weekends().includes(LocalDate.of(2026, 2, 23), CALENDAR)).as("holiday Monday").isTrue();
    }

    @Test
    void explicitDaysIgnoreTheCalendar() {
        DaySet mondays = DaySet.of(Set.of(DayOfWeek.MONDAY));
        assertThat(mondays.includes(LocalDate.of(2025, 10, 6), CALENDAR)).as("holiday Monday").isTrue();
        assertThat(mondays.includes(LocalDate.of(2025, 10, 11), CALENDAR)).as("make-up Saturday").isFalse();
    }
}
