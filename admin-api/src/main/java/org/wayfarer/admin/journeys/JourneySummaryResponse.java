package org.wayfarer.admin.journeys;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import org.wayfarer.journey.catalog.JourneyStatus;
import org.wayfarer.journey.catalog.JourneyView;

/** A journey without its definition: what create, publish and the list answer. */
public record JourneySummaryResponse(
        @Schema(description = "Journey id: a 64-bit integer sent as a string, so JavaScript keeps every digit")
        String id,
        String key,
        String name,
        JourneyStatus status,
        @Schema(description = "Latest published version; 0 when never published")
        int version,
        @Schema(description = "Whether the draft differs from the latest published version")
        boolean hasUnpublishedChanges,
        Instant createdAt,
        Instant updatedAt) {

    /** Also what creating a journey from a recipe answers. */
    public static JourneySummaryResponse of(JourneyView view) {
        return new JourneySummaryResponse(Long.toString(view.id()), view.key(), view.name(), view.status(),
                view.publishedVersion(), view.hasUnpublishedChanges(), view.createdAt(), view.updatedAt());
    }
}
