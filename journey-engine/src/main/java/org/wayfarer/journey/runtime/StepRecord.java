package org.wayfarer.journey.runtime;

import java.time.Instant;

/**
 * One line of an instance's step log.
 *
 * @param outcome e.g. {@code ENTERED}, {@code SENT_QUEUED}, {@code WAITING}, {@code BRANCHED}, {@code COMPLETED},
 *                {@code EXITED}, {@code FAILED} (a wake-up that failed on every attempt; the detail carries the error);
 *                the lifecycle's: {@code HELD} (a timer due while the journey is paused), {@code RESUMED_LATE} (it was
 *                released; the detail says how late and why), {@code CONTINUED} (an awaited event that arrived while
 *                paused), {@code MIGRATED} ({@code v1:wait -> v2:wait2})
 * @param detail  short human-readable detail, nullable
 */
public record StepRecord(long id, long tenantId, long instanceId, long journeyId, int journeyVersion, long contactId,
                         String nodeId, int seq, String outcome, String detail, Instant at) {
}
