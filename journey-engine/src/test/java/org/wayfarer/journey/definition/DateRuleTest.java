package org.wayfarer.journey.definition;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.Period;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/** Which date an attribute value names in a contact's zone, and when a contact enters. */
class DateRuleTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private final DateRule birthday = new DateRule("birthday", Period.ofDays(-3), LocalTime.of(10, 0), true);

    @Test
    void readsDatesLocalDateTimesAndInstantsInTheContactsZone() {
        assertThat(DateRule.dateOf("1990-03-15", SHANGHAI)).contains(LocalDate.of(1990, 3, 15));
        assertThat(DateRule.dateOf("1990-03-15T23:30:00", SHANGHAI)).contains(LocalDate.of(1990, 3, 15));
        // 20:00 UTC on the 14th is already the 15th in Shanghai, still the 14th in New York
        assertThat(DateRule.dateOf("1990-03-14T20:00:00Z", SHANGHAI)).contains(LocalDate.of(1990, 3, 15));
        assertThat(DateRule.dateOf("1990-03-14T20:00:00Z", NEW_YORK)).contains(LocalDate.of(1990, 3, 14));
        assertThat(DateRule.dateOf("1990-03-15T01:00:00+08:00", NEW_YORK)).contains(LocalDate.of(1990, 3, 14));
    }

    @Test
    void anythingElseIsNoDate() {
        assertThat(DateRule.dateOf("15/03/1990", SHANGHAI)).isEmpty();
        assertThat(DateRule.dateOf("1990-02-30", SHANGHAI)).isEmpty();
        assertThat(DateRule.dateOf(19900315, SHANGHAI)).isEmpty();
        assertThat(DateRule.dateOf("", SHANGHAI)).isEmpty();
    }

    @Test
    void entersThreeDaysBeforeEachBirthdayAtTenLocal() {
        LocalDate born = LocalDate.of(1990, 3, 15);

        assertThat(birthday.occurrences(born, SHANGHAI, Instant.parse("2026-01-01T00:00:00Z"),
                Instant.parse("2028-01-01T00:00:00Z")))
                .containsExactly(Instant.parse("2026-03-12T02:00:00Z"), Instant.parse("2027-03-12T02:00:00Z"));
        assertThat(birthday.occurrences(born, NEW_YORK, Instant.parse("2026-03-12T00:00:00Z"),
                Instant.parse("2026-03-13T00:00:00Z"))).as("10:00 EDT").containsExactly(
                Instant.parse("2026-03-12T14:00:00Z"));
    }

    @Test
    void aLeapDayBirthdayIsOnTheTwentyEighthInOtherYears() {
        DateRule onTheDay = new DateRule("birthday", Period.ZERO, LocalTime.of(9, 0), true);
        LocalDate leap = LocalDate.of(1992, 2, 29);

        assertThat(onTheDay.occurrences(leap, SHANGHAI, Instant.parse("2027-01-01T00:00:00Z"),
                Instant.parse("2029-01-01T00:00:00Z")))
                .containsExactly(Instant.parse("2027-02-28T01:00:00Z"), Instant.parse("2028-02-29T01:00:00Z"));
    }

    @Test
    void withoutEveryYearOnlyTheDateItself() {
        DateRule reminder = new DateRule("contractEnd", Period.ofDays(-7), LocalTime.of(9, 30), false);

        assertThat(reminder.occurrences(LocalDate.of(2026, 6, 30), SHANGHAI, Instant.parse("2026-01-01T00:00:00Z"),
                Instant.parse("2030-01-01T00:00:00Z"))).containsExactly(Instant.parse("2026-06-23T01:30:00Z"));
    }
}
