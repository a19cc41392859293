package org.wayfarer.admin.segments;

import java.util.List;

/** One page of segments, oldest first; {@code nextCursor} is null on the last page. */
public record SegmentPage(List<SegmentResponse> items, String nextCursor) {
}
