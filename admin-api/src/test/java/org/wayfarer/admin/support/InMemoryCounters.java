package org.wayfarer.admin.support;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.wayfarer.journey.stats.CounterDelta;
import org.wayfarer.journey.stats.JourneyCounters;

/** {@link JourneyCounters} in memory with the port's hour buckets: a delta counts when its hour is in [from, to). */
public final class InMemoryCounters implements JourneyCounters {

    private final List<CounterDelta> deltas = new CopyOnWriteArrayList<>();

    public void clear() {
        deltas.clear();
    }

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
