package org.wayfarer.journey.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.wayfarer.journey.catalog.JourneyNotFoundException;
import org.wayfarer.journey.catalog.JourneyStore;
import org.wayfarer.journey.catalog.PublishedVersion;
import org.wayfarer.journey.catalog.StoredJourney;
import org.wayfarer.journey.runtime.InstanceStatus;
import org.wayfarer.journey.runtime.InstanceStore;
import org.wayfarer.journey.runtime.JourneyInstance;

class JourneyStatisticsTest {

    private static final long TENANT = 7;
    private static final long OTHER_TENANT = 8;
    private static final long JOURNEY = 50;
    private static final Instant T0 = Instant.parse("2026-03-01T08:00:00Z");

    private final Counters counters = new Counters();
    private final Instances instances = new Instances();
    private final JourneyStatistics statistics = new JourneyStatistics(new OneJourney(), counters, instances);

    @Test
    void sumsJourneyAndNodeCountersOverTheWindow() {
        counters.increment(List.of(
                delta("", "entered", T0, 3), delta("", "entered", T0.plus(2, ChronoUnit.HOURS), 4),
                delta("", "completed", T0.plus(1, ChronoUnit.HOURS), 2), delta("", "exited", T0, 1),
                delta("welcome", "entered", T0, 3), delta("welcome", "entered", T0.plus(2, ChronoUnit.HOURS), 4),
                delta("wait", "entered", T0.plus(1, ChronoUnit.HOURS), 2)));
        instances.counts.put(InstanceStatus.WAITING, 5L);
        instances.counts.put(InstanceStatus.ACTIVE, 1L);
        instances.counts.put(InstanceStatus.COMPLETED, 2L);

        JourneyStats all = statistics.stats(TENANT, JOURNEY, null, null);
        assertThat(all.entered()).isEqualTo(7);
        assertThat(all.completed()).isEqualTo(2);
        assertThat(all.exited()).isEqualTo(1);
        assertThat(all.active()).isEqualTo(6);
        assertThat(all.nodes()).containsExactly(
                Map.entry("wait", new JourneyStats.NodeStats(2)), Map.entry("welcome", new JourneyStats.NodeStats(7)));

        JourneyStats firstTwoHours = statistics.stats(TENANT, JOURNEY, T0, T0.plus(2, ChronoUnit.HOURS));
        assertThat(firstTwoHours.entered()).isEqualTo(3);
        assertThat(firstTwoHours.nodes().get("welcome").entered()).isEqualTo(3);
        assertThat(firstTwoHours.active()).as("live instances are not bounded by the window").isEqualTo(6);
        assertThat(firstTwoHours.from()).isEqualTo(T0);
    }

    @Test
    void answersZerosForAJourneyNobodyEntered() {
        JourneyStats stats = statistics.stats(TENANT, JOURNEY, null, null);

        assertThat(stats).isEqualTo(new JourneyStats(JOURNEY, null, null, 0, 0, 0, 0, Map.of()));
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
        return new CounterDelta(TENANT, JOURNEY, node, metric, at, amount);
    }

    /** Hour buckets, summed per the port's contract: bucket hour in [from, to). */
    private static final class Counters implements JourneyCounters {

        private final List<CounterDelta> deltas = new ArrayList<>();

        @Override
        public void increment(List<CounterDelta> more) {
            deltas.addAll(more);
        }

        @Override
        public Map<String, Map<String, Long>> sum(long tenantId, long journeyId, Instant from, Instant to) {
            Map<String, Map<String, Long>> sums = new HashMap<>();
            for (CounterDelta d : deltas) {
                Instant bucket = d.at().truncatedTo(ChronoUnit.HOURS);
                boolean inWindow = (from == null || !bucket.isBefore(from)) && (to == null || bucket.isBefore(to));
                if (d.tenantId() == tenantId && d.journeyId() == journeyId && inWindow) {
                    sums.computeIfAbsent(d.nodeId(), n -> new HashMap<>()).merge(d.metric(), d.amount(), Long::sum);
                }
            }
            return sums;
        }
    }

    private static final class Instances implements InstanceStore {

        final Map<InstanceStatus, Long> counts = new EnumMap<>(InstanceStatus.class);

        @Override
        public Map<InstanceStatus, Long> countByStatus(long tenantId, long journeyId) {
            return tenantId == TENANT && journeyId == JOURNEY ? counts : Map.of();
        }

        @Override
        public boolean insert(JourneyInstance instance) {
            throw new UnsupportedOperationException("read-only in these tests");
        }

        @Override
        public void update(JourneyInstance instance) {
            throw new UnsupportedOperationException("read-only in these tests");
        }

        @Override
        public Optional<JourneyInstance> find(long tenantId, long instanceId) {
            throw new UnsupportedOperationException("read-only in these tests");
        }

        @Override
        public List<JourneyInstance> liveFor(long tenantId, long contactId) {
            throw new UnsupportedOperationException("read-only in these tests");
        }

        @Override
        public List<DueWakeup> claimDue(Instant now, int limit, String owner, Instant leaseUntil) {
            throw new UnsupportedOperationException("read-only in these tests");
        }
    }

    /** Tenant 7 has journey 50 and nothing else. */
    private static final class OneJourney implements JourneyStore {

        @Override
        public Optional<StoredJourney> find(long tenantId, long journeyId) {
            return tenantId == TENANT && journeyId == JOURNEY
                    ? Optional.of(new StoredJourney(JOURNEY, TENANT, "welcome", "Welcome", "{}", 1, T0, T0, 1))
                    : Optional.empty();
        }

        @Override
        public Optional<StoredJourney> findByKey(long tenantId, String key) {
            throw new UnsupportedOperationException("not needed");
        }

        @Override
        public List<StoredJourney> list(long tenantId) {
            throw new UnsupportedOperationException("not needed");
        }

        @Override
        public void insert(StoredJourney journey) {
            throw new UnsupportedOperationException("not needed");
        }

        @Override
        public void update(StoredJourney journey) {
            throw new UnsupportedOperationException("not needed");
        }

        @Override
        public void publish(PublishedVersion version) {
            throw new UnsupportedOperationException("not needed");
        }

        @Override
        public Optional<PublishedVersion> version(long tenantId, long journeyId, int version) {
            throw new UnsupportedOperationException("not needed");
        }

        @Override
        public List<PublishedVersion> acceptingFor(long tenantId, String triggerEvent) {
            throw new UnsupportedOperationException("not needed");
        }
    }
}
