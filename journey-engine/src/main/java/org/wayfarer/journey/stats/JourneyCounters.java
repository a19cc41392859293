package org.wayfarer.journey.stats;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;

/**
 * Hourly-bucketed analytics counters, per journey version (port). Increments join the caller's transaction (the
 * same one as the step they count), so counters and the step log never disagree.
 */
public interface JourneyCounters {

    /** Adds the deltas to their hour buckets, creating buckets as needed. */
    void increment(List<CounterDelta> deltas);

    /**
     * Sums per (node id, metric) over buckets whose hour lies in [{@code from}, {@code to}); null bounds are open.
     * The journey-level metrics are under node id {@code ""}.
     *
     * @param version one version's counts, or null for every version's
     */
    Map<String, Map<String, Long>> sum(long tenantId, long journeyId, Integer version, Instant from, Instant to);

    /**
     * The journey-level metrics per hour bucket (the hour's start), ascending, over [{@code from}, {@code to}); only
     * hours with counts appear.
     *
     * @param version one version's counts, or null for every version's
     */
    SortedMap<Instant, Map<String, Long>> journeyLevelByHour(long tenantId, long journeyId, Integer version,
                                                            Instant from, Instant to);
}
