package org.wayfarer.journey.testing;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.wayfarer.journey.stats.CounterDelta;
import org.wayfarer.journey.stats.JourneyCounters;

/**
 * {@link JourneyCounters} in memory, for unit tests; the real adapters are covered by the store contracts. A delta
 * counts in a sum when its hour bucket lies in [from, to) and its version is the one asked for (any when null), as
 * the port says. Thread-safe.
 */
public final class InMemoryJourneyCounters implements JourneyCounters {

    private final List<CounterDelta> deltas = new ArrayList<>();

    /** Forgets every increment. */
    public synchronized void clear() {
        deltas.clear();
    }

    @Override
    public synchronized void increment(List<CounterDelta> more) {
        deltas.addAll(more);
    }

    @Override
    public synchronized Map<String, Map<String, Long>> sum(long tenantId, long journeyId, Integer version,
                                                           Instant from, Instant to) {
        Map<String, Map<String, Long>> sums = new HashMap<>();
        for (CounterDelta d : deltas) {
            if (counts(d, tenantId, journeyId, version, from, to)) {
                sums.computeIfAbsent(d.nodeId(), n -> new HashMap<>()).merge(d.metric(), d.amount(), Long::sum);
            }
        }
        return sums;
    }

    @Override
    public synchronized SortedMap<Instant, Map<String, Long>> journeyLevelByHour(long tenantId, long journeyId,
                                                                              Integer version, Instant from,
                                                                              Instant to) {
        SortedMap<Instant, Map<String, Long>> hours = new TreeMap<>();
        for (CounterDelta d : deltas) {
            if (d.nodeId().isEmpty() && counts(d, tenantId, journeyId, version, from, to)) {
                hours.computeIfAbsent(d.at().truncatedTo(ChronoUnit.HOURS), h -> new HashMap<>())
                        .merge(d.metric(), d.amount(), Long::sum);
            }
        }
        return hours;
    }

    private static boolean counts(CounterDelta d, long tenantId, long journeyId, Integer version, Instant from,
                                  Instant to) {
        Instant bucket = d.at().truncatedTo(ChronoUnit.HOURS);
        boolean inWindow = (from == null || !bucket.isBefore(from)) && (to == null || bucket.isBefore(to));
        return d.tenantId() == tenantId && d.journeyId() == journeyId && inWindow
                && (version == null || d.journeyVersion() == version);
    }
}
