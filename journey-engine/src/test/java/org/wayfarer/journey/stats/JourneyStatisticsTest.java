package org.wayfarer.journey.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.wayfarer.journey.catalog.JourneyNotFoundException;
import org.wayfarer.journey.catalog.StoredJourney;
import org.wayfarer.journey.runtime.InstanceStatus;
import org.wayfarer.journey.runtime.JourneyInstance;
import org.wayfarer.journey.testing.InMemoryInstanceStore;
import org.wayfarer.journey.testing.InMemoryJourneyCounters;
import org.wayfarer.journey.testing.InMemoryJourneyStore;

class JourneyStatisticsTest {

    private static final long TENANT = 7;
    private static final long OTHER_TENANT = 8;
    private static final long JOURNEY = 50;
    private static final Instant T0 = Instant.parse("2026-03-01T08:00:00Z");

    private final InMemoryJourneyCounters counters = new InMemoryJourneyCounters();
    private final InMemoryInstanceStore instances = new InMemoryInstanceStore();
    private final InMemoryJourneyStore journeys = new InMemoryJourneyStore();
    private final JourneyStatistics statistics = new JourneyStatistics(journeys, counters, instances);
    private long nextInstance = 1;

    JourneyStatisticsTest() {
        // Tenant 7 has journey 50 and nothing else.
        journeys.insert(new StoredJourney(JOURNEY, TENANT, "welcome", "Welcome", "{}", 1, T0, T0, 1));
    }

    @Test
    void sumsJourneyAndNodeCountersOverTheWindow() {
        counters.increment(List.of(
                delta("", "entered", T0, 3), delta("", "entered", T0.plus(2, ChronoUnit.HOURS), 4),
                delta("", "completed", T0.plus(1, ChronoUnit.HOURS), 2), delta("", "exited", T0, 1),
                delta("", "failed", T0.plus(2, ChronoUnit.HOURS), 1),
                delta("welcome", "entered", T0, 3), delta("welcome", "entered", T0.plus(2, ChronoUnit.HOURS), 4),
                delta("wait", "entered", T0.plus(1, ChronoUnit.HOURS), 2)));
        addInstances(InstanceStatus.WAITING, 5);
        addInstances(InstanceStatus.ACTIVE, 1);
        addInstances(InstanceStatus.COMPLETED, 2);
        addInstances(InstanceStatus.FAILED, 1);

        JourneyStats all = statistics.stats(TENANT, JOURNEY, null, null);
        assertThat(all.entered()).isEqualTo(7);
        assertThat(all.completed()).isEqualTo(2);
        assertThat(all.exited()).isEqualTo(1);
        assertThat(all.failed()).isEqualTo(1);
        assertThat(all.active()).as("a FAILED instance is not live").isEqualTo(6);
        assertThat(all.nodes()).containsExactly(
                Map.entry("wait", new JourneyStats.NodeStats(2, 6, 0, 0, 0, 0, 0, 0, 0, Map.of())),
                Map.entry("welcome", new JourneyStats.NodeStats(7, 0, 0, 0, 0, 0, 0, 0, 0, Map.of())));

        JourneyStats firstTwoHours = statistics.stats(TENANT, JOURNEY, T0, T0.plus(2, ChronoUnit.HOURS));
        assertThat(firstTwoHours.entered()).isEqualTo(3);
        assertThat(firstTwoHours.failed()).isZero();
        assertThat(firstTwoHours.nodes().get("welcome").entered()).isEqualTo(3);
        assertThat(firstTwoHours.active()).as("live instances are not bounded by the window").isEqualTo(6);
        assertThat(firstTwoHours.from()).isEqualTo(T0);
    }

    @Test
    void splitPathCountsAreNamedPerPathOnTheSplitNode() {
        counters.increment(List.of(delta("ab", "entered", T0, 5), delta("ab", "path:A", T0, 3),
                delta("ab", "path:B", T0.plus(1, ChronoUnit.HOURS), 2)));

        assertThat(statistics.stats(TENANT, JOURNEY, null, null).nodes().get("ab"))
                .isEqualTo(new JourneyStats.NodeStats(5, 0, 0, 0, 0, 0, 0, 0, 0, Map.of("A", 3L, "B", 2L)));
    }

    @Test
    void oneVersionBalancesItsOwnBooksWithTheInstancesMigratedInAndOut() {
        counters.increment(List.of(delta(1, "", "entered", T0, 5), delta(1, "", "completed", T0, 1),
                delta(1, "", "migrated_out", T0, 2), delta(2, "", "migrated_in", T0, 2),
                delta(2, "", "entered", T0, 3), delta(2, "", "exited", T0, 1), delta(2, "", "goal", T0, 1),
                delta(2, "", "completed", T0, 1), delta(2, "done", "completed", T0, 1),
                delta(2, "done", "exited", T0, 1)));
        addInstances(1, InstanceStatus.WAITING, 2);
        addInstances(2, InstanceStatus.WAITING, 3);

        JourneyStats v1 = statistics.stats(TENANT, JOURNEY, 1, null, null);
        JourneyStats v2 = statistics.stats(TENANT, JOURNEY, 2, null, null);
        assertThat(v1.entered() + v1.migratedIn()).isEqualTo(v1.active() + v1.completed() + v1.exited()
                + v1.failed() + v1.migratedOut()).isEqualTo(5);
        assertThat(v2.entered() + v2.migratedIn()).isEqualTo(v2.active() + v2.completed() + v2.exited()
                + v2.failed() + v2.migratedOut()).isEqualTo(5);
        assertThat(v2.goal()).isEqualTo(1);
        assertThat(v2.goalRate()).isEqualTo(1.0 / 3);
        assertThat(v2.nodes().get("done")).isEqualTo(new JourneyStats.NodeStats(0, 0, 1, 1, 0, 0, 0, 0, 0, Map.of()));
        assertThat(v2.nodes().get("wait").waiting()).isEqualTo(3);
        assertThat(statistics.stats(TENANT, JOURNEY, null, null).active()).isEqualTo(5);
    }

    @Test
    void aDailySeriesSplitsTheCountsByLocalDay() {
        // 2026-03-01T15:30Z is 23:30 in Shanghai; 16:30Z is already the 2nd there
        counters.increment(List.of(delta(1, "", "entered", Instant.parse("2026-03-01T15:30:00Z"), 2),
                delta(1, "", "entered", Instant.parse("2026-03-01T16:30:00Z"), 5),
                delta(1, "", "goal", Instant.parse("2026-03-02T01:00:00Z"), 1),
                delta(1, "", "entered", Instant.parse("2026-03-03T16:00:00Z"), 9)));

        JourneyStats series = statistics.daily(TENANT, JOURNEY, null, LocalDate.parse("2026-03-01"),
                LocalDate.parse("2026-03-03"), ZoneId.of("Asia/Shanghai"));

        assertThat(series.days()).containsExactly(
                new JourneyStats.DayStats(LocalDate.parse("2026-03-01"), 2, 0, 0, 0, 0),
                new JourneyStats.DayStats(LocalDate.parse("2026-03-02"), 5, 0, 0, 0, 1),
                new JourneyStats.DayStats(LocalDate.parse("2026-03-03"), 0, 0, 0, 0, 0));
        assertThat(series.entered()).as("the window is the three local days").isEqualTo(7);
        assertThat(series.from()).isEqualTo(Instant.parse("2026-02-28T16:00:00Z"));
        assertThatThrownBy(() -> statistics.daily(TENANT, JOURNEY, null, LocalDate.parse("2026-03-02"),
                LocalDate.parse("2026-03-01"), ZoneId.of("UTC"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> statistics.daily(TENANT, JOURNEY, null, LocalDate.parse("2025-01-01"),
                LocalDate.parse("2026-03-01"), ZoneId.of("UTC"))).hasMessageContaining("366");
    }

    @Test
    void answersZerosForAJourneyNobodyEntered() {
        JourneyStats stats = statistics.stats(TENANT, JOURNEY, null, null);

        assertThat(stats).isEqualTo(new JourneyStats(JOURNEY, null, null, null, 0, 0, 0, 0, 0, 0, 0, 0, Map.of(),
                List.of()));
    }

    @Test
    void hidesJourneysOfOtherTenants() {
        assertThatThrownBy(() -> statistics.stats(OTHER_TENANT, JOURNEY, null, null))
                .isInstanceOf(JourneyNotFoundException.class);
        assertThatThrownBy(() -> statistics.stats(TENANT, JOURNEY + 1, null, null))
                .isInstanceOf(JourneyNotFoundException.class);
    }

    @Test
    void refusesWindowThatEndsBeforeItStarts() {
        assertThatThrownBy(() -> statistics.stats(TENANT, JOURNEY, T0, T0.minusSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static CounterDelta delta(String node, String metric, Instant at, long amount) {
        return delta(1, node, metric, at, amount);
    }

    private static CounterDelta delta(int version, String node, String metric, Instant at, long amount) {
        return new CounterDelta(TENANT, JOURNEY, version, node, metric, at, amount);
    }

    private void addInstances(InstanceStatus status, int count) {
        addInstances(1, status, count);
    }

    private void addInstances(int version, InstanceStatus status, int count) {
        for (int i = 0; i < count; i++) {
            long id = nextInstance++;
            instances.insert(new JourneyInstance(id, TENANT, JOURNEY, version, 1000 + id, "EVENT:" + id, id, status, "wait",
                    1, null, T0, T0, null, null, 0));
        }
    }
}
