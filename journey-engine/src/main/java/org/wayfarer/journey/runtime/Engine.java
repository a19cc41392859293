package org.wayfarer.journey.runtime;

import java.util.HashMap;
import java.util.Map;
import org.wayfarer.journey.IdGenerator;
import org.wayfarer.journey.contact.Contact;
import org.wayfarer.journey.contact.ContactStore;
import org.wayfarer.journey.definition.Facts;
import org.wayfarer.journey.dispatch.Outbox;
import org.wayfarer.journey.event.ContactEvent;
import org.wayfarer.journey.event.EventLog;
import org.wayfarer.journey.stats.JourneyCounters;

/** The stores and collaborators the event and wake-up processors share. */
public record Engine(ContactStore contacts, InstanceStore instances, EventLog events, StepLog stepLog, JourneyCounters counters,
                     Outbox outbox, PublishedJourneys published, InstanceRunner runner, IdGenerator ids) {

    /** What conditions and templates see: {@code contact.id}, {@code contact.attributes}, event properties + meta. */
    static Facts facts(Contact contact, ContactEvent event) {
        Map<String, Object> contactView = Map.of("id", contact.id(), "attributes", contact.attributes());
        Map<String, Object> eventView = new HashMap<>(event.properties());
        eventView.put("type", event.type());
        eventView.put("source", event.source());
        eventView.put("occurredAt", event.occurredAt().toString());
        return new Facts(contactView, eventView);
    }

    /** Where the sends of one run for this contact go (see {@link Recipients}); reads nothing until asked. */
    Recipients recipients(Batch batch, long tenantId, long contactId, String triggerSource) {
        return new Recipients(() -> batch.identities(contactId), triggerSource,
                kind -> events.lastNamespace(tenantId, contactId, kind));
    }
}
