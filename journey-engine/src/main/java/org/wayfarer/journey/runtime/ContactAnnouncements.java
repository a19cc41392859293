package org.wayfarer.journey.runtime;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.wayfarer.journey.IdGenerator;
import org.wayfarer.journey.event.ContactEvent;
import org.wayfarer.journey.event.EventLog;
import org.wayfarer.journey.event.EventTypes;
import org.wayfarer.journey.event.Identity;

/**
 * The events that announce a change to a contact, so attribute changes and tags trigger journeys, end waitFors and
 * count towards goals like any event: {@code contact.updated} with {@code changed} (the attribute names),
 * {@code contact.tagged} and {@code contact.untagged} with {@code tag}. Their source is {@value #SOURCE}; each dedupe
 * key is the change's cause plus what it announces, so a batch that is re-run announces nothing twice.
 */
final class ContactAnnouncements {

    /** The source of events the engine itself emits. */
    static final String SOURCE = "journey";

    private ContactAnnouncements() {
    }

    /**
     * @param identity  one of the contact's identities (events name their contact by identity)
     * @param cause     unique per change, e.g. {@code i:<instance>:<seq>} for an update node's step
     * @param partition the contact's partition, where its events are processed in order
     */
    static List<EventLog.NewEvent> of(ContactChange change, Identity identity, String cause, Instant now,
                                      IdGenerator ids, int partition) {
        long tenantId = change.after().tenantId();
        long contactId = change.after().id();
        List<EventLog.NewEvent> events = new ArrayList<>();
        if (!change.changed().isEmpty()) {
            events.add(new EventLog.NewEvent(ids.nextId(), new ContactEvent(tenantId, SOURCE, cause + ":updated",
                    EventTypes.CONTACT_UPDATED, identity, null, now, Map.of("changed", change.changed()), Map.of()),
                    contactId, partition));
        }
        for (String tag : new TreeSet<>(change.tagged())) {
            events.add(tagEvent(ids, tenantId, cause + ":tagged:" + tag, EventTypes.CONTACT_TAGGED, tag, identity,
                    now, contactId, partition));
        }
        for (String tag : new TreeSet<>(change.untagged())) {
            events.add(tagEvent(ids, tenantId, cause + ":untagged:" + tag, EventTypes.CONTACT_UNTAGGED, tag,
                    identity, now, contactId, partition));
        }
        return events;
    }

    private static EventLog.NewEvent tagEvent(IdGenerator ids, long tenantId, String dedupeKey, String type,
                                              String tag, Identity identity, Instant now, long contactId,
                                              int partition) {
        return new EventLog.NewEvent(ids.nextId(), new ContactEvent(tenantId, SOURCE, dedupeKey, type, identity,
                null, now, Map.of("tag", tag), Map.of()), contactId, partition);
    }
}
