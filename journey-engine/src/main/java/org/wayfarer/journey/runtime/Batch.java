package org.wayfarer.journey.runtime;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import org.wayfarer.journey.StaleDataException;
import org.wayfarer.journey.contact.Contact;
import org.wayfarer.journey.contact.ContactStore;
import org.wayfarer.journey.dispatch.QueuedSends;
import org.wayfarer.journey.dispatch.SendHandoff;
import org.wayfarer.journey.event.EventLog;
import org.wayfarer.journey.event.Identity;
import org.wayfarer.journey.event.StoredEvent;

/**
 * What one processing transaction knows and will write: the batch's contacts, their instances and identities and
 * the trigger events of instances being resumed, all read in bulk up front and kept current in memory while the
 * events and wake-ups run, plus every write they decide, flushed at the end with multi-row statements. Confined to
 * the worker thread that runs the batch.
 */
final class Batch {

    private final Instant now;
    private final Map<Long, Contact> contacts;
    private final Map<Long, List<JourneyInstance>> instancesByContact = new HashMap<>();
    private final Map<Long, List<Identity>> identities;
    private final Map<Long, StoredEvent> triggers = new HashMap<>();
    private final Function<Long, Optional<StoredEvent>> loadTrigger;
    private final Map<Long, Contact> changedContacts = new LinkedHashMap<>();
    private final Map<Long, JourneyInstance> inserted = new LinkedHashMap<>();
    private final Map<Long, JourneyInstance> updated = new LinkedHashMap<>();
    private final List<Long> processedEvents = new ArrayList<>();
    private final List<ContactStore.Retag> retags = new ArrayList<>();
    private final List<EventLog.NewEvent> announced = new ArrayList<>();
    private final Map<String, EntryDecision> decisions = new LinkedHashMap<>();
    private final Engine engine;
    private final Changes changes = new Changes();

    /**
     * @param triggers    the triggers of instances known to resume (woken timers), read in bulk
     * @param loadTrigger reads any other trigger when an event resumes its instance (a waitFor that arrived)
     */
    Batch(Engine engine, Instant now, Map<Long, Contact> contacts, Collection<JourneyInstance> instances,
          Map<Long, List<Identity>> identities, Collection<StoredEvent> triggers,
          Function<Long, Optional<StoredEvent>> loadTrigger) {
        this.engine = engine;
        this.now = now;
        this.loadTrigger = loadTrigger;
        this.contacts = new HashMap<>(contacts);
        this.identities = identities;
        for (JourneyInstance instance : instances) {
            instancesByContact.computeIfAbsent(instance.contactId(), id -> new ArrayList<>()).add(instance);
        }
        for (StoredEvent trigger : triggers) {
            this.triggers.put(trigger.id(), trigger);
        }
    }

    Instant now() {
        return now;
    }

    Changes changes() {
        return changes;
    }

    Optional<Contact> contact(long contactId) {
        return Optional.ofNullable(contacts.get(contactId));
    }

    /**
     * Applies a change to the contact: its new state is written with the batch, its tag index follows, and unless
     * {@code cause} is null the change is announced as {@code contact.updated} / {@code contact.tagged} /
     * {@code contact.untagged} events (deduplicated under {@code cause}), processed after this batch like any event.
     */
    void contactChanged(ContactChange change, String cause) {
        if (change.isEmpty()) {
            return;
        }
        Contact contact = change.after();
        contacts.put(contact.id(), contact);
        changedContacts.put(contact.id(), contact);
        if (!change.tagged().isEmpty() || !change.untagged().isEmpty()) {
            retags.add(new ContactStore.Retag(contact.tenantId(), contact.id(), change.tagged(), change.untagged()));
        }
        List<Identity> known = identities(contact.id());
        if (cause != null && !known.isEmpty()) {
            announced.addAll(ContactAnnouncements.of(change, known.get(0), cause, now, engine.ids(),
                    engine.partitions().ofContact(contact.id())));
        }
    }

    /** An update node's change, made by {@code instance} at its current step. */
    ContactChange update(JourneyInstance instance, StepOutcome.Update update) {
        Contact before = contact(instance.contactId()).orElseThrow(() -> new IllegalStateException(
                "contact " + instance.contactId() + " of instance " + instance.id() + " does not exist"));
        ContactChange change = ContactChange.of(before, update.set(), update.unset(), update.addTags(),
                update.removeTags(), now);
        contactChanged(change, "i:" + instance.id() + ":" + instance.seq());
        return change;
    }

    /** The contact's live instances and the ended ones that still hold an entry key, in entry order. */
    List<JourneyInstance> instances(long contactId) {
        return instancesByContact.getOrDefault(contactId, List.of());
    }

    List<JourneyInstance> liveInstances(long contactId) {
        return instances(contactId).stream().filter(i -> i.status().isLive()).toList();
    }

    Optional<JourneyInstance> instance(long contactId, long instanceId) {
        return instances(contactId).stream().filter(i -> i.id() == instanceId).findFirst();
    }

    void entered(JourneyInstance instance) {
        instancesByContact.computeIfAbsent(instance.contactId(), id -> new ArrayList<>()).add(instance);
        inserted.put(instance.id(), instance);
    }

    /** How many events this batch announces (contact changes); they wait in the log for the next batch. */
    int announcedCount() {
        return announced.size();
    }

    /** Records an instance's new state; an instance entered in this batch is then inserted in that state. */
    void instanceChanged(JourneyInstance instance) {
        List<JourneyInstance> list = instancesByContact.get(instance.contactId());
        for (int i = 0; list != null && i < list.size(); i++) {
            if (list.get(i).id() == instance.id()) {
                list.set(i, instance);
            }
        }
        if (inserted.containsKey(instance.id())) {
            inserted.put(instance.id(), instance);
        } else {
            updated.put(instance.id(), instance);
        }
    }

    List<Identity> identities(long contactId) {
        return identities.getOrDefault(contactId, List.of());
    }

    Optional<StoredEvent> trigger(long eventId) {
        StoredEvent known = triggers.get(eventId);
        if (known != null) {
            return Optional.of(known);
        }
        Optional<StoredEvent> loaded = loadTrigger.apply(eventId);
        loaded.ifPresent(event -> triggers.put(eventId, event));
        return loaded;
    }

    void processed(long eventId) {
        processedEvents.add(eventId);
    }

    /**
     * Writes everything in the caller's transaction: processed marks first (the guard: an event another worker took
     * meanwhile fails the whole batch), then contacts, instances, steps, counters and outbox rows
     * (split by the handoff into rows leased here and rows claimed after the commit).
     *
     * @param split told how {@code handoff} split the outbox rows, before they are inserted
     */
    void flush(EventLog events, SendHandoff handoff, Consumer<QueuedSends> split) {
        if (!processedEvents.isEmpty() && events.markProcessed(processedEvents, now) != processedEvents.size()) {
            throw new StaleDataException("some events of this batch were processed elsewhere meanwhile");
        }
        if (!changedContacts.isEmpty()) {
            engine.contacts().updateAll(List.copyOf(changedContacts.values()));
        }
        if (!retags.isEmpty()) {
            engine.contacts().retagAll(retags, now);
        }
        if (!announced.isEmpty()) {
            events.appendAll(announced, now);
        }
        if (!inserted.isEmpty()) {
            engine.instances().insertAll(List.copyOf(inserted.values()));
        }
        if (!updated.isEmpty()) {
            engine.instances().updateAll(List.copyOf(updated.values()));
        }
        if (!decisions.isEmpty()) {
            engine.entryDecisions().record(List.copyOf(decisions.values()));
        }
        changes.flush(engine.stepLog(), engine.counters(), engine.outbox(), handoff, split);
    }

    /** Keeps why the contact did not enter the journey (the latest decision of the batch per contact and journey). */
    void notEntered(EntryDecision decision) {
        decisions.put(decision.contactId() + ":" + decision.journeyId(), decision);
    }
}
