package org.wayfarer.journey.catalog;

import java.time.Instant;

/**
 * A journey whose pause is not over: it is {@link JourneyStatus#PAUSED}, or it was resumed and the timers held during
 * the pause are not all released yet (a resume cut short).
 *
 * @param resumedAt null while paused
 */
public record Pause(long tenantId, long journeyId, JourneyStatus status, Instant pausedAt, Instant resumedAt) {

    /** Whether the journey is resumed and only the release of its held timers is left to do. */
    public boolean releasePending() {
        return status != JourneyStatus.PAUSED;
    }
}
