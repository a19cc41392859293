package org.wayfarer.journey.runtime;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wayfarer.journey.contact.Contact;
import org.wayfarer.journey.definition.Facts;
import org.wayfarer.journey.definition.JourneyDefinition;
import org.wayfarer.journey.definition.WaitForNode;
import org.wayfarer.journey.event.ContactEvent;
import org.wayfarer.journey.event.EventTypes;
import org.wayfarer.journey.event.StoredEvent;
import org.wayfarer.journey.stats.CounterDelta;
import org.wayfarer.journey.stats.JourneyStatistics;

/**
 * What one contact event does, decided against the batch's in-memory state: merge synced attributes into the
 * contact, deliver the event to the contact's live instances (exit criteria, then goals), enter the published
 * journeys whose trigger matches (entry policy checked against the instances the batch read), and run their steps.
 * Every write goes into the {@link Batch}; nothing here touches the database, so a batch of a thousand events costs
 * the same few statements as one.
 */
public final class ContactEventProcessor {

    private static final Logger log = LoggerFactory.getLogger(ContactEventProcessor.class);

    private final Engine engine;

    public ContactEventProcessor(Engine engine) {
        this.engine = engine;
    }

    void handle(StoredEvent stored, Batch batch) {
        ContactEvent event = stored.event();
        long contactId = stored.contactId();
        Contact contact = batch.contact(contactId).orElseThrow(() -> new IllegalStateException(
                "contact " + contactId + " of event " + stored.id() + " does not exist"));
        if (contact.tenantId() != event.tenantId()) {
            throw new IllegalStateException("event " + stored.id() + " of tenant " + event.tenantId()
                    + " names contact " + contactId + " of another tenant");
        }
        batch.processed(stored.id());
        Instant now = batch.now();
        Facts facts;
        if (event.attributes().isEmpty()) {
            facts = Engine.facts(contact, event);
        } else {
            ContactChange change = ContactChange.merging(contact, event.attributes(), now);
            contact = change.after();
            // a contact.updated event announces its own change (its changed names are added to what journeys see);
            // any other event that carries attributes (a form, a member sync) is followed by a contact.updated
            boolean announcesItself = EventTypes.CONTACT_UPDATED.equals(event.type());
            batch.contactChanged(change, announcesItself ? null : "e:" + stored.id());
            facts = Engine.facts(contact, event);
            if (announcesItself && !facts.event().containsKey("changed")) {
                Map<String, Object> eventView = new HashMap<>(facts.event());
                eventView.put("changed", change.changed());
                facts = new Facts(facts.contact(), eventView);
            }
        }
        for (JourneyInstance instance : batch.liveInstances(contactId)) {
            deliver(instance, event, facts, batch);
        }
        for (PublishedJourneys.Candidate candidate : engine.published().acceptingFor(event.tenantId(), event.type())) {
            enter(candidate, stored, contactId, facts, batch);
        }
    }

    /** Exit criteria first (leaving wins over converting), then the goal, then the wait ({@link EventDelivery}). */
    private void deliver(JourneyInstance instance, ContactEvent event, Facts facts, Batch batch) {
        JourneyDefinition definition = engine.published().definition(instance.tenantId(), instance.journeyId(),
                instance.journeyVersion());
        Instant now = batch.now();
        apply(EventDelivery.of(definition, instance, event, facts, now), instance, event, facts, definition, batch);
    }

    private void apply(EventDelivery.Effect effect, JourneyInstance instance, ContactEvent event, Facts facts,
                       JourneyDefinition definition, Batch batch) {
        Instant now = batch.now();
        if (effect instanceof EventDelivery.Exits exits) {
            batch.instanceChanged(engine.runner().end(instance, InstanceStatus.EXITED, exits.reason(), now,
                    batch.changes()));
        } else if (effect instanceof EventDelivery.ReachesGoal) {
            countGoal(instance, now, batch);
            batch.instanceChanged(engine.runner().end(instance, InstanceStatus.COMPLETED, "goal", now,
                    batch.changes()));
        } else if (effect instanceof EventDelivery.Converts converts) {
            countGoal(instance, now, batch);
            engine.runner().step(batch.changes(), converts.converted(), "GOAL_REACHED", event.type(), now);
            batch.instanceChanged(converts.converted());
            apply(converts.then(), converts.converted(), event, facts, definition, batch);
        } else if (effect instanceof EventDelivery.Resumes resumes) {
            if (resumes.parked() instanceof WaitForNode waitFor
                    && engine.published().paused().isPaused(instance.journeyId())) {
                PausedInstances.arrived(engine, instance, waitFor, event, facts, batch);
                return;
            }
            resume(resumes.resumed(), resumes.outcome(), resumes.detail(), resumes.next(), definition, batch);
        }
    }

    private static void countGoal(JourneyInstance instance, Instant now, Batch batch) {
        batch.changes().count(new CounterDelta(instance.tenantId(), instance.journeyId(), instance.journeyVersion(),
                "", JourneyStatistics.GOAL, now, 1));
    }

    /**
     * Goes on from the node {@code instance} is parked at, from {@code next} on, after recording {@code outcome}; the
     * run sees the instance's own trigger as {@code event}, as every later node does.
     */
    private void resume(JourneyInstance instance, String outcome, String detail, String next,
                        JourneyDefinition definition, Batch batch) {
        StoredEvent trigger = batch.trigger(instance.triggerEventId()).orElseThrow(() -> new IllegalStateException(
                "trigger event " + instance.triggerEventId() + " of instance " + instance.id() + " does not exist"));
        Changes changes = batch.changes();
        engine.runner().step(changes, instance, outcome, detail, batch.now());
        Contact contact = batch.contact(instance.contactId()).orElseThrow();
        InstanceRunner.Run run = engine.run(batch, definition, Engine.facts(contact, trigger.event(), instance),
                instance.tenantId(), instance.contactId(), trigger.event().source());
        batch.instanceChanged(engine.runner().run(instance, next, run, changes));
    }

    private void enter(PublishedJourneys.Candidate candidate, StoredEvent stored, long contactId, Facts facts,
                       Batch batch) {
        JourneyDefinition definition = candidate.definition();
        EventDelivery.Entry entry = EventDelivery.entry(definition, facts, stored.id());
        if (entry.key() == null) {
            notEntered(candidate, stored, contactId, entry.refused(), entry.detail(), batch);
            return;
        }
        String entryKey = entry.key();
        long journeyId = candidate.version().journeyId();
        // the batch read every live instance and every ended one that keeps its key (ONCE), so this is the
        // database's unique entry key, checked without a round trip
        boolean taken = batch.instances(contactId).stream()
                .anyMatch(i -> i.journeyId() == journeyId && i.entryKey().equals(entryKey));
        if (taken) {
            notEntered(candidate, stored, contactId, EntryDecision.Reason.ENTRY_POLICY,
                    definition.entry().policy() + (definition.entry().key() == null ? "" : " (entry key " + entryKey
                            + ")"), batch);
            return;
        }
        Instant last = tooSoon(definition, journeyId, contactId, batch);
        if (last != null) {
            notEntered(candidate, stored, contactId, EntryDecision.Reason.MIN_INTERVAL, "entered at " + last
                    + ", minInterval " + definition.entry().minInterval(), batch);
            return;
        }
        ContactEvent event = stored.event();
        Instant now = batch.now();
        JourneyInstance fresh = new JourneyInstance(engine.ids().nextId(), event.tenantId(), journeyId,
                candidate.version().version(), contactId, entryKey, stored.id(), InstanceStatus.ACTIVE,
                definition.start(), 0, null, now, now, null, null, 0);
        Changes changes = batch.changes();
        changes.count(new CounterDelta(event.tenantId(), journeyId, fresh.journeyVersion(), "", "entered", now, 1));
        engine.runner().step(changes, fresh, "ENTERED", event.type(), now);
        batch.entered(fresh);
        InstanceRunner.Run run = engine.run(batch, definition, facts, event.tenantId(), contactId, event.source());
        batch.instanceChanged(engine.runner().run(fresh, definition.start(), run, changes));
    }

    private static void notEntered(PublishedJourneys.Candidate candidate, StoredEvent stored, long contactId,
                                   EntryDecision.Reason reason, String detail, Batch batch) {
        batch.notEntered(new EntryDecision(stored.event().tenantId(), contactId, candidate.version().journeyId(),
                candidate.version().version(), stored.id(), stored.event().type(), reason, detail, batch.now()));
    }

    /**
     * The loop guard: with {@code entry.minInterval}, a contact that entered this journey less than that long ago
     * (an instance of this batch included) does not enter again. Reads the last entry only for such journeys.
     *
     * @return when the contact last entered if that is too recent, else null
     */
    private Instant tooSoon(JourneyDefinition definition, long journeyId, long contactId, Batch batch) {
        Duration minInterval = definition.entry().minInterval();
        if (minInterval == null) {
            return null;
        }
        // the store knows every committed entry; the batch, those it made itself
        Instant last = engine.instances().lastEntered(journeyId, contactId).orElse(null);
        for (JourneyInstance instance : batch.instances(contactId)) {
            if (instance.journeyId() == journeyId && (last == null || instance.enteredAt().isAfter(last))) {
                last = instance.enteredAt();
            }
        }
        boolean tooSoon = last != null && batch.now().isBefore(last.plus(minInterval));
        if (tooSoon) {
            log.debug("journey {}: contact {} entered at {}, within its minInterval {}; not entering", journeyId,
                    contactId, last, minInterval);
        }
        return tooSoon ? last : null;
    }
}
