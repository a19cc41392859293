package org.wayfarer.admin.segments;

import io.swagger.v3.oas.annotations.media.Schema;

/** How many contacts a segment's filter selects now. */
public record SegmentCountResponse(String key, @Schema(example = "1234") long count) {
}
