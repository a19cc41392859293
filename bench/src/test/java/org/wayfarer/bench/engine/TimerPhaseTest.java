package org.wayfarer.bench.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TimerPhaseTest {

    @Test
    void percentilesAreNearestRank() {
        long[] late = new long[100];
        for (int i = 0; i < late.length; i++) {
            late[i] = 100 - i; // 100 .. 1, unsorted on purpose
        }

        assertThat(TimerPhase.percentiles(late)).containsExactly(50, 99, 100);
    }

    @Test
    void anInstanceNeverResumedIsInfinitelyLate() {
        long[] late = {5, 7, Long.MAX_VALUE};

        double[] percentiles = TimerPhase.percentiles(late);

        assertThat(percentiles[0]).isEqualTo(7);
        assertThat(percentiles[1]).isInfinite();
        assertThat(percentiles[2]).isInfinite();
    }
}
