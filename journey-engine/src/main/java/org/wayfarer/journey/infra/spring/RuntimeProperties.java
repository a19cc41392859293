package org.wayfarer.journey.infra.spring;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Batching of the runtime's hot path ({@code wayfarer.engine.runtime.*}). Defaults suit one embedded node on a small
 * machine; see the architecture document for what each stage does.
 *
 * @param intakeBatchSize       most events the intake writer stores in one commit
 * @param intakeMaxDelay        how long the intake writer waits for more events after the first of a batch
 * @param intakeQueue           events waiting for the intake writer before callers are refused
 * @param intakeTimeout         how long a callback waits for its event's commit
 * @param batchSize             most events (and most wake-ups) a partition processes in one transaction
 * @param wakeupQueue           due wake-ups a partition holds before the timing wheel keeps them back
 * @param maxEventAttempts      processing attempts before a failing event gives up as FAILED (a failing wake-up,
 *                              likewise, ends its instance FAILED)
 * @param eventRetryDelay       backoff after an event's (or a wake-up's) first failure, doubled after each further
 *                              one
 * @param maxEventRetryDelay    longest backoff between two attempts
 * @param timerHorizon          how far ahead timers are claimed into the in-memory timing wheel
 * @param timerClaimBatch       most timers claimed in one statement
 * @param timerCapacity         most timers held in the wheel at once
 * @param timerTick             how often the wheel hands due timers to the partitions (bounds timer lateness)
 * @param triggerRefresh        how often the trigger index checks for journeys published on other nodes
 */
@ConfigurationProperties("wayfarer.engine.runtime")
public record RuntimeProperties(
        @DefaultValue("256") int intakeBatchSize,
        @DefaultValue("1ms") Duration intakeMaxDelay,
        @DefaultValue("10000") int intakeQueue,
        @DefaultValue("10s") Duration intakeTimeout,
        @DefaultValue("256") int batchSize,
        @DefaultValue("4096") int wakeupQueue,
        @DefaultValue("5") int maxEventAttempts,
        @DefaultValue("1s") Duration eventRetryDelay,
        @DefaultValue("5m") Duration maxEventRetryDelay,
        @DefaultValue("2s") Duration timerHorizon,
        @DefaultValue("1000") int timerClaimBatch,
        @DefaultValue("20000") int timerCapacity,
        @DefaultValue("10ms") Duration timerTick,
        @DefaultValue("1s") Duration triggerRefresh) {
}
