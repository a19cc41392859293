package org.wayfarer.journey.stats;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import org.wayfarer.journey.catalog.JourneyNotFoundException;
import org.wayfarer.journey.catalog.JourneyStore;

/**
 * Answers "how is this journey doing": counters summed over a time window, per version or for all, plus where the
 * live instances are now. Read-only and thread-safe; tenant-scoped (another tenant's journey is
 * {@link JourneyNotFoundException}).
 */
public final class JourneyStatistics {

    /** Node id under which {@link JourneyCounters} keeps journey-level metrics. */
    static final String JOURNEY_LEVEL = "";
    static final String ENTERED = "entered";
    static final String COMPLETED = "completed";
    static final String EXITED = "exited";
    /** Instances ended FAILED: a wake-up that failed on every attempt, or the per-run step limit. */
    static final String FAILED = "failed";
    /** Journey level: instances that reached the goal (they are counted as completed too). */
    public static final String GOAL = "goal";
    /** Journey level: waiting instances a publish moved into this version / out of it. */
    public static final String MIGRATED_IN = "migrated_in";
    public static final String MIGRATED_OUT = "migrated_out";
    /** A split node's path counts: metric {@code path:<name>} on the split node (written by the runtime). */
    public static final String PATH_METRIC = "path:";
    /** The longest daily series one call answers. */
    public static final int MAX_DAYS = 366;

    private final JourneyStore journeys;
    private final JourneyCounters counters;
    private final NodeOccupancy occupancy;

    public JourneyStatistics(JourneyStore journeys, JourneyCounters counters, NodeOccupancy occupancy) {
        this.journeys = Objects.requireNonNull(journeys, "journeys");
        this.counters = Objects.requireNonNull(counters, "counters");
        this.occupancy = Objects.requireNonNull(occupancy, "occupancy");
    }

    /** Every version's counts over [{@code from}, {@code to}); see the method with a version. */
    public JourneyStats stats(long tenantId, long journeyId, Instant from, Instant to) {
        return stats(tenantId, journeyId, null, from, to);
    }

    /**
     * @param version one version's counts, or null for every version's
     * @param from    inclusive, nullable (open); counters are hourly, so bounds act on whole hours
     * @param to      exclusive, nullable (open)
     * @throws JourneyNotFoundException when the tenant has no such journey
     * @throws IllegalArgumentException when {@code from} is after {@code to}
     */
    public JourneyStats stats(long tenantId, long journeyId, Integer version, Instant from, Instant to) {
        requireJourney(tenantId, journeyId, from, to);
        return summed(tenantId, journeyId, version, from, to, List.of());
    }

    /**
     * {@link #stats} over the local days [{@code fromDay}, {@code toDay}] in {@code zone}, with the journey-level
     * counts of each day. Counters are hourly buckets, so in a zone whose offset is not whole hours a day's edge is
     * off by that fraction of an hour.
     *
     * @throws IllegalArgumentException when {@code toDay} is before {@code fromDay} or the range exceeds
     *                                  {@value #MAX_DAYS} days
     */
    public JourneyStats daily(long tenantId, long journeyId, Integer version, LocalDate fromDay, LocalDate toDay,
                              ZoneId zone) {
        if (toDay.isBefore(fromDay)) {
            throw new IllegalArgumentException("the last day must not be before the first");
        }
        if (fromDay.plusDays(MAX_DAYS).isBefore(toDay.plusDays(1))) {
            throw new IllegalArgumentException("a daily series covers at most " + MAX_DAYS + " days");
        }
        Instant from = fromDay.atStartOfDay(zone).toInstant();
        Instant to = toDay.plusDays(1).atStartOfDay(zone).toInstant();
        requireJourney(tenantId, journeyId, from, to);
        SortedMap<Instant, Map<String, Long>> hours = counters.journeyLevelByHour(tenantId, journeyId, version, from,
                to);
        Map<LocalDate, Map<String, Long>> byDay = new TreeMap<>();
        // a bucket whose hour starts in a local day counts for that day
        hours.forEach((hour, metrics) -> metrics.forEach((metric, amount) -> byDay
                .computeIfAbsent(hour.atZone(zone).toLocalDate(), day -> new TreeMap<>())
                .merge(metric, amount, Long::sum)));
        List<JourneyStats.DayStats> days = new ArrayList<>();
        for (LocalDate day = fromDay; !day.isAfter(toDay); day = day.plusDays(1)) {
            Map<String, Long> metrics = byDay.getOrDefault(day, Map.of());
            days.add(new JourneyStats.DayStats(day, metrics.getOrDefault(ENTERED, 0L),
                    metrics.getOrDefault(COMPLETED, 0L), metrics.getOrDefault(EXITED, 0L),
                    metrics.getOrDefault(FAILED, 0L), metrics.getOrDefault(GOAL, 0L)));
        }
        return summed(tenantId, journeyId, version, from, to, days);
    }

    /** The most occupants one page lists. */
    public static final int MAX_PAGE = 500;

    /**
     * Who is at a node now: up to {@code limit} live instances there, by instance id after {@code afterInstanceId}.
     *
     * @throws JourneyNotFoundException when the tenant has no such journey
     * @throws UnknownNodeException     when the journey never had such a node
     * @throws IllegalArgumentException when {@code limit} is not 1 to {@value #MAX_PAGE}
     */
    public List<NodeOccupancy.Occupant> atNode(long tenantId, long journeyId, String nodeId, long afterInstanceId,
                                               int limit) {
        if (limit < 1 || limit > MAX_PAGE) {
            throw new IllegalArgumentException("limit must be between 1 and " + MAX_PAGE);
        }
        JourneyNodes.require(journeys, tenantId, journeyId, nodeId);
        return occupancy.atNode(tenantId, journeyId, nodeId, afterInstanceId, limit);
    }

    private void requireJourney(long tenantId, long journeyId, Instant from, Instant to) {
        if (from != null && to != null && from.isAfter(to)) {
            throw new IllegalArgumentException("from must not be after to");
        }
        if (journeys.find(tenantId, journeyId).isEmpty()) {
            throw new JourneyNotFoundException(journeyId);
        }
    }

    private JourneyStats summed(long tenantId, long journeyId, Integer version, Instant from, Instant to,
                                List<JourneyStats.DayStats> days) {
        Map<String, Map<String, Long>> sums = counters.sum(tenantId, journeyId, version, from, to);
        Map<String, Long> live = occupancy.liveByNode(tenantId, journeyId, version);
        Set<String> nodeIds = new HashSet<>(sums.keySet());
        nodeIds.addAll(live.keySet());
        nodeIds.remove(JOURNEY_LEVEL);
        Map<String, JourneyStats.NodeStats> nodes = new TreeMap<>();
        for (String nodeId : nodeIds) {
            Map<String, Long> metrics = sums.getOrDefault(nodeId, Map.of());
            Map<String, Long> paths = new TreeMap<>();
            metrics.forEach((metric, amount) -> {
                if (metric.startsWith(PATH_METRIC)) {
                    paths.put(metric.substring(PATH_METRIC.length()), amount);
                }
            });
            nodes.put(nodeId, new JourneyStats.NodeStats(metrics.getOrDefault(ENTERED, 0L),
                    live.getOrDefault(nodeId, 0L), metrics.getOrDefault(COMPLETED, 0L),
                    metrics.getOrDefault(EXITED, 0L), metrics.getOrDefault(FAILED, 0L),
                    metrics.getOrDefault("deferred", 0L), metrics.getOrDefault("dropped", 0L),
                    metrics.getOrDefault("displaced", 0L), metrics.getOrDefault("soldOut", 0L), paths));
        }
        Map<String, Long> journey = sums.getOrDefault(JOURNEY_LEVEL, Map.of());
        long active = live.values().stream().mapToLong(Long::longValue).sum();
        return new JourneyStats(journeyId, version, from, to, journey.getOrDefault(ENTERED, 0L), active,
                journey.getOrDefault(COMPLETED, 0L), journey.getOrDefault(EXITED, 0L),
                journey.getOrDefault(FAILED, 0L), journey.getOrDefault(GOAL, 0L),
                journey.getOrDefault(MIGRATED_IN, 0L), journey.getOrDefault(MIGRATED_OUT, 0L), nodes, days);
    }
}
