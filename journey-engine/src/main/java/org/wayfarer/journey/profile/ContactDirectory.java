package org.wayfarer.journey.profile;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.wayfarer.journey.contact.Contact;
import org.wayfarer.journey.contact.ContactNotFoundException;
import org.wayfarer.journey.contact.ContactStore;
import org.wayfarer.journey.dispatch.Outbox;
import org.wayfarer.journey.dispatch.OutboxMessage;
import org.wayfarer.journey.event.ContactEvent;
import org.wayfarer.journey.event.EventLog;
import org.wayfarer.journey.event.Identity;
import org.wayfarer.journey.event.StoredEvent;
import org.wayfarer.journey.runtime.StepLog;
import org.wayfarer.journey.runtime.StepRecord;

/**
 * Read side of contacts for the admin API: look a contact up by identity, read its profile, and read its timeline of
 * events, journey steps and messages. Read-only and thread-safe. All methods are tenant-scoped: a contact of another
 * tenant is reported as {@link ContactNotFoundException} (or not found at all by identity).
 */
public final class ContactDirectory {

    /** Upper bound for one timeline page; each source is read up to this many rows. */
    public static final int MAX_TIMELINE_LIMIT = 500;

    /**
     * Newest first; at the same instant the later link of the chain event → step → message comes first, and then
     * the larger (later) id.
     */
    private static final Comparator<Ranked> NEWEST_FIRST = Comparator
            .comparing((Ranked r) -> r.entry().at())
            .thenComparing(r -> r.entry().kind())
            .thenComparingLong(Ranked::id)
            .reversed();

    private final ContactStore contacts;
    private final EventLog events;
    private final StepLog steps;
    private final Outbox outbox;

    public ContactDirectory(ContactStore contacts, EventLog events, StepLog steps, Outbox outbox) {
        this.contacts = Objects.requireNonNull(contacts, "contacts");
        this.events = Objects.requireNonNull(events, "events");
        this.steps = Objects.requireNonNull(steps, "steps");
        this.outbox = Objects.requireNonNull(outbox, "outbox");
    }

    /**
     * The contacts known by {@code identity}: empty or one element (identities are unique per tenant). A list so that
     * the answer keeps its shape if lookups by non-unique attributes are added.
     */
    public List<ContactView> findByIdentity(long tenantId, Identity identity) {
        Objects.requireNonNull(identity, "identity");
        Optional<Contact> found = contacts.findByIdentity(tenantId, identity);
        return found.map(contact -> List.of(view(contact))).orElseGet(List::of);
    }

    /** @throws ContactNotFoundException when the tenant has no such contact */
    public ContactView get(long tenantId, long contactId) {
        return view(load(tenantId, contactId));
    }

    /**
     * The contact's latest {@code limit} timeline entries, newest first, merged from the event log, the step log and
     * the outbox.
     *
     * @param limit 1 to {@link #MAX_TIMELINE_LIMIT}
     * @throws ContactNotFoundException when the tenant has no such contact
     * @throws IllegalArgumentException when {@code limit} is out of range
     */
    public List<TimelineEntry> timeline(long tenantId, long contactId, int limit) {
        if (limit < 1 || limit > MAX_TIMELINE_LIMIT) {
            throw new IllegalArgumentException("limit must be between 1 and " + MAX_TIMELINE_LIMIT);
        }
        load(tenantId, contactId);
        // Each source is already newest first, so the newest `limit` of the merge are among the newest `limit` of each.
        List<Ranked> merged = new ArrayList<>();
        for (StoredEvent stored : events.timeline(tenantId, contactId, limit)) {
            merged.add(new Ranked(stored.id(), eventEntry(stored)));
        }
        for (StepRecord step : steps.forContact(tenantId, contactId, limit)) {
            merged.add(new Ranked(step.id(), new TimelineEntry.StepEntry(step.at(), step.instanceId(),
                    step.journeyId(), step.journeyVersion(), step.nodeId(), step.outcome(), step.detail())));
        }
        for (OutboxMessage message : outbox.forContact(tenantId, contactId, limit)) {
            merged.add(new Ranked(message.id(), new TimelineEntry.MessageEntry(message.createdAt(), message.id(),
                    message.journeyId(), message.nodeId(), message.channel(), message.account(), message.status(),
                    message.errorCode(), message.errorMessage(), message.updatedAt())));
        }
        merged.sort(NEWEST_FIRST);
        List<TimelineEntry> page = new ArrayList<>(Math.min(limit, merged.size()));
        for (Ranked ranked : merged.subList(0, Math.min(limit, merged.size()))) {
            page.add(ranked.entry());
        }
        return page;
    }

    private Contact load(long tenantId, long contactId) {
        return contacts.find(tenantId, contactId).orElseThrow(() -> new ContactNotFoundException(contactId));
    }

    private ContactView view(Contact contact) {
        return new ContactView(contact.id(), contact.attributes(), contacts.identities(contact.tenantId(), contact.id()),
                contact.createdAt(), contact.updatedAt());
    }

    private static TimelineEntry eventEntry(StoredEvent stored) {
        ContactEvent event = stored.event();
        return new TimelineEntry.EventEntry(event.occurredAt(), stored.id(), event.type(), event.source(),
                event.properties());
    }

    private record Ranked(long id, TimelineEntry entry) {
    }
}
