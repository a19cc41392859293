package org.wayfarer.journey.stats;

import java.time.Instant;

/**
 * One increment of an analytics counter.
 *
 * @param nodeId empty string for journey-level metrics
 * @param metric {@code entered}, {@code completed}, {@code exited}, {@code failed} (journey level) or {@code entered}
 *               (node level)
 */
public record CounterDelta(long tenantId, long journeyId, String nodeId, String metric, Instant at, long amount) {
}
