package org.wayfarer.journey.runtime;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wayfarer.journey.definition.Facts;
import org.wayfarer.journey.definition.WaitForNode;
import org.wayfarer.journey.event.ContactEvent;
import org.wayfarer.journey.runtime.InstanceStore.DueWakeup;

/**
 * What the wake-up and event paths do for an instance of a paused journey (docs/adr/0009). A due timer is held: the
 * instance is parked with its wake-up time kept aside, and the journey's resume puts it back. An awaited event (or a
 * waitFor condition met) is remembered: the instance notes that it arrived, with the event as {@code waited.<node>},
 * and its timer is set to the arrival, due at once; that timer is then held like any other, and when it fires after
 * the resume the instance goes on at the waitFor's {@code next}, not its {@code timeoutNext}. So "continue when
 * resumed" needs no mechanism of its own. Stateless apart from the engine; called on the worker running the batch.
 */
final class PausedInstances {

    /** Context scope and name of the seq at which an awaited event arrived while paused. */
    static final String SCOPE = "lifecycle";
    static final String ARRIVED = "arrivedWhilePaused";

    private static final Logger log = LoggerFactory.getLogger(PausedInstances.class);

    private final Engine engine;

    PausedInstances(Engine engine) {
        this.engine = engine;
    }

    /**
     * Which of the journeys of the batch's woken instances are paused, confirmed under their row locks (held until the
     * batch commits) so that a resume that commits first lets the wake-ups run, and one that commits later finds their
     * timers held. Reads nothing unless the in-memory set names one of them; the locks are taken one journey at a time
     * in ascending id order, before the batch writes anything, so two batches never wait for each other's locks in
     * a circle.
     */
    Set<Long> confirmPaused(List<DueWakeup> wakeups, Batch batch) {
        PausedJourneys paused = engine.published().paused();
        if (wakeups.isEmpty() || paused.none()) {
            return Set.of();
        }
        Map<Long, Long> tenantOfJourney = new TreeMap<>();
        for (DueWakeup wakeup : wakeups) {
            batch.instance(wakeup.contactId(), wakeup.instanceId())
                    .filter(i -> paused.isPaused(i.journeyId()))
                    .ifPresent(i -> tenantOfJourney.put(i.journeyId(), i.tenantId()));
        }
        Set<Long> confirmed = new HashSet<>();
        tenantOfJourney.forEach((journeyId, tenantId) -> {
            if (paused.confirmPaused(tenantId, journeyId)) {
                confirmed.add(journeyId);
            }
        });
        return confirmed;
    }

    /**
     * Holds the due timer of an instance of a confirmed paused journey ({@link #confirmPaused}): true when the
     * wake-up must not run (held now, or the instance changed meanwhile).
     */
    boolean hold(JourneyInstance instance, Batch batch) {
        if (engine.instances().hold(instance)) {
            engine.runner().step(batch.changes(), instance, "HELD", "due " + instance.wakeAt()
                    + "; held while the journey is paused", batch.now());
        } else {
            log.debug("instance {} changed before its timer could be held", instance.id());
        }
        return true;
    }

    /**
     * Remembers that what {@code waitFor} awaits arrived while the journey is paused; the instance goes on when the
     * journey is resumed. The first arrival wins; an arrival after the waitFor's timeout fell due (held or not) changes
     * nothing, as after any timeout.
     */
    static void arrived(Engine engine, JourneyInstance instance, WaitForNode waitFor, ContactEvent event, Facts facts,
                        Batch batch) {
        Instant now = batch.now();
        boolean timedOut = waitFor.timeout() != null
                && (instance.wakeAt() == null || !instance.wakeAt().isAfter(now));
        if (arrivedWhilePaused(instance) || timedOut) {
            return;
        }
        JourneyInstance remembered = (waitFor.event() == null ? instance
                : instance.remembering(Engine.WAITED, waitFor.id(), facts.event()))
                .remembering(SCOPE, ARRIVED, instance.seq()).waitingUntil(now, now);
        engine.runner().step(batch.changes(), remembered, waitFor.event() != null ? "EVENT_ARRIVED" : "CONDITION_MET",
                event.type() + " while the journey is paused; goes on when it is resumed", now);
        batch.instanceChanged(remembered);
    }

    /** Whether what the instance's waitFor awaits arrived while its journey was paused (at its current step). */
    static boolean arrivedWhilePaused(JourneyInstance instance) {
        return instance.scope(SCOPE).get(ARRIVED) instanceof Number seq && seq.intValue() == instance.seq();
    }
}
