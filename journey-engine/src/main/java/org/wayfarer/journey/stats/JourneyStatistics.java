package org.wayfarer.journey.stats;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.wayfarer.journey.catalog.JourneyNotFoundException;
import org.wayfarer.journey.catalog.JourneyStore;

/**
 * Answers "how is this journey doing": counters summed over a time window plus the live instance count. Read-only
 * and thread-safe; tenant-scoped (another tenant's journey is {@link JourneyNotFoundException}).
 */
public final class JourneyStatistics {

    /** Node id under which {@link JourneyCounters} keeps journey-level metrics. */
    static final String JOURNEY_LEVEL = "";
    static final String ENTERED = "entered";
    static final String COMPLETED = "completed";
    static final String EXITED = "exited";
    /** Instances ended FAILED because their wake-up failed on every attempt. */
    static final String FAILED = "failed";
    /** A split node's path counts: metric {@code path:<name>} on the split node (written by the runtime). */
    public static final String PATH_METRIC = "path:";

    private final JourneyStore journeys;
    private final JourneyCounters counters;
    private final InstanceCounts instances;

    public JourneyStatistics(JourneyStore journeys, JourneyCounters counters, InstanceCounts instances) {
        this.journeys = Objects.requireNonNull(journeys, "journeys");
        this.counters = Objects.requireNonNull(counters, "counters");
        this.instances = Objects.requireNonNull(instances, "instances");
    }

    /**
     * @param from inclusive, nullable (open); counters are hourly, so bounds act on whole hours
     * @param to   exclusive, nullable (open)
     * @throws JourneyNotFoundException when the tenant has no such journey
     * @throws IllegalArgumentException when {@code from} is after {@code to}
     */
    public JourneyStats stats(long tenantId, long journeyId, Instant from, Instant to) {
        if (from != null && to != null && from.isAfter(to)) {
            throw new IllegalArgumentException("from must not be after to");
        }
        if (journeys.find(tenantId, journeyId).isEmpty()) {
            throw new JourneyNotFoundException(journeyId);
        }
        Map<String, Map<String, Long>> sums = counters.sum(tenantId, journeyId, from, to);
        Map<String, Long> journeyLevel = sums.getOrDefault(JOURNEY_LEVEL, Map.of());
        Map<String, JourneyStats.NodeStats> nodes = new TreeMap<>();
        sums.forEach((nodeId, metrics) -> {
            if (!JOURNEY_LEVEL.equals(nodeId)) {
                Map<String, Long> paths = new TreeMap<>();
                metrics.forEach((metric, amount) -> {
                    if (metric.startsWith(PATH_METRIC)) {
                        paths.put(metric.substring(PATH_METRIC.length()), amount);
                    }
                });
                nodes.put(nodeId, new JourneyStats.NodeStats(metrics.getOrDefault(ENTERED, 0L), paths));
            }
        });
        long active = instances.liveCount(tenantId, journeyId);
        return new JourneyStats(journeyId, from, to, journeyLevel.getOrDefault(ENTERED, 0L), active,
                journeyLevel.getOrDefault(COMPLETED, 0L), journeyLevel.getOrDefault(EXITED, 0L),
                journeyLevel.getOrDefault(FAILED, 0L), nodes);
    }
}
