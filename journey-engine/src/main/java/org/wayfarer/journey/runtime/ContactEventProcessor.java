package org.wayfarer.journey.runtime;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wayfarer.journey.Transactions;
import org.wayfarer.journey.contact.Contact;
import org.wayfarer.journey.contact.ContactResolver;
import org.wayfarer.journey.definition.EventCriterion;
import org.wayfarer.journey.definition.Expression;
import org.wayfarer.journey.definition.Facts;
import org.wayfarer.journey.definition.Goal;
import org.wayfarer.journey.definition.JourneyDefinition;
import org.wayfarer.journey.event.ContactEvent;
import org.wayfarer.journey.event.EventLog;
import org.wayfarer.journey.event.EventStatus;
import org.wayfarer.journey.event.StoredEvent;
import org.wayfarer.journey.stats.CounterDelta;

/**
 * Processes one contact event, exactly once: in ONE transaction resolve the contact and, under the contact's lock,
 * mark the event processed, merge synced attributes, deliver the event to the contact's live instances
 * (exit criteria, goals), enter published journeys whose trigger matches, run their steps, and write instances, step
 * log, counters and outbox rows. Sends are handed to the dispatcher only after commit.
 */
public final class ContactEventProcessor {

    private static final Logger log = LoggerFactory.getLogger(ContactEventProcessor.class);

    private final EventLog events;
    private final ContactResolver resolver;
    private final Engine engine;
    private final ContactLocks locks;
    private final Transactions transactions;
    private final Consumer<List<Long>> dispatch;
    private final Clock clock;

    public ContactEventProcessor(EventLog events, ContactResolver resolver, Engine engine, ContactLocks locks,
                                 Transactions transactions, Consumer<List<Long>> dispatch, Clock clock) {
        this.events = events;
        this.resolver = resolver;
        this.engine = engine;
        this.locks = locks;
        this.transactions = transactions;
        this.dispatch = dispatch;
        this.clock = clock;
    }

    /**
     * Processes a stored event if it is still pending (re-checked inside the transaction); a no-op for an event
     * another worker already processed.
     */
    public void process(StoredEvent stored) {
        if (stored.status() != EventStatus.PENDING) {
            return;
        }
        ContactEvent event = stored.event();
        // Resolving (for a first-time follower: creating) the contact joins the processing transaction, saving a
        // commit per new contact. Taking the contact lock after that write cannot deadlock: nobody else knows a new
        // contact's id yet, and resolving an existing contact only reads.
        List<Long> queued = transactions.inTransaction(() -> {
            ContactResolver.Resolved resolved = resolver.resolve(event);
            return locks.withLock(event.tenantId(), resolved.contact().id(), () -> handle(stored, resolved));
        });
        if (!queued.isEmpty()) {
            dispatch.accept(queued);
        }
    }

    private List<Long> handle(StoredEvent stored, ContactResolver.Resolved resolved) {
        Instant now = clock.instant();
        ContactEvent event = stored.event();
        long contactId = resolved.contact().id();
        if (!events.markProcessed(stored.id(), contactId, now)) {
            return List.of();
        }
        // A contact created just now is current; an existing one was read before its lock, so read it again.
        Contact contact = resolved.created() ? resolved.contact()
                : engine.contacts().find(event.tenantId(), contactId).orElseThrow(() -> new IllegalStateException(
                        "contact " + contactId + " vanished while processing event " + stored.id()));
        if (!event.attributes().isEmpty()) {
            contact = mergeAttributes(contact, event.attributes(), now);
        }
        Facts facts = Engine.facts(contact, event);
        Changes changes = new Changes();
        List<JourneyInstance> live = engine.instances().liveFor(event.tenantId(), contactId);
        for (JourneyInstance instance : live) {
            deliver(instance, event, facts, now, changes);
        }
        for (PublishedJourneys.Candidate candidate : engine.published().acceptingFor(event.tenantId(), event.type())) {
            enter(candidate, stored, contactId, facts, live, now, changes);
        }
        changes.flush(engine.stepLog(), engine.counters(), engine.outbox());
        return changes.outboxIds();
    }

    private Contact mergeAttributes(Contact contact, Map<String, Object> synced, Instant now) {
        Map<String, Object> merged = new HashMap<>(contact.attributes());
        merged.putAll(synced);
        Contact updated = new Contact(contact.id(), contact.tenantId(), merged, contact.createdAt(), now,
                contact.version());
        engine.contacts().update(updated);
        return new Contact(contact.id(), contact.tenantId(), merged, contact.createdAt(), now, contact.version() + 1);
    }

    /** Exit criteria first (leaving wins over converting), then the goal. */
    private void deliver(JourneyInstance instance, ContactEvent event, Facts facts, Instant now, Changes changes) {
        JourneyDefinition definition = engine.published().definition(instance.tenantId(), instance.journeyId(),
                instance.journeyVersion());
        for (EventCriterion criterion : definition.exitWhen()) {
            if (criterion.event().equals(event.type()) && holds(criterion.when(), facts)) {
                engine.instances().update(engine.runner().end(instance, InstanceStatus.EXITED,
                        "exit-when:" + event.type(), now, changes));
                return;
            }
        }
        Goal goal = definition.goal();
        if (goal != null && goal.event().equals(event.type()) && holds(goal.when(), facts)
                && (goal.within() == null || !now.isAfter(instance.enteredAt().plus(goal.within())))) {
            engine.instances().update(engine.runner().end(instance, InstanceStatus.COMPLETED, "goal", now, changes));
        }
    }

    private void enter(PublishedJourneys.Candidate candidate, StoredEvent stored, long contactId, Facts facts,
                       List<JourneyInstance> live, Instant now, Changes changes) {
        JourneyDefinition definition = candidate.definition();
        if (!holds(definition.trigger().when(), facts)) {
            return;
        }
        String key = null;
        if (definition.entry().key() != null) {
            Object value = safeEvaluate(definition.entry().key(), facts);
            if (value == null) {
                log.debug("journey {} entry key is null for event {}; not entering", definition.key(), stored.id());
                return;
            }
            key = String.valueOf(value);
        }
        String entryKey = EntryKeys.of(definition.entry().policy(), key, stored.id());
        long journeyId = candidate.version().journeyId();
        boolean alreadyLive = live.stream().anyMatch(i -> i.journeyId() == journeyId && i.status().isLive()
                && i.entryKey().equals(entryKey));
        if (alreadyLive) {
            return;
        }
        ContactEvent event = stored.event();
        JourneyInstance fresh = new JourneyInstance(engine.ids().nextId(), event.tenantId(), journeyId,
                candidate.version().version(), contactId, entryKey, stored.id(), InstanceStatus.ACTIVE,
                definition.start(), 0, null, now, now, null, null, 0);
        Changes local = new Changes();
        local.count(new CounterDelta(event.tenantId(), journeyId, "", "entered", now, 1));
        engine.runner().step(local, fresh, "ENTERED", event.type(), now);
        InstanceRunner.Run run = new InstanceRunner.Run(definition, facts, event.source(), now,
                () -> engine.contacts().identities(event.tenantId(), contactId));
        JourneyInstance after = engine.runner().run(fresh, definition.start(), run, local);
        if (engine.instances().insert(after)) {
            changes.addAll(local);
        }
    }

    /** An absent condition holds; one that fails to evaluate does not (it is logged, never fatal to the event). */
    private static boolean holds(Expression condition, Facts facts) {
        if (condition == null) {
            return true;
        }
        try {
            return condition.test(facts);
        } catch (RuntimeException e) {
            log.warn("condition failed, treated as false: {}", e.getMessage());
            return false;
        }
    }

    private static Object safeEvaluate(Expression expression, Facts facts) {
        try {
            return expression.evaluate(facts);
        } catch (RuntimeException e) {
            log.warn("entry key failed, not entering: {}", e.getMessage());
            return null;
        }
    }
}
