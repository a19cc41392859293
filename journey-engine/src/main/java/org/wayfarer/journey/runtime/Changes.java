package org.wayfarer.journey.runtime;

import java.util.ArrayList;
import java.util.List;
import org.wayfarer.journey.dispatch.Outbox;
import org.wayfarer.journey.dispatch.OutboxMessage;
import org.wayfarer.journey.stats.CounterDelta;
import org.wayfarer.journey.stats.JourneyCounters;

/**
 * The writes one processing transaction makes besides instance rows: step log lines, counter increments and outbox
 * rows, collected while steps run and flushed together (batched) just before commit.
 */
final class Changes {

    private final List<StepRecord> steps = new ArrayList<>();
    private final List<CounterDelta> counters = new ArrayList<>();
    private final List<OutboxMessage> outbox = new ArrayList<>();

    void step(StepRecord step) {
        steps.add(step);
    }

    void count(CounterDelta delta) {
        counters.add(delta);
    }

    void send(OutboxMessage message) {
        outbox.add(message);
    }

    void addAll(Changes other) {
        steps.addAll(other.steps);
        counters.addAll(other.counters);
        outbox.addAll(other.outbox);
    }

    void flush(StepLog stepLog, JourneyCounters journeyCounters, Outbox outboxStore) {
        if (!steps.isEmpty()) {
            stepLog.append(steps);
        }
        if (!counters.isEmpty()) {
            journeyCounters.increment(counters);
        }
        if (!outbox.isEmpty()) {
            outboxStore.insert(outbox);
        }
    }

    /** The outbox messages queued, as inserted. */
    List<OutboxMessage> queued() {
        return List.copyOf(outbox);
    }
}
