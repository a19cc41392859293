package org.wayfarer.journey.stats;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Hourly-bucketed analytics counters (port). Increments join the caller's transaction (same as the step). */
public interface JourneyCounters {

    /** Adds the deltas to their hour buckets, creating buckets as needed. */
    void increment(List<CounterDelta> deltas);

    /**
     * Sums per (node id, metric) over buckets whose hour lies in [{@code from}, {@code to}); null bounds are open.
     * The journey-level metrics are under node id {@code ""}.
     */
    Map<String, Map<String, Long>> sum(long tenantId, long journeyId, Instant from, Instant to);
}
