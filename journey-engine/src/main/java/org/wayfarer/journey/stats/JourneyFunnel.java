package org.wayfarer.journey.stats;

import java.time.Instant;
import java.util.List;

/** Reads a funnel from the step log (port): how far instances got along a chosen sequence of nodes. */
public interface JourneyFunnel {

    /**
     * For each prefix of {@code nodes}, how many distinct contacts have an instance that reached its first node
     * within [{@code from}, {@code to}) and then every later node of the prefix, in that order (a node counts when
     * the instance entered it, at a later step than the previous one).
     *
     * @param version one version's instances, or null for every version's
     * @return one count per node, non-increasing
     */
    List<Long> reached(long tenantId, long journeyId, Integer version, List<String> nodes, Instant from, Instant to);
}
