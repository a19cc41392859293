package org.wayfarer.journey.runtime;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wayfarer.journey.contact.Contact;
import org.wayfarer.journey.definition.JourneyDefinition;
import org.wayfarer.journey.definition.Node;
import org.wayfarer.journey.definition.WaitForNode;
import org.wayfarer.journey.definition.WaitNode;
import org.wayfarer.journey.definition.WebhookNode;
import org.wayfarer.journey.event.StoredEvent;
import org.wayfarer.journey.runtime.InstanceStore.DueWakeup;

/**
 * Resumes a waiting instance whose timer is due, against the batch's in-memory state. Safe to repeat: an instance
 * that is no longer waiting (an event in the same batch ended it, or another node resumed it), or not yet due, is
 * left alone; the batch's versioned write rejects a concurrent writer. Also records a wake-up that failed on its
 * own: a retry later, or the instance's {@link InstanceStatus#FAILED} end.
 */
public final class WakeupProcessor {

    /** End reason of an instance whose wake-up failed on every attempt. */
    public static final String WAKEUP_FAILED = "wakeup-failed";

    private static final Logger log = LoggerFactory.getLogger(WakeupProcessor.class);

    private final Engine engine;
    private final PausedInstances paused;

    public WakeupProcessor(Engine engine) {
        this.engine = engine;
        this.paused = new PausedInstances(engine);
    }

    /**
     * The paused journeys among those of the batch's woken instances, confirmed before any of them runs (see
     * {@link PausedInstances#confirmPaused}); empty, reading nothing, when no journey is paused.
     */
    Set<Long> pausedJourneys(List<DueWakeup> wakeups, Batch batch) {
        return paused.confirmPaused(wakeups, batch);
    }

    /**
     * Resumes the instance at the wait's next node, or holds its timer when its journey is one of {@code paused}
     * ({@link #pausedJourneys}).
     */
    void resume(DueWakeup wakeup, Batch batch, Set<Long> pausedJourneys) {
        Optional<JourneyInstance> found = batch.instance(wakeup.contactId(), wakeup.instanceId());
        if (found.isEmpty() || found.get().status() != InstanceStatus.WAITING || found.get().wakeAt() == null
                || found.get().wakeAt().isAfter(batch.now())) {
            log.debug("instance {} is not due any more; wake-up ignored", wakeup.instanceId());
            return;
        }
        JourneyInstance instance = found.get();
        if (pausedJourneys.contains(instance.journeyId()) && paused.hold(instance, batch)) {
            log.debug("instance {} belongs to a paused journey; its timer is held", instance.id());
            return;
        }
        JourneyDefinition definition = engine.published().definition(instance.tenantId(), instance.journeyId(),
                instance.journeyVersion());
        if (isScheduledEntry(instance)) {
            enterScheduled(instance, definition, batch);
            return;
        }
        Node waiting = timerNode(definition, instance);
        Contact contact = batch.contact(instance.contactId()).orElseThrow(() -> new IllegalStateException(
                "contact " + instance.contactId() + " of instance " + instance.id() + " does not exist"));
        StoredEvent trigger = batch.trigger(instance.triggerEventId()).orElseThrow(() -> new IllegalStateException(
                "trigger event " + instance.triggerEventId() + " of instance " + instance.id() + " does not exist"));
        Changes changes = batch.changes();
        boolean arrived = waiting instanceof WaitForNode && PausedInstances.arrivedWhilePaused(instance);
        engine.runner().step(changes, instance, arrived ? "CONTINUED" : timerOutcome(waiting),
                arrived ? "what it awaited arrived while the journey was paused" : "due " + instance.wakeAt(),
                batch.now());
        InstanceRunner.Run run = engine.run(batch, definition, Engine.facts(contact, trigger.event(), instance),
                instance.tenantId(), instance.contactId(), trigger.event().source());
        String next = arrived ? ((WaitForNode) waiting).next() : NodeBehaviours.afterTimer(waiting);
        batch.instanceChanged(engine.runner().run(instance, next, run, changes));
    }

    /**
     * The node {@code instance} is parked at, which must wait on a timer (a wait, a waitFor, a webhook call).
     *
     * @throws IllegalStateException when it does not
     */
    static Node timerNode(JourneyDefinition definition, JourneyInstance instance) {
        Node waiting = definition.node(instance.currentNode());
        if (!(waiting instanceof WaitNode) && !(waiting instanceof WaitForNode) && !(waiting instanceof WebhookNode)) {
            throw new IllegalStateException("instance " + instance.id() + " waits at node '" + instance.currentNode()
                    + "', which does not wait on a timer in version " + instance.journeyVersion());
        }
        return waiting;
    }

    /** The step a due timer records: {@code RESUMED} after a wait, {@code TIMED_OUT} for a waitFor or a webhook. */
    static String timerOutcome(Node waiting) {
        return waiting instanceof WaitNode ? "RESUMED" : "TIMED_OUT";
    }

    /**
     * A scheduled entry (a schedule fire or a date trigger inserted it waiting, due at its time, see
     * {@link #isScheduledEntry}) takes its first step: {@code ENTERED}, then the run from the node it waits at (the
     * start node, or where a migration moved it). Its {@code entered} counter was counted when it was inserted.
     */
    private void enterScheduled(JourneyInstance instance, JourneyDefinition definition, Batch batch) {
        Contact contact = batch.contact(instance.contactId()).orElseThrow(() -> new IllegalStateException(
                "contact " + instance.contactId() + " of instance " + instance.id() + " does not exist"));
        StoredEvent trigger = batch.trigger(instance.triggerEventId()).orElseThrow(() -> new IllegalStateException(
                "trigger event " + instance.triggerEventId() + " of instance " + instance.id() + " does not exist"));
        Changes changes = batch.changes();
        engine.runner().step(changes, instance, "ENTERED", trigger.event().type() + " due " + instance.wakeAt(),
                batch.now());
        InstanceRunner.Run run = engine.run(batch, definition, Engine.facts(contact, trigger.event(), instance),
                instance.tenantId(), instance.contactId(), trigger.event().source());
        batch.instanceChanged(engine.runner().run(instance, instance.currentNode(), run, changes));
    }

    /**
     * Whether a waiting instance is a scheduled entry that has not taken its first step: every other waiting instance
     * has taken at least one ({@code seq} counts steps, and a run counts its first before it can wait).
     */
    public static boolean isScheduledEntry(JourneyInstance instance) {
        return instance.status() == InstanceStatus.WAITING && instance.seq() == 0;
    }

    /**
     * Records, in the caller's transaction, that resuming {@code wakeup} failed: with {@code retryAt} the same wait is
     * due again then (nothing else of the instance changes); without it the instance ends FAILED, with its step and
     * the journey's {@code failed} counter. Only while the instance still waits on the timer that failed, under the
     * version read now; otherwise (resumed, ended or rescheduled meanwhile) nothing is written.
     *
     * @return whether the failure was recorded
     */
    boolean recordFailure(DueWakeup wakeup, int attempts, String error, Instant retryAt, Instant now) {
        Optional<JourneyInstance> found = engine.instances().find(wakeup.tenantId(), wakeup.instanceId());
        if (found.isEmpty() || found.get().status() != InstanceStatus.WAITING
                || !wakeup.wakeAt().equals(found.get().wakeAt())) {
            return false;
        }
        JourneyInstance instance = found.get();
        Changes changes = new Changes();
        JourneyInstance next = retryAt != null ? instance.withWakeAt(retryAt)
                : engine.runner().end(instance, InstanceStatus.FAILED, WAKEUP_FAILED, WAKEUP_FAILED + ": " + error,
                        now, changes);
        if (!engine.instances().recordWakeupFailure(next, attempts, error)) {
            return false;
        }
        changes.flushWithoutSends(engine.stepLog(), engine.counters());
        return true;
    }
}
