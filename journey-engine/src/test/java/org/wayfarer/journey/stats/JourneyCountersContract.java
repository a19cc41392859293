package org.wayfarer.journey.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.wayfarer.journey.ContractFixtures.nextId;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.wayfarer.journey.ContractFixtures;

/** What every {@link JourneyCounters} adapter must do. Subclasses supply the counters under test. */
public abstract class JourneyCountersContract {

    private final long tenant = nextId();
    private final long journey = nextId();
    private final Instant hour10 = ContractFixtures.nextEra().plus(Duration.ofHours(10));
    private final Instant hour11 = hour10.plus(Duration.ofHours(1));
    private final Instant hour12 = hour11.plus(Duration.ofHours(1));

    protected abstract JourneyCounters counters();

    @Test
    void sumsIncrementsAcrossHourBuckets() {
        counters().increment(List.of(
                delta("", "entered", hour10.plusSeconds(300), 1),
                delta("", "entered", hour10.plusSeconds(3_300), 2),
                delta("welcome", "entered", hour10.plusSeconds(5), 1),
                delta("", "entered", hour11.plusSeconds(600), 4),
                delta("", "completed", hour12.plusSeconds(1), 1)));

        assertThat(counters().sum(tenant, journey, null, null, null)).isEqualTo(Map.of(
                "", Map.of("entered", 7L, "completed", 1L),
                "welcome", Map.of("entered", 1L)));
    }

    @Test
    void sumIncludesBucketsFromTheStartAndExcludesTheEnd() {
        counters().increment(List.of(
                delta("", "entered", hour10.plusSeconds(1), 1),
                delta("", "entered", hour11.plusSeconds(1), 10),
                delta("", "entered", hour12.plusSeconds(1), 100)));

        assertThat(counters().sum(tenant, journey, null, hour11, hour12))
                .isEqualTo(Map.of("", Map.of("entered", 10L)));
        assertThat(counters().sum(tenant, journey, null, hour11, null))
                .isEqualTo(Map.of("", Map.of("entered", 110L)));
        assertThat(counters().sum(tenant, journey, null, null, hour11))
                .isEqualTo(Map.of("", Map.of("entered", 1L)));
        // A bucket belongs to the range only if its hour starts inside it.
        assertThat(counters().sum(tenant, journey, null, hour10.plusSeconds(1), hour11)).isEmpty();
    }

    @Test
    void repeatedIncrementsAccumulateInTheSameBucket() {
        counters().increment(List.of(delta("welcome", "entered", hour10, 1)));
        counters().increment(List.of(delta("welcome", "entered", hour10.plusSeconds(59), 1),
                delta("welcome", "entered", hour10.plusSeconds(60), 1)));
        counters().increment(List.of());

        assertThat(counters().sum(tenant, journey, null, hour10, hour11))
                .isEqualTo(Map.of("welcome", Map.of("entered", 3L)));
    }

    @Test
    void sumIsTenantAndJourneyScoped() {
        counters().increment(List.of(delta("", "entered", hour10, 5),
                new CounterDelta(tenant, nextId(), 1, "", "entered", hour10, 7)));

        assertThat(counters().sum(tenant, journey, null, null, null)).isEqualTo(Map.of("", Map.of("entered", 5L)));
        assertThat(counters().sum(nextId(), journey, null, null, null)).isEmpty();
    }

    @Test
    void versionsAreCountedApartAndSummedWhenNoVersionIsAsked() {
        counters().increment(List.of(delta("", "entered", hour10, 3),
                new CounterDelta(tenant, journey, 2, "", "entered", hour10, 4),
                new CounterDelta(tenant, journey, 2, "welcome", "entered", hour11, 4)));

        assertThat(counters().sum(tenant, journey, 1, null, null)).isEqualTo(Map.of("", Map.of("entered", 3L)));
        assertThat(counters().sum(tenant, journey, 2, null, null)).isEqualTo(Map.of("", Map.of("entered", 4L),
                "welcome", Map.of("entered", 4L)));
        assertThat(counters().sum(tenant, journey, null, null, null).get("")).isEqualTo(Map.of("entered", 7L));
        assertThat(counters().sum(tenant, journey, 3, null, null)).isEmpty();
    }

    @Test
    void journeyLevelCountsComePerHourInOrder() {
        counters().increment(List.of(delta("", "entered", hour11.plusSeconds(9), 2),
                delta("", "entered", hour10.plusSeconds(5), 1), delta("", "goal", hour10.plusSeconds(6), 1),
                delta("welcome", "entered", hour10, 9), delta("", "completed", hour12, 1),
                new CounterDelta(tenant, journey, 2, "", "entered", hour10, 5)));

        assertThat(counters().journeyLevelByHour(tenant, journey, 1, hour10, hour12)).containsExactly(
                Map.entry(hour10, Map.of("entered", 1L, "goal", 1L)), Map.entry(hour11, Map.of("entered", 2L)));
        assertThat(counters().journeyLevelByHour(tenant, journey, null, null, null).get(hour10))
                .isEqualTo(Map.of("entered", 6L, "goal", 1L));
    }

    private CounterDelta delta(String node, String metric, Instant at, long amount) {
        return new CounterDelta(tenant, journey, 1, node, metric, at, amount);
    }
}
