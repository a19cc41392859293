package org.wayfarer.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ServerCountersTest {

    private static final String SCRAPE = """
            # HELP bench_jdbc_statements_total JDBC statements executed (bench probe)
            # TYPE bench_jdbc_statements_total counter
            bench_jdbc_statements_total 48213.0
            bench_jdbc_statements_total_other 7.0
            bench_jdbc_commits_total{application="wayfarer"} 12001.0
            """;

    @Test
    void readsACounterByItsExactName() {
        assertThat(ServerCounters.counter(SCRAPE, "bench_jdbc_statements_total")).isEqualTo(48213);
        assertThat(ServerCounters.counter(SCRAPE, "bench_jdbc_commits_total")).isEqualTo(12001);
    }

    @Test
    void aMissingCounterReadsMinusOne() {
        assertThat(ServerCounters.counter(SCRAPE, "bench_jdbc_writes_total")).isEqualTo(-1);
    }

    @Test
    void perFollowIsNaNWhereNothingWasCounted() {
        ServerCounters.Sample before = new ServerCounters.Sample(-1, -1, -1, 1000);
        ServerCounters.Sample after = new ServerCounters.Sample(-1, -1, -1, 5000);

        double[] perFollow = after.perFollow(before, 4);

        assertThat(perFollow[0]).isNaN();
        assertThat(perFollow[2]).isNaN();
        assertThat(perFollow[3]).isEqualTo(1000);
    }
}
