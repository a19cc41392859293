package org.wayfarer.admin.journeys;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import org.wayfarer.journey.catalog.JourneyStatus;
import org.wayfarer.journey.catalog.JourneyView;
import tools.jackson.databind.JsonNode;

/** A journey with its draft definition: what read and replace answer. */
public record JourneyResponse(
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
        Instant updatedAt,
        @Schema(description = "The draft definition as last submitted (journey definition JSON v1)",
                types = "object")
        JsonNode definition) {

    static JourneyResponse of(JourneyView view, JsonNode definition) {
        return new JourneyResponse(Long.toString(view.id()), view.key(), view.name(), view.status(),
                view.publishedVersion(), view.hasUnpublishedChanges(), view.createdAt(), view.updatedAt(),
                definition);
    }
}
