package org.wayfarer.journey.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import com.tyme.holiday.LegalHoliday;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The bundled files against tyme4j (test scope only), an independently kept table of the same notices: every date
 * of 2025 and 2026 must be a working day in both or in neither. {@code LegalHoliday.fromYmd} returns null for a date
 * without an entry (the weekday rule then applies) and otherwise says whether the entry is worked.
 */
class TymeOracleTest {

    @Test
    void everyDateOf2025And2026AgreesWithTyme4j() {
        HolidayCalendar calendar = HolidayCalendar.bundled();
        List<String> disagreements = new ArrayList<>();
        int days = 0;
        for (LocalDate d = LocalDate.of(2025, 1, 1); d.getYear() <= 2026; d = d.plusDays(1)) {
            LegalHoliday entry = LegalHoliday.fromYmd(d.getYear(), d.getMonthValue(), d.getDayOfMonth());
            boolean tymeWorks = entry != null
                    ? entry.isWork()
                    : d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY;
            if (calendar.isWorkingDay(d) != tymeWorks) {
                disagreements.add(d + " (" + calendar.dayType(d) + " here, tyme4j " + entry + ")");
            }
            days++;
        }
        assertThat(days).isEqualTo(730);
        assertThat(disagreements).isEmpty();
    }
}
