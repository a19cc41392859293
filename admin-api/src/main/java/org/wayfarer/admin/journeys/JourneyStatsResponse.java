package org.wayfarer.admin.journeys;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.wayfarer.journey.stats.JourneyStats;

/** A journey's numbers; counts cover [from, to) in whole hours, except {@code active}, which is "now". */
public record JourneyStatsResponse(
        @Schema(description = "Journey id as a string")
        String journeyId,
        @Schema(description = "Inclusive start of the window; null when open", nullable = true)
        Instant from,
        @Schema(description = "Exclusive end of the window; null when open", nullable = true)
        Instant to,
        long entered,
        @Schema(description = "Instances running or waiting right now, whatever the window")
        long active,
        long completed,
        long exited,
        @Schema(description = "Instances ended FAILED: a wake-up that failed on every attempt (the step log's FAILED "
                + "step carries the error)")
        long failed,
        @Schema(description = "Per node id; nodes nobody reached in the window are left out")
        Map<String, NodeStatsResponse> nodes) {

    /** Counts of one node. */
    public record NodeStatsResponse(long entered, Map<String, Long> paths) {
    }

    static JourneyStatsResponse of(JourneyStats stats) {
        Map<String, NodeStatsResponse> nodes = new LinkedHashMap<>();
        stats.nodes().forEach((id, node) -> nodes.put(id, new NodeStatsResponse(node.entered(), node.paths())));
        return new JourneyStatsResponse(Long.toString(stats.journeyId()), stats.from(), stats.to(), stats.entered(),
                stats.active(), stats.completed(), stats.exited(), stats.failed(), nodes);
    }
}
