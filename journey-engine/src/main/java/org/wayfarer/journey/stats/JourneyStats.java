package org.wayfarer.journey.stats;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A journey's analytics. {@code entered}, the ends, {@code goal}, the migrations and the node counts cover the window
 * [{@code from}, {@code to}) in whole hours; {@code active} and each node's {@code waiting} are live instances now,
 * whatever the window. Over an open window the books balance per version: {@code entered + migratedIn = active +
 * completed + exited + failed + migratedOut} (without migrations: entered = active + completed + exited + failed).
 *
 * @param version     the one version counted, or null for all
 * @param failed      instances that ended FAILED (a wake-up that failed on every attempt, or the step limit)
 * @param goal        instances that reached the journey's goal within its window (also counted as completed)
 * @param migratedIn  waiting instances moved into this version by a publish's {@code migrate} map
 * @param migratedOut waiting instances moved out of this version to a later one
 * @param nodes       per node id (sorted by id): nodes with counts in the window or instances there now
 * @param days        per day in the asked zone when a daily series was asked for, else empty
 */
public record JourneyStats(long journeyId, Integer version, Instant from, Instant to, long entered, long active,
                           long completed, long exited, long failed, long goal, long migratedIn, long migratedOut,
                           Map<String, NodeStats> nodes, List<DayStats> days) {

    public JourneyStats {
        nodes = Collections.unmodifiableMap(new TreeMap<>(nodes));
        days = List.copyOf(days);
    }

    /** {@code goal / entered}, 0 when nobody entered. */
    public double goalRate() {
        return entered == 0 ? 0 : (double) goal / entered;
    }

    /**
     * Counts for one node.
     *
     * @param entered   times an instance arrived at the node (one per visit; equals the step log's visits)
     * @param waiting   live instances at the node now
     * @param completed instances whose journey completed at this node (an exit node, the end of a path, the goal)
     * @param exited    instances that left the journey at this node (exitWhen, stop): the node's drop-off
     * @param failed    instances that failed at this node
     * @param deferred  sends put off by quiet hours or a frequency cap
     * @param dropped   sends given up because the next allowed slot was past the journey's expiry
     * @param displaced deferred sends moved later because a send of higher priority took their slot
     * @param soldOut   coupon sends refused because the node's stock was spent
     * @param paths     for a split, how many instances took each path, by path name; empty for other nodes
     */
    public record NodeStats(long entered, long waiting, long completed, long exited, long failed, long deferred,
                            long dropped, long displaced, long soldOut, Map<String, Long> paths) {

        public NodeStats {
            paths = Collections.unmodifiableMap(new TreeMap<>(paths));
        }
    }

    /** The journey-level counts of one local day. */
    public record DayStats(LocalDate day, long entered, long completed, long exited, long failed, long goal) {
    }
}
