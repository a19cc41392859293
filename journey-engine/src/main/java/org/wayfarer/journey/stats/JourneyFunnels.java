package org.wayfarer.journey.stats;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import org.wayfarer.journey.catalog.JourneyNotFoundException;
import org.wayfarer.journey.catalog.JourneyStore;

/**
 * Funnels between chosen nodes: of the contacts that reached the first node in a window, how many went on to reach
 * each later one, in order. Read from the step log, so it agrees with the timelines. Read-only, thread-safe,
 * tenant-scoped.
 */
public final class JourneyFunnels {

    /** The most nodes one funnel follows. */
    public static final int MAX_NODES = 10;

    private final JourneyStore journeys;
    private final JourneyFunnel funnel;

    public JourneyFunnels(JourneyStore journeys, JourneyFunnel funnel) {
        this.journeys = Objects.requireNonNull(journeys, "journeys");
        this.funnel = Objects.requireNonNull(funnel, "funnel");
    }

    /** One stage: the contacts that reached {@code node} after every earlier stage's node. */
    public record Stage(String node, long contacts) {
    }

    /**
     * @param nodes   1 to {@value #MAX_NODES} distinct node ids the journey has (in its draft or a published version)
     * @param version one version's instances, or null for all
     * @param from    inclusive, nullable: when the first node was reached
     * @param to      exclusive, nullable
     * @throws JourneyNotFoundException when the tenant has no such journey
     * @throws IllegalArgumentException for an empty, too long or repeating list, an unknown node, or from after to
     */
    public List<Stage> funnel(long tenantId, long journeyId, List<String> nodes, Integer version, Instant from,
                              Instant to) {
        if (nodes.isEmpty() || nodes.size() > MAX_NODES) {
            throw new IllegalArgumentException("a funnel follows 1 to " + MAX_NODES + " nodes, got " + nodes.size());
        }
        if (new HashSet<>(nodes).size() != nodes.size()) {
            throw new IllegalArgumentException("a funnel names each node once, got " + nodes);
        }
        if (from != null && to != null && from.isAfter(to)) {
            throw new IllegalArgumentException("from must not be after to");
        }
        for (String node : nodes) {
            JourneyNodes.require(journeys, tenantId, journeyId, node);
        }
        List<Long> reached = funnel.reached(tenantId, journeyId, version, nodes, from, to);
        List<Stage> stages = new ArrayList<>(nodes.size());
        for (int i = 0; i < nodes.size(); i++) {
            stages.add(new Stage(nodes.get(i), reached.get(i)));
        }
        return List.copyOf(stages);
    }
}
