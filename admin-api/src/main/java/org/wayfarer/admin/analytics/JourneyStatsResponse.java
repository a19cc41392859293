package org.wayfarer.admin.analytics;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.wayfarer.journey.stats.JourneyStats;

/**
 * A journey's numbers; counts cover [from, to) in whole hours, except {@code active} and each node's
 * {@code waiting}, which are "now". Over an open window, per version: entered + migratedIn = active + completed +
 * exited + failed + migratedOut.
 */
public record JourneyStatsResponse(
        @Schema(description = "Journey id as a string")
        String journeyId,
        @Schema(description = "The one version counted; null when every version is", nullable = true)
        Integer version,
        @Schema(description = "Inclusive start of the window; null when open", nullable = true)
        Instant from,
        @Schema(description = "Exclusive end of the window; null when open", nullable = true)
        Instant to,
        long entered,
        @Schema(description = "Instances running or waiting right now, whatever the window")
        long active,
        long completed,
        long exited,
        @Schema(description = "Instances ended FAILED: a wake-up that failed on every attempt, or the per-run step "
                + "limit (the step log's FAILED step carries the reason)")
        long failed,
        @Schema(description = "Goal conversions: instances that reached the journey's goal within its window (also "
                + "counted as completed)")
        long goal,
        @Schema(description = "goal / entered; 0 when nobody entered")
        double goalRate,
        @Schema(description = "Waiting instances moved into this version by a publish's migrate map")
        long migratedIn,
        @Schema(description = "Waiting instances moved out of this version to a later one")
        long migratedOut,
        @Schema(description = "Per node id; nodes with no counts in the window and nobody there now are left out")
        Map<String, NodeStatsResponse> nodes,
        @Schema(description = "Per split node id, how many instances took each path")
        Map<String, Map<String, Long>> paths,
        @Schema(description = "Per local day, when by=day was asked; else empty")
        List<DayResponse> days) {

    /**
     * Counts of one node.
     *
     * @param exited    drop-off: instances that left the journey at this node (exitWhen, stop)
     * @param displaced deferred sends moved later because a send of higher priority took their slot
     * @param soldOut   coupon sends refused because the node's stock was spent
     */
    public record NodeStatsResponse(long entered, long waiting, long completed, long exited, long failed,
                                    long deferred, long dropped, long displaced, long soldOut,
                                    Map<String, Long> paths) {
    }

    /** Journey-level counts of one local day. */
    public record DayResponse(LocalDate day, long entered, long completed, long exited, long failed, long goal) {
    }

    static JourneyStatsResponse of(JourneyStats stats) {
        Map<String, NodeStatsResponse> nodes = new LinkedHashMap<>();
        Map<String, Map<String, Long>> paths = new LinkedHashMap<>();
        stats.nodes().forEach((id, node) -> {
            nodes.put(id, new NodeStatsResponse(node.entered(), node.waiting(), node.completed(), node.exited(),
                    node.failed(), node.deferred(), node.dropped(), node.displaced(), node.soldOut(),
                    node.paths()));
            if (!node.paths().isEmpty()) {
                paths.put(id, node.paths());
            }
        });
        List<DayResponse> days = stats.days().stream().map(d -> new DayResponse(d.day(), d.entered(), d.completed(),
                d.exited(), d.failed(), d.goal())).toList();
        return new JourneyStatsResponse(Long.toString(stats.journeyId()), stats.version(), stats.from(), stats.to(),
                stats.entered(), stats.active(), stats.completed(), stats.exited(), stats.failed(), stats.goal(),
                stats.goalRate(), stats.migratedIn(), stats.migratedOut(), nodes, paths, days);
    }
}
