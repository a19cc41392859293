package org.wayfarer.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class BenchOptionsTest {

    @Test
    void defaultsRunEveryPartAtTheBudgetsSizes() {
        BenchOptions options = BenchOptions.parse(new String[0]);

        assertThat(options.runs()).isEqualTo(EnumSet.allOf(BenchOptions.Run.class));
        assertThat(options.rates()).containsExactly(500.0, 1000.0);
        assertThat(options.timerBurst()).isEqualTo(100_000);
        assertThat(options.timerRate()).isEqualTo(2000);
        assertThat(options.countJdbc()).isTrue();
        assertThat(options.rate()).isEqualTo(500);
        assertThat(options.lowFollows()).isEqualTo(400);
        assertThat(options.lowRate()).isEqualTo(20);
        assertThat(options.settleSeconds()).isEqualTo(150);
    }

    @Test
    void smokeShrinksEverySizeAndLaterFlagsStillWin() {
        BenchOptions options = BenchOptions.parse(new String[] {"--smoke", "--follows", "300"});

        assertThat(options.follows()).isEqualTo(300);
        assertThat(options.warmup()).isLessThanOrEqualTo(100);
        assertThat(options.engineEntries()).isLessThanOrEqualTo(200);
        assertThat(options.timerBurst()).isLessThanOrEqualTo(1000);
        assertThat(options.timerSeconds()).isLessThanOrEqualTo(2);
        assertThat(options.lowFollows()).isPositive().isLessThanOrEqualTo(100);
        assertThat(options.lowRate()).isEqualTo(20);
        assertThat(options.settleSeconds()).isPositive().isLessThanOrEqualTo(5);
    }

    @Test
    void readsTheSettlingTimeAndZeroSkipsIt() {
        assertThat(BenchOptions.parse(new String[] {"--settle-seconds", "40"}).settleSeconds()).isEqualTo(40);
        assertThat(BenchOptions.parse(new String[] {"--settle-seconds", "0"}).settleSeconds()).isZero();
        assertThat(BenchOptions.USAGE).contains("--settle-seconds S");
        assertThatThrownBy(() -> BenchOptions.parse(new String[] {"--settle-seconds", "-5"}))
                .hasMessageContaining("--settle-seconds");
    }

    @Test
    void readsTheLowLoadPhasesSizeAndRateAndZeroSkipsIt() {
        BenchOptions options = BenchOptions.parse(new String[] {"--smoke", "--low-follows", "1000", "--low-rate",
            "12.5"});
        BenchOptions skipped = BenchOptions.parse(new String[] {"--low-follows", "0"});

        assertThat(options.lowFollows()).isEqualTo(1000);
        assertThat(options.lowRate()).isEqualTo(12.5);
        assertThat(skipped.lowFollows()).isZero();
        assertThat(BenchOptions.USAGE).contains("--low-follows N", "--low-rate R");
        assertThatThrownBy(() -> BenchOptions.parse(new String[] {"--low-follows", "-1"}))
                .hasMessageContaining("--low-follows");
        assertThatThrownBy(() -> BenchOptions.parse(new String[] {"--low-rate", "0"}))
                .hasMessageContaining("--low-rate");
    }

    @Test
    void readsRatesRunsAndServerProperties() {
        BenchOptions options = BenchOptions.parse(new String[] {"--rates", "500, 1000,2000", "--runs",
            "engine,flowable", "--server-arg", "spring.datasource.hikari.maximum-pool-size=32", "--no-jdbc-count",
            "--timer-burst", "0"});

        assertThat(options.rates()).containsExactly(500.0, 1000.0, 2000.0);
        assertThat(options.runs()).containsExactlyInAnyOrder(BenchOptions.Run.ENGINE, BenchOptions.Run.FLOWABLE);
        assertThat(options.serverArgs()).isEqualTo(List.of("--spring.datasource.hikari.maximum-pool-size=32"));
        assertThat(options.countJdbc()).isFalse();
        assertThat(options.timerBurst()).isZero();
    }

    @Test
    void refusesBadFlagsWithTheFlagsName() {
        assertThatThrownBy(() -> BenchOptions.parse(new String[] {"--rates", "500,fast"}))
                .hasMessageContaining("--rates");
        assertThatThrownBy(() -> BenchOptions.parse(new String[] {"--runs", "wayfarer,camunda"}))
                .hasMessageContaining("camunda");
        assertThatThrownBy(() -> BenchOptions.parse(new String[] {"--timer-burst", "-1"}))
                .hasMessageContaining("--timer-burst");
        assertThatThrownBy(() -> BenchOptions.parse(new String[] {"--follows"}))
                .hasMessageContaining("needs a value");
        assertThatThrownBy(() -> BenchOptions.parse(new String[] {"--turbo"}))
                .hasMessageContaining("unknown flag --turbo");
    }
}
