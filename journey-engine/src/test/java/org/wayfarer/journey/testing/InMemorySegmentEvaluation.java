package org.wayfarer.journey.testing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.wayfarer.journey.contact.Contact;
import org.wayfarer.journey.event.StoredEvent;
import org.wayfarer.journey.segment.SegmentEvaluation;
import org.wayfarer.journey.segment.SegmentFilter;

/**
 * {@link SegmentEvaluation} over the in-memory contact store (its tag index) and event log, for unit tests; the real
 * adapter is covered by the same contract. Reads everything on each call: fine for tests, not for millions.
 * Thread-safe.
 */
public final class InMemorySegmentEvaluation implements SegmentEvaluation {

    private final InMemoryContactStore contacts;
    private final InMemoryEventLog events;

    public InMemorySegmentEvaluation(InMemoryContactStore contacts, InMemoryEventLog events) {
        this.contacts = contacts;
        this.events = events;
    }

    @Override
    public List<Long> page(long tenantId, SegmentFilter filter, Instant now, long afterContactId, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be positive, was " + limit);
        }
        List<StoredEvent> log = events.all();
        List<Long> matched = new ArrayList<>();
        for (Contact contact : contacts.ofTenant(tenantId, afterContactId)) {
            if (filter.test(subject(contact, log, now)) && matched.size() < limit) {
                matched.add(contact.id());
            }
        }
        return matched;
    }

    @Override
    public long count(long tenantId, SegmentFilter filter, Instant now) {
        List<StoredEvent> log = events.all();
        return contacts.ofTenant(tenantId, 0).stream().filter(c -> filter.test(subject(c, log, now))).count();
    }

    private SegmentFilter.Subject subject(Contact contact, List<StoredEvent> log, Instant now) {
        return new SegmentFilter.Subject() {
            @Override
            public Map<String, Object> attributes() {
                return contact.attributes();
            }

            @Override
            public boolean holds(SegmentFilter condition) {
                if (condition instanceof SegmentFilter.Tag tag) {
                    return contacts.indexedTags(contact.id()).contains(tag.tag());
                }
                if (condition instanceof SegmentFilter.NotTag notTag) {
                    return !contacts.indexedTags(contact.id()).contains(notTag.tag());
                }
                SegmentFilter.Event event = (SegmentFilter.Event) condition;
                Instant from = now.minus(event.within());
                long count = log.stream().filter(e -> e.contactId() != null && e.contactId() == contact.id()
                        && e.event().type().equals(event.type()) && !e.event().occurredAt().isBefore(from)
                        && !e.event().occurredAt().isAfter(now)).count();
                return event.accepts(count);
            }
        };
    }
}
