package org.wayfarer.journey.segment;

import static org.assertj.core.api.Assertions.assertThat;

import tools.jackson.databind.json.JsonMapper;

/** Test helper: a filter from JSON text that must be valid. */
public final class SegmentFilters {

    private SegmentFilters() {
    }

    public static SegmentFilter parse(String json) {
        SegmentFilterReader.Reading reading = new SegmentFilterReader().read(JsonMapper.shared().readTree(json));
        assertThat(reading.problems()).as("problems of " + json).isEmpty();
        return reading.filter();
    }
}
