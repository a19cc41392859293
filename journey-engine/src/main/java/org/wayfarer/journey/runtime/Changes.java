package org.wayfarer.journey.runtime;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.wayfarer.journey.dispatch.Outbox;
import org.wayfarer.journey.dispatch.OutboxMessage;
import org.wayfarer.journey.dispatch.QueuedSends;
import org.wayfarer.journey.dispatch.SendHandoff;
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

    /** The step log lines recorded so far, in order. */
    List<StepRecord> steps() {
        return List.copyOf(steps);
    }

    /** The sends queued so far, in order. */
    List<OutboxMessage> sends() {
        return List.copyOf(outbox);
    }

    /** The sends queued so far for the contact (not written yet). */
    List<OutboxMessage> queuedFor(long contactId) {
        return outbox.stream().filter(m -> m.contactId() == contactId).toList();
    }

    void addAll(Changes other) {
        steps.addAll(other.steps);
        counters.addAll(other.counters);
        outbox.addAll(other.outbox);
    }

    /** Writes steps and counters of a change that queues no send (a wake-up's failure). */
    void flushWithoutSends(StepLog stepLog, JourneyCounters journeyCounters) {
        if (!outbox.isEmpty()) {
            throw new IllegalStateException(outbox.size() + " sends queued where none can be: flush them with a"
                    + " SendHandoff");
        }
        writeLogs(stepLog, journeyCounters);
    }

    /**
     * Writes steps and counters, then the outbox rows as {@code handoff} splits them; {@code split} learns the split
     * before the rows are inserted, so the caller can undo the split if the transaction fails from there on.
     */
    void flush(StepLog stepLog, JourneyCounters journeyCounters, Outbox outboxStore, SendHandoff handoff,
               Consumer<QueuedSends> split) {
        writeLogs(stepLog, journeyCounters);
        if (outbox.isEmpty()) {
            return;
        }
        QueuedSends sends = handoff.split(List.copyOf(outbox));
        split.accept(sends);
        outboxStore.insert(sends.pending());
        outboxStore.insertLeased(sends.leased());
    }

    private void writeLogs(StepLog stepLog, JourneyCounters journeyCounters) {
        if (!steps.isEmpty()) {
            stepLog.append(steps);
        }
        if (!counters.isEmpty()) {
            journeyCounters.increment(counters);
        }
    }
}
