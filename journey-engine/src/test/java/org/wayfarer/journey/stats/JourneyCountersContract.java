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

        assertThat(counters().sum(tenant, journey, null, null)).isEqualTo(Map.of(
                "", Map.of("entered", 7L, "completed", 1L),
                "welcome", Map.of("entered", 1L)));
    }

    @Test
    void sumIncludesBucketsFromTheStartAndExcludesTheEnd() {
        counters().increment(List.of(
                delta("", "entered", hour10.plusSeconds(1), 1),
                delta("", "entered", hour11.plusSeconds(1), 10),
                delta("", "entered", hour12.plusSeconds(1), 100)));

        assertThat(counters().sum(tenant, journey, hour11, hour12)).isEqualTo(Map.of("", Map.of("entered", 10L)));
        assertThat(counters().sum(tenant, journey, hour11, null)).isEqualTo(Map.of("", Map.of("entered", 110L)));
        assertThat(counters().sum(tenant, journey, null, hour11)).isEqualTo(Map.of("", Map.of("entered", 1L)));
        // A bucket belongs to the range only if its hour starts inside it.
        assertThat(counters().sum(tenant, journey, hour10.plusSeconds(1), hour11)).isEmpty();
    }

    @Test
    void repeatedIncrementsAccumulateInTheSameBucket() {
        counters().increment(List.of(delta("welcome", "entered", hour10, 1)));
        counters().increment(List.of(delta("welcome", "entered", hour10.plusSeconds(59), 1),
                delta("welcome", "entered", hour10.plusSeconds(60), 1)));
        counters().increment(List.of());

        assertThat(counters().sum(tenant, journey, hour10, hour11))
                .isEqualTo(Map.of("welcome", Map.of("entered", 3L)));
    }

    @Test
    void sumIsTenantAndJourneyScoped() {
        counters().increment(List.of(delta("", "entered", hour10, 5),
                new CounterDelta(tenant, nextId(), "", "entered", hour10, 7)));

        assertThat(counters().sum(tenant, journey, null, null)).isEqualTo(Map.of("", Map.of("entered", 5L)));
        assertThat(counters().sum(nextId(), journey, null, null)).isEmpty();
    }

    private CounterDelta delta(String node, String metric, Instant at, long amount) {
        return new CounterDelta(tenant, journey, node, metric, at, amount);
    }
}
