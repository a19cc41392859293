package org.wayfarer.journey.runtime;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wayfarer.journey.StaleDataException;
import org.wayfarer.journey.Transactions;
import org.wayfarer.journey.contact.Contact;
import org.wayfarer.journey.definition.JourneyDefinition;
import org.wayfarer.journey.definition.Node;
import org.wayfarer.journey.definition.WaitNode;
import org.wayfarer.journey.event.EventLog;
import org.wayfarer.journey.event.StoredEvent;
import org.wayfarer.journey.runtime.InstanceStore.DueWakeup;

/**
 * Resumes a waiting instance whose timer is due, under the contact's lock and in one transaction. Safe to repeat: an
 * instance that is no longer waiting, or not yet due, is left alone, and the version check rejects a concurrent
 * writer.
 */
public final class WakeupProcessor {

    private static final Logger log = LoggerFactory.getLogger(WakeupProcessor.class);

    private final Engine engine;
    private final EventLog events;
    private final ContactLocks locks;
    private final Transactions transactions;
    private final Consumer<List<Long>> dispatch;
    private final Clock clock;

    public WakeupProcessor(Engine engine, EventLog events, ContactLocks locks, Transactions transactions,
                           Consumer<List<Long>> dispatch, Clock clock) {
        this.engine = engine;
        this.events = events;
        this.locks = locks;
        this.transactions = transactions;
        this.dispatch = dispatch;
        this.clock = clock;
    }

    public void process(DueWakeup wakeup) {
        List<Long> queued;
        try {
            queued = locks.withLock(wakeup.tenantId(), wakeup.contactId(),
                    () -> transactions.inTransaction(() -> resume(wakeup)));
        } catch (StaleDataException e) {
            log.debug("instance {} changed while resuming; leaving it to its new owner", wakeup.instanceId());
            return;
        }
        if (!queued.isEmpty()) {
            dispatch.accept(queued);
        }
    }

    private List<Long> resume(DueWakeup wakeup) {
        Instant now = clock.instant();
        Optional<JourneyInstance> found = engine.instances().find(wakeup.tenantId(), wakeup.instanceId());
        if (found.isEmpty() || found.get().status() != InstanceStatus.WAITING || found.get().wakeAt() == null
                || found.get().wakeAt().isAfter(now)) {
            return List.of();
        }
        JourneyInstance instance = found.get();
        JourneyDefinition definition = engine.published().definition(instance.tenantId(), instance.journeyId(),
                instance.journeyVersion());
        Node waiting = definition.node(instance.currentNode());
        if (!(waiting instanceof WaitNode wait)) {
            throw new IllegalStateException("instance " + instance.id() + " waits at node '" + instance.currentNode()
                    + "', which is not a wait node in version " + instance.journeyVersion());
        }
        Contact contact = engine.contacts().find(instance.tenantId(), instance.contactId()).orElseThrow(() ->
                new IllegalStateException("contact " + instance.contactId() + " of instance " + instance.id()
                        + " does not exist"));
        StoredEvent trigger = events.find(instance.triggerEventId()).orElseThrow(() ->
                new IllegalStateException("trigger event " + instance.triggerEventId() + " of instance "
                        + instance.id() + " does not exist"));
        Changes changes = new Changes();
        engine.runner().step(changes, instance, "RESUMED", "due " + instance.wakeAt(), now);
        InstanceRunner.Run run = new InstanceRunner.Run(definition, Engine.facts(contact, trigger.event()),
                trigger.event().source(), now,
                () -> engine.contacts().identities(instance.tenantId(), instance.contactId()));
        JourneyInstance after = engine.runner().run(instance, wait.next(), run, changes);
        engine.instances().update(after);
        changes.flush(engine.stepLog(), engine.counters(), engine.outbox());
        return changes.outboxIds();
    }
}
