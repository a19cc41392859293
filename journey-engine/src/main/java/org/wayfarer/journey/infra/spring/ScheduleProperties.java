package org.wayfarer.journey.infra.spring;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Timed triggers ({@code wayfarer.schedules.*}, docs/adr/0011).
 *
 * @param pollInterval pause between two polls for due fires (and syncs of the schedule rows with the published
 *                     journeys); a fire starts at most this late
 * @param pageSize     contacts entered per commit of a fire
 * @param lease        how long a fire is a node's without a page committed; another node takes it over after that
 * @param dateWindow   the window of entry times one date sweep covers (each sweep scans the candidate contacts once)
 * @param dateLead     how long before its window a date sweep runs, so its contacts wait, due, before their time
 * @param dateCatchUp  how far back a late date sweep (after an outage or a pause) still enters contacts
 * @param firstStepsPerSecond how fast a schedule fire releases its contacts' first steps (all enter at the fire
 *                     time; the n-th first step is due n / rate seconds later); 0 releases them all at once
 */
@ConfigurationProperties("wayfarer.schedules")
public record ScheduleProperties(
        @DefaultValue("1s") Duration pollInterval,
        @DefaultValue("5000") int pageSize,
        @DefaultValue("60s") Duration lease,
        @DefaultValue("1h") Duration dateWindow,
        @DefaultValue("10m") Duration dateLead,
        @DefaultValue("1d") Duration dateCatchUp,
        @DefaultValue("500") int firstStepsPerSecond) {

    public ScheduleProperties {
        if (pollInterval == null || pollInterval.isNegative() || pollInterval.isZero()) {
            throw new IllegalArgumentException("wayfarer.schedules.poll-interval must be > 0, got " + pollInterval);
        }
        if (pageSize < 1 || pageSize > 50_000) {
            throw new IllegalArgumentException("wayfarer.schedules.page-size must be 1..50000, got " + pageSize);
        }
        if (firstStepsPerSecond < 0) {
            throw new IllegalArgumentException("wayfarer.schedules.first-steps-per-second must be >= 0, got "
                    + firstStepsPerSecond);
        }
    }
}
