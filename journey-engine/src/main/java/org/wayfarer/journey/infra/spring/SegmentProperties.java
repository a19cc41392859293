package org.wayfarer.journey.infra.spring;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Saved segments ({@code wayfarer.segments.*}).
 *
 * @param refreshInterval pause between the end of one scheduled refresh of every segment and the start of the next;
 *                        time-window conditions ("ordered in the last 30 days") change membership as time passes,
 *                        and a change is noticed (and announced as {@code segment.entered}/{@code segment.exited})
 *                        at the latest one interval plus one refresh later
 * @param refreshPageSize contact ids per page of each stream a refresh merges, and most changes written at once
 * @param emitThreads     threads that hand one page's events to the intake concurrently, so they share commits
 */
@ConfigurationProperties("wayfarer.segments")
public record SegmentProperties(
        @DefaultValue("PT1M") Duration refreshInterval,
        @DefaultValue("500") int refreshPageSize,
        @DefaultValue("8") int emitThreads) {

    public SegmentProperties {
        if (refreshInterval == null || refreshInterval.isNegative() || refreshInterval.isZero()) {
            throw new IllegalArgumentException("wayfarer.segments.refresh-interval must be > 0, got "
                    + refreshInterval);
        }
        if (refreshPageSize < 1 || refreshPageSize > 10_000) {
            throw new IllegalArgumentException("wayfarer.segments.refresh-page-size must be 1..10000, got "
                    + refreshPageSize);
        }
        if (emitThreads < 1 || emitThreads > 256) {
            throw new IllegalArgumentException("wayfarer.segments.emit-threads must be 1..256, got " + emitThreads);
        }
    }
}
