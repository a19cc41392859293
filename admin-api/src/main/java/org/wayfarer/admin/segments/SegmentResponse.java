package org.wayfarer.admin.segments;

import io.swagger.v3.oas.annotations.media.Schema;
import org.wayfarer.journey.segment.Segment;
import org.wayfarer.journey.segment.SegmentFilterJson;
import tools.jackson.databind.JsonNode;

/** A saved segment as the API shows it. */
public record SegmentResponse(
        @Schema(description = "Unique per tenant: 1 to 64 lower-case letters, digits, '_' or '-'", example = "vip")
        String key,
        String name,
        @Schema(description = "The filter in its canonical form (docs/architecture/journey-language.md, Segments)",
                type = "object", example = "{\"all\": [{\"tag\": \"vip\"}]}")
        JsonNode filter) {

    static SegmentResponse of(Segment segment) {
        return new SegmentResponse(segment.key(), segment.name(), SegmentFilterJson.toJson(segment.filter()));
    }
}
