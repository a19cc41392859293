package org.wayfarer.admin.segments;

import io.swagger.v3.oas.annotations.media.Schema;
import org.wayfarer.journey.segment.SegmentRefresher;

/** What a refresh changed: members now, and how many contacts entered and exited (each announced as an event). */
public record SegmentRefreshResponse(
        String key,
        @Schema(description = "Members after the refresh") long members,
        @Schema(description = "Contacts that entered; a segment.entered event was recorded for each") long entered,
        @Schema(description = "Contacts that exited; a segment.exited event was recorded for each") long exited) {

    static SegmentRefreshResponse of(SegmentRefresher.Result result) {
        return new SegmentRefreshResponse(result.key(), result.members(), result.entered(), result.exited());
    }
}
