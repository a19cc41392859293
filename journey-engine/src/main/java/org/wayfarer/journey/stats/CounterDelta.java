package org.wayfarer.journey.stats;

import java.time.Instant;

/**
 * One increment of an analytics counter.
 *
 * @param journeyVersion the version the counted instance runs on (analytics reconcile per version)
 * @param nodeId         empty string for journey-level metrics
 * @param metric         journey level: {@code entered}, {@code completed}, {@code exited}, {@code failed},
 *                       {@code goal}; node level: {@code entered}, the same three ends (the instance ended at this
 *                       node), {@code deferred}, {@code dropped}, {@code displaced}, {@code soldOut},
 *                       {@code path:<name>} on a split
 */
public record CounterDelta(long tenantId, long journeyId, int journeyVersion, String nodeId, String metric, Instant at,
                           long amount) {
}
