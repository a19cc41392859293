package org.wayfarer.journey.runtime;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.wayfarer.journey.IdGenerator;
import org.wayfarer.journey.contact.Contact;
import org.wayfarer.journey.contact.ContactStore;
import org.wayfarer.journey.coupon.CouponStock;
import org.wayfarer.journey.definition.Facts;
import org.wayfarer.journey.definition.JourneyDefinition;
import org.wayfarer.journey.dispatch.Outbox;
import org.wayfarer.journey.dispatch.OutboxMessage;
import org.wayfarer.journey.event.ContactEvent;
import org.wayfarer.journey.event.EventLog;
import org.wayfarer.journey.settings.TenantSettings;
import org.wayfarer.journey.stats.JourneyCounters;

/** The stores and collaborators the event and wake-up processors share. */
public record Engine(ContactStore contacts, InstanceStore instances, EventLog events, StepLog stepLog,
                     JourneyCounters counters, Outbox outbox, PublishedJourneys published, InstanceRunner runner,
                     IdGenerator ids, Partitions partitions, TenantSettings settings,
                     EntryDecisions entryDecisions, CouponStock couponStock) {

    /** What conditions and templates see: {@code contact.id}, {@code contact.attributes}, event properties + meta. */
    static Facts facts(Contact contact, ContactEvent event) {
        return new Facts(contactView(contact), eventView(event));
    }

    /** {@link #facts(Contact, ContactEvent)} plus what {@code instance} remembers ({@code waited}, {@code webhook}). */
    static Facts facts(Contact contact, ContactEvent trigger, JourneyInstance instance) {
        return new Facts(contactView(contact), eventView(trigger), instance.scope(WAITED), instance.scope(WEBHOOK));
    }

    /** The context scope of events awaited by waitFor nodes, by node id. */
    static final String WAITED = "waited";
    /** The context scope of webhook responses, by {@code saveAs}. */
    static final String WEBHOOK = "webhook";

    /** The contact as {@code contact} shows it: {@code id}, {@code attributes} and {@code tags} (sorted). */
    static Map<String, Object> contactView(Contact contact) {
        return Map.of("id", contact.id(), "attributes", contact.attributes(), "tags", List.copyOf(contact.tags()));
    }

    /** Everything a run of one of the batch's instances needs, from {@code facts} on. */
    InstanceRunner.Run run(Batch batch, JourneyDefinition definition, Facts facts, long tenantId, long contactId,
                           String triggerSource) {
        SendPlanner sends = new SendPlanner(settings.sendSettings(tenantId), definition.sendRules(),
                StepContext.zoneOf(facts), runner.calendar(tenantId), () -> batch.changes().onRecord(
                        outbox.forContact(tenantId, contactId, SendPlanner.HISTORY), contactId),
                message -> origin(batch, message));
        return new InstanceRunner.Run(definition, facts, batch.now(),
                recipients(batch, tenantId, contactId, triggerSource), batch::update, sends, couponStock);
    }

    /** The instance that queued a send and the definition it runs on, when both are still known. */
    private Optional<SendPlanner.Origin> origin(Batch batch, OutboxMessage message) {
        Optional<JourneyInstance> instance = batch.instance(message.contactId(), message.instanceId())
                .or(() -> instances.find(message.tenantId(), message.instanceId()));
        try {
            return instance.map(i -> new SendPlanner.Origin(i.journeyVersion(),
                    published.definition(i.tenantId(), i.journeyId(), i.journeyVersion())));
        } catch (IllegalStateException e) {
            return Optional.empty(); // its version is gone or no longer compiles: the send keeps its slot
        }
    }

    /** An event as {@code event} (and {@code waited.<node>}) shows it: its properties, type, source and time. */
    static Map<String, Object> eventView(ContactEvent event) {
        Map<String, Object> eventView = new HashMap<>(event.properties());
        eventView.put("type", event.type());
        eventView.put("source", event.source());
        eventView.put("occurredAt", event.occurredAt().toString());
        return eventView;
    }

    /** Where the sends of one run for this contact go (see {@link Recipients}); reads nothing until asked. */
    Recipients recipients(Batch batch, long tenantId, long contactId, String triggerSource) {
        return new Recipients(() -> batch.identities(contactId), triggerSource,
                kind -> events.lastNamespace(tenantId, contactId, kind));
    }
}
