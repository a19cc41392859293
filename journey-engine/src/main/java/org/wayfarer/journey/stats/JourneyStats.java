package org.wayfarer.journey.stats;

import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * A journey's analytics. {@code entered}, {@code completed}, {@code exited}, {@code failed} and the node counts cover
 * the window [{@code from}, {@code to}) in whole hours; {@code active} is the number of live (active or waiting)
 * instances now, whatever the window.
 *
 * @param failed instances that ended FAILED in the window (a wake-up that failed on every attempt)
 * @param from  inclusive lower bound, null when open
 * @param to    exclusive upper bound, null when open
 * @param nodes per node id (sorted by id), only nodes with counts in the window
 */
public record JourneyStats(long journeyId, Instant from, Instant to, long entered, long active, long completed,
                           long exited, long failed, Map<String, NodeStats> nodes) {

    public JourneyStats {
        nodes = Collections.unmodifiableMap(new TreeMap<>(nodes));
    }

    /**
     * Counts for one node; more metrics may be added.
     *
     * @param paths for a split, how many instances took each path, by path name; empty for other nodes
     */
    public record NodeStats(long entered, Map<String, Long> paths) {

        public NodeStats {
            paths = Collections.unmodifiableMap(new TreeMap<>(paths));
        }
    }
}
