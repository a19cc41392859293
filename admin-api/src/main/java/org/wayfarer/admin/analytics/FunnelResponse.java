package org.wayfarer.admin.analytics;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.wayfarer.journey.stats.JourneyFunnels;

/** A funnel: of the contacts that reached the first node in the window, how many reached each later one in order. */
public record FunnelResponse(
        @Schema(description = "Journey id as a string")
        String journeyId,
        @Schema(nullable = true)
        Integer version,
        @Schema(description = "Inclusive start of the window the first node was reached in; null when open",
                nullable = true)
        Instant from,
        @Schema(nullable = true)
        Instant to,
        List<Stage> stages) {

    /**
     * @param contacts   distinct contacts that reached this node after every earlier one
     * @param ofPrevious contacts / the previous stage's contacts (1 for the first stage; 0 when that was 0)
     * @param ofFirst    contacts / the first stage's contacts
     */
    public record Stage(String node, long contacts, double ofPrevious, double ofFirst) {
    }

    static FunnelResponse of(long journeyId, AnalyticsWindow window, List<JourneyFunnels.Stage> stages) {
        List<Stage> out = new ArrayList<>(stages.size());
        long first = stages.isEmpty() ? 0 : stages.get(0).contacts();
        long previous = first;
        for (JourneyFunnels.Stage stage : stages) {
            out.add(new Stage(stage.node(), stage.contacts(), ratio(stage.contacts(), previous),
                    ratio(stage.contacts(), first)));
            previous = stage.contacts();
        }
        return new FunnelResponse(Long.toString(journeyId), window.version(), window.from(), window.to(), out);
    }

    private static double ratio(long part, long whole) {
        return whole == 0 ? 0 : (double) part / whole;
    }
}
