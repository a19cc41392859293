package org.wayfarer.journey.definition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class DurationsTest {

    @Test
    void parsesIsoDurations() {
        assertThat(Durations.parse("PT24H")).isEqualTo(Duration.ofHours(24));
        assertThat(Durations.parse("PT30M")).isEqualTo(Duration.ofMinutes(30));
        assertThat(Durations.parse("P1DT12H")).isEqualTo(Duration.ofHours(36));
        assertThat(Durations.parse("PT0.5S")).isEqualTo(Duration.ofMillis(500));
    }

    @Test
    void parsesDayOnlyPeriods() {
        assertThat(Durations.parse("P7D")).isEqualTo(Duration.ofDays(7));
        assertThat(Durations.parse("P2W")).isEqualTo(Duration.ofDays(14));
        assertThat(Durations.parse("P1W2D")).isEqualTo(Duration.ofDays(9));
    }

    @Test
    void acceptsUpTo366Days() {
        assertThat(Durations.parse("P366D")).isEqualTo(Duration.ofDays(366));
        assertThatThrownBy(() -> Durations.parse("P367D")).hasMessageContaining("366 days");
        assertThatThrownBy(() -> Durations.parse("P366DT1S")).hasMessageContaining("366 days");
        assertThatThrownBy(() -> Durations.parse("P53W")).hasMessageContaining("366 days");
    }

    @Test
    void rejectsZeroAndNegative() {
        assertThatThrownBy(() -> Durations.parse("PT0S")).hasMessageContaining("longer than zero");
        assertThatThrownBy(() -> Durations.parse("P0D")).hasMessageContaining("longer than zero");
        assertThatThrownBy(() -> Durations.parse("-PT1H")).hasMessageContaining("longer than zero");
        assertThatThrownBy(() -> Durations.parse("P-1W")).hasMessageContaining("longer than zero");
    }

    @Test
    void rejectsMonthsAndYears() {
        assertThatThrownBy(() -> Durations.parse("P1M")).hasMessageContaining("months or years");
        assertThatThrownBy(() -> Durations.parse("P1Y")).hasMessageContaining("months or years");
    }

    @Test
    void rejectsText() {
        assertThatThrownBy(() -> Durations.parse("24 hours")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ISO-8601");
    }
}
