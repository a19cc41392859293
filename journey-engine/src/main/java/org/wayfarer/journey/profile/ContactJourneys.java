package org.wayfarer.journey.profile;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.wayfarer.journey.catalog.JourneyStatus;
import org.wayfarer.journey.catalog.JourneyStore;
import org.wayfarer.journey.catalog.StoredJourney;
import org.wayfarer.journey.contact.ContactNotFoundException;
import org.wayfarer.journey.contact.ContactStore;
import org.wayfarer.journey.runtime.EntryDecision;
import org.wayfarer.journey.runtime.EntryDecisions;

/**
 * A contact's place in the tenant's journeys: its instances with where each stands, and for every published journey
 * it is not in, why not (the latest entry decision the runtime recorded, or the journey's own state). Read-only,
 * thread-safe, tenant-scoped.
 */
public final class ContactJourneys {

    /** The most instances one answer lists. */
    public static final int MAX_INSTANCES = 200;

    private final ContactStore contacts;
    private final JourneyStore journeys;
    private final ContactInstances instances;
    private final EntryDecisions decisions;

    public ContactJourneys(ContactStore contacts, JourneyStore journeys, ContactInstances instances,
                           EntryDecisions decisions) {
        this.contacts = Objects.requireNonNull(contacts, "contacts");
        this.journeys = Objects.requireNonNull(journeys, "journeys");
        this.instances = Objects.requireNonNull(instances, "instances");
        this.decisions = Objects.requireNonNull(decisions, "decisions");
    }

    /** Why a published journey has no instance of the contact (or did not take it again). */
    public enum NotEnteredReason {
        /** The trigger's condition was false for the contact's event. */
        TRIGGER_FILTER_FALSE,
        /** The entry key expression gave null. */
        ENTRY_KEY_NULL,
        /** The entry policy refused a new instance (ONCE, or ONE_AT_A_TIME with one live). */
        ENTRY_POLICY,
        /** The loop guard (entry.minInterval) held the contact back. */
        MIN_INTERVAL,
        /** The journey is paused: it takes no entries. */
        PAUSED,
        /** The journey is stopped: it takes no entries. */
        STOPPED,
        /** No event of the journey's trigger has been seen for the contact while the journey took entries. */
        NO_TRIGGER_EVENT
    }

    /** A journey the contact is not in, or that did not take it again after its last instance. */
    public record NotEntered(StoredJourney journey, NotEnteredReason reason, EntryDecision decision) {
    }

    /** The contact's instances (newest first) with their journeys, and the journeys that did not take it. */
    public record View(List<Entered> instances, List<NotEntered> notEntered) {
    }

    /** An instance with its journey. */
    public record Entered(StoredJourney journey, ContactInstances.InstanceSummary instance) {
    }

    /** @throws ContactNotFoundException when the tenant has no such contact */
    public View of(long tenantId, long contactId) {
        contacts.find(tenantId, contactId).orElseThrow(() -> new ContactNotFoundException(contactId));
        Map<Long, StoredJourney> byId = new HashMap<>();
        journeys.list(tenantId).forEach(journey -> byId.put(journey.id(), journey));
        List<Entered> entered = new ArrayList<>();
        Map<Long, Instant> lastEntry = new HashMap<>();
        for (ContactInstances.InstanceSummary instance : instances.forContact(tenantId, contactId, MAX_INSTANCES)) {
            StoredJourney journey = byId.get(instance.journeyId());
            if (journey != null) {
                entered.add(new Entered(journey, instance));
                lastEntry.merge(instance.journeyId(), instance.enteredAt(), (a, b) -> a.isAfter(b) ? a : b);
            }
        }
        Map<Long, EntryDecision> latest = new HashMap<>();
        decisions.forContact(tenantId, contactId).forEach(d -> latest.putIfAbsent(d.journeyId(), d));
        List<NotEntered> notEntered = new ArrayList<>();
        for (StoredJourney journey : byId.values()) {
            if (journey.publishedVersion() == null || journey.status() == JourneyStatus.ARCHIVED) {
                continue;
            }
            EntryDecision decision = latest.get(journey.id());
            Instant last = lastEntry.get(journey.id());
            boolean decidedSince = decision != null && (last == null || decision.at().isAfter(last));
            if (last != null && !decidedSince) {
                continue;
            }
            NotEnteredReason reason = switch (journey.status()) {
                case PAUSED -> NotEnteredReason.PAUSED;
                case STOPPED -> NotEnteredReason.STOPPED;
                default -> decidedSince ? NotEnteredReason.valueOf(decision.reason().name())
                        : NotEnteredReason.NO_TRIGGER_EVENT;
            };
            notEntered.add(new NotEntered(journey, reason, decidedSince ? decision : null));
        }
        notEntered.sort((a, b) -> Long.compare(a.journey().id(), b.journey().id()));
        return new View(List.copyOf(entered), List.copyOf(notEntered));
    }
}
