package org.wayfarer.journey.runtime;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.wayfarer.journey.StaleDataException;
import org.wayfarer.journey.dispatch.Outbox;
import org.wayfarer.journey.dispatch.OutboxMessage;
import org.wayfarer.journey.dispatch.OutboxStatus;
import org.wayfarer.journey.dispatch.QueuedSends;
import org.wayfarer.journey.dispatch.SendHandoff;
import org.wayfarer.journey.stats.CounterDelta;
import org.wayfarer.journey.stats.JourneyCounters;

/**
 * The writes one processing transaction makes besides instance rows: step log lines, counter increments, outbox
 * rows, and deferred outbox rows a higher-priority send displaced, collected while steps run and flushed together
 * (batched) just before commit.
 */
final class Changes {

    private final List<StepRecord> steps = new ArrayList<>();
    private final List<CounterDelta> counters = new ArrayList<>();
    private final List<OutboxMessage> outbox = new ArrayList<>();
    private final Map<Long, Displacement> displaced = new LinkedHashMap<>();

    /**
     * A stored deferred row due at {@code from} (as read) moved to {@code to}, or withdrawn ({@code to} null) with
     * {@code reason}.
     */
    private record Displacement(long id, Instant from, Instant to, String reason, Instant at) {
    }

    void step(StepRecord step) {
        steps.add(step);
    }

    void count(CounterDelta delta) {
        counters.add(delta);
    }

    void send(OutboxMessage message) {
        outbox.add(message);
    }

    /**
     * Moves a deferred send to {@code to}: the queued message itself when it is one of this transaction's, else its
     * stored row at flush (conditional on the row being as read).
     */
    void postpone(OutboxMessage message, Instant to, Instant now) {
        int queued = queuedIndex(message.id());
        if (queued >= 0) {
            outbox.set(queued, as(outbox.get(queued), OutboxStatus.PENDING, to));
        } else {
            displaced.put(message.id(), new Displacement(message.id(), storedSlot(message), to, null, now));
        }
    }

    /** Withdraws a deferred send: a queued one is not written at all, a stored one becomes DROPPED at flush. */
    void withdraw(OutboxMessage message, String reason, Instant now) {
        int queued = queuedIndex(message.id());
        if (queued >= 0) {
            outbox.remove(queued);
        } else {
            displaced.put(message.id(), new Displacement(message.id(), storedSlot(message), null, reason, now));
        }
    }

    /** The contact's sends as they stand in this transaction: {@code stored} as displaced here, then those queued. */
    List<OutboxMessage> onRecord(List<OutboxMessage> stored, long contactId) {
        List<OutboxMessage> all = new ArrayList<>(stored.size());
        for (OutboxMessage message : stored) {
            Displacement moved = displaced.get(message.id());
            all.add(moved == null ? message : moved.to() == null ? as(message, OutboxStatus.DROPPED, moved.from())
                    : as(message, OutboxStatus.PENDING, moved.to()));
        }
        all.addAll(queuedFor(contactId));
        return all;
    }

    /** The slot the stored row has: the one first read, also when this transaction moved it already. */
    private Instant storedSlot(OutboxMessage message) {
        Displacement earlier = displaced.get(message.id());
        return earlier != null ? earlier.from() : message.nextAttemptAt();
    }

    private int queuedIndex(long id) {
        for (int i = 0; i < outbox.size(); i++) {
            if (outbox.get(i).id() == id) {
                return i;
            }
        }
        return -1;
    }

    private static OutboxMessage as(OutboxMessage m, OutboxStatus status, Instant nextAttemptAt) {
        return new OutboxMessage(m.id(), m.tenantId(), m.instanceId(), m.journeyId(), m.nodeId(), m.seq(),
                m.contactId(), m.channel(), m.account(), m.recipient(), m.message(), status, m.attempts(),
                nextAttemptAt, m.providerMessageId(), m.errorCode(), m.errorMessage(), m.createdAt(), m.updatedAt());
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
        displaced.putAll(other.displaced);
    }

    /** Writes steps and counters of a change that queues no send (a wake-up's failure). */
    void flushWithoutSends(StepLog stepLog, JourneyCounters journeyCounters) {
        if (!outbox.isEmpty() || !displaced.isEmpty()) {
            throw new IllegalStateException(outbox.size() + displaced.size() + " sends queued or displaced where"
                    + " none can be: flush them with a SendHandoff");
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
        writeDisplaced(outboxStore);
        if (outbox.isEmpty()) {
            return;
        }
        QueuedSends sends = handoff.split(List.copyOf(outbox));
        split.accept(sends);
        outboxStore.insert(sends.pending());
        outboxStore.insertLeased(sends.leased());
    }

    /** A row claimed since it was read fails the transaction, which then runs again on what the table holds. */
    private void writeDisplaced(Outbox outboxStore) {
        for (Displacement d : displaced.values()) {
            boolean done = d.to() != null ? outboxStore.postpone(d.id(), d.from(), d.to(), d.at())
                    : outboxStore.withdraw(d.id(), d.from(), d.reason(), d.at());
            if (!done) {
                throw new StaleDataException("deferred send " + d.id() + " was claimed while a send of higher"
                        + " priority took its slot");
            }
        }
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
