package org.wayfarer.journey.contact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.wayfarer.journey.dispatch.Outbox;
import org.wayfarer.journey.dispatch.OutboxMessage;
import org.wayfarer.journey.dispatch.OutboxStatus;
import org.wayfarer.journey.event.ContactEvent;
import org.wayfarer.journey.event.EventLog;
import org.wayfarer.journey.event.EventStatus;
import org.wayfarer.journey.event.Identity;
import org.wayfarer.journey.event.IdentityKind;
import org.wayfarer.journey.event.IntakeResult;
import org.wayfarer.journey.event.StoredEvent;
import org.wayfarer.journey.runtime.StepLog;
import org.wayfarer.journey.runtime.StepRecord;

class ContactDirectoryTest {

    private static final long TENANT = 7;
    private static final long OTHER_TENANT = 8;
    private static final Instant T0 = Instant.parse("2026-03-01T08:00:00Z");
    private static final Identity OPENID = Identity.wechatOpenid("wxapp1", "o-alice");

    private final Contacts contacts = new Contacts();
    private final Events events = new Events();
    private final Steps steps = new Steps();
    private final Messages messages = new Messages();
    private final ContactDirectory directory = new ContactDirectory(contacts, events, steps, messages);

    @Test
    void findsContactByIdentityWithAllItsIdentities() {
        contacts.add(new Contact(11, TENANT, Map.of("name", "Alice"), T0, T0.plusSeconds(60), 3),
                OPENID, Identity.unionid("u-alice"));

        List<ContactView> found = directory.findByIdentity(TENANT, OPENID);

        assertThat(found).singleElement().satisfies(view -> {
            assertThat(view.id()).isEqualTo(11);
            assertThat(view.attributes()).containsEntry("name", "Alice");
            assertThat(view.identities()).containsExactly(OPENID, Identity.unionid("u-alice"));
            assertThat(view.createdAt()).isEqualTo(T0);
            assertThat(view.updatedAt()).isEqualTo(T0.plusSeconds(60));
        });
    }

    @Test
    void findsNothingForUnknownIdentityOrOtherTenant() {
        contacts.add(new Contact(11, TENANT, Map.of(), T0, T0, 0), OPENID);

        assertThat(directory.findByIdentity(TENANT, new Identity(IdentityKind.PHONE, "", "13800000000"))).isEmpty();
        assertThat(directory.findByIdentity(OTHER_TENANT, OPENID)).isEmpty();
    }

    @Test
    void hidesContactsOfOtherTenants() {
        contacts.add(new Contact(11, TENANT, Map.of(), T0, T0, 0), OPENID);

        assertThat(directory.get(TENANT, 11).id()).isEqualTo(11);
        assertThatThrownBy(() -> directory.get(OTHER_TENANT, 11)).isInstanceOf(ContactNotFoundException.class);
        assertThatThrownBy(() -> directory.timeline(OTHER_TENANT, 11, 10))
                .isInstanceOf(ContactNotFoundException.class);
    }

    @Test
    void mergesEventsStepsAndMessagesNewestFirst() {
        contacts.add(new Contact(11, TENANT, Map.of(), T0, T0, 0), OPENID);
        events.add(event(101, T0, "wechat.followed", Map.of("scene", "store_1")));
        steps.add(step(201, T0.plusSeconds(1), "welcome", "SENT_QUEUED"));
        messages.add(message(301, T0.plusSeconds(1), OutboxStatus.SENT));
        steps.add(step(202, T0.plusSeconds(2), "wait", "WAITING"));
        events.add(event(102, T0.plusSeconds(30), "wechat.menu_clicked", Map.of()));

        List<TimelineEntry> timeline = directory.timeline(TENANT, 11, 10);

        assertThat(timeline).extracting(TimelineEntry::kind).containsExactly(TimelineEntry.Kind.EVENT,
                TimelineEntry.Kind.STEP, TimelineEntry.Kind.MESSAGE, TimelineEntry.Kind.STEP,
                TimelineEntry.Kind.EVENT);
        assertThat(timeline.get(0)).isEqualTo(new TimelineEntry.EventEntry(T0.plusSeconds(30), 102,
                "wechat.menu_clicked", "wxapp1", Map.of()));
        assertThat(timeline.get(1)).isEqualTo(new TimelineEntry.StepEntry(T0.plusSeconds(2), 900, 50, 1, "wait",
                "WAITING", null));
        assertThat(timeline.get(2)).isEqualTo(new TimelineEntry.MessageEntry(T0.plusSeconds(1), 301, 50, "welcome",
                "wechat.template", "wxapp1", OutboxStatus.SENT, null, null, T0.plusSeconds(3)));
        assertThat(timeline.get(4)).isInstanceOfSatisfying(TimelineEntry.EventEntry.class,
                e -> assertThat(e.properties()).containsEntry("scene", "store_1"));
    }

    @Test
    void keepsOnlyTheNewestEntriesUpToTheLimit() {
        contacts.add(new Contact(11, TENANT, Map.of(), T0, T0, 0), OPENID);
        for (int i = 0; i < 5; i++) {
            events.add(event(100 + i, T0.plusSeconds(10L * i), "wechat.menu_clicked", Map.of()));
            steps.add(step(200 + i, T0.plusSeconds(10L * i + 1), "n" + i, "ENTERED"));
        }

        List<TimelineEntry> timeline = directory.timeline(TENANT, 11, 3);

        assertThat(timeline).extracting(TimelineEntry::at)
                .containsExactly(T0.plusSeconds(41), T0.plusSeconds(40), T0.plusSeconds(31));
        assertThat(events.lastLimit).isEqualTo(3);
    }

    @Test
    void refusesLimitsOutOfRange() {
        contacts.add(new Contact(11, TENANT, Map.of(), T0, T0, 0), OPENID);

        assertThatThrownBy(() -> directory.timeline(TENANT, 11, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> directory.timeline(TENANT, 11, ContactDirectory.MAX_TIMELINE_LIMIT + 1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static StoredEvent event(long id, Instant at, String type, Map<String, Object> properties) {
        ContactEvent event = new ContactEvent(TENANT, "wxapp1", "dedupe-" + id, type, OPENID, null, at, properties,
                Map.of());
        return new StoredEvent(id, event, 11L, 0, EventStatus.PROCESSED, 1, at);
    }

    private static StepRecord step(long id, Instant at, String node, String outcome) {
        return new StepRecord(id, TENANT, 900, 50, 1, 11, node, (int) id, outcome, null, at);
    }

    private static OutboxMessage message(long id, Instant at, OutboxStatus status) {
        return new OutboxMessage(id, TENANT, 900, 50, "welcome", 1, 11, "wechat.template", "wxapp1", "o-alice",
                Map.of("templateId", "TPL"), status, 1, at, "msg-1", null, null, at, at.plusSeconds(2));
    }

    private static final class Contacts implements ContactStore {

        private final List<Contact> rows = new ArrayList<>();
        private final Map<Long, List<Identity>> identities = new HashMap<>();

        void add(Contact contact, Identity... ids) {
            rows.add(contact);
            identities.put(contact.id(), List.of(ids));
        }

        @Override
        public Optional<Contact> find(long tenantId, long contactId) {
            return rows.stream().filter(c -> c.tenantId() == tenantId && c.id() == contactId).findFirst();
        }

        @Override
        public Optional<Contact> findByIdentity(long tenantId, Identity identity) {
            return rows.stream()
                    .filter(c -> c.tenantId() == tenantId && identities.get(c.id()).contains(identity)).findFirst();
        }

        @Override
        public List<Identity> identities(long tenantId, long contactId) {
            return find(tenantId, contactId).map(c -> identities.get(c.id())).orElse(List.of());
        }

        @Override
        public Contact create(long tenantId, long contactId, Identity identity, Map<String, Object> attributes,
                              Instant now) {
            throw new UnsupportedOperationException("read-only in these tests");
        }

        @Override
        public void addIdentity(long tenantId, long contactId, Identity identity, Instant now) {
            throw new UnsupportedOperationException("read-only in these tests");
        }

        @Override
        public void update(Contact contact) {
            throw new UnsupportedOperationException("read-only in these tests");
        }
    }

    private static final class Events implements EventLog {

        private final List<StoredEvent> rows = new ArrayList<>();
        int lastLimit;

        void add(StoredEvent event) {
            rows.add(event);
        }

        @Override
        public List<StoredEvent> timeline(long tenantId, long contactId, int limit) {
            lastLimit = limit;
            return rows.stream()
                    .filter(e -> e.event().tenantId() == tenantId && Long.valueOf(contactId).equals(e.contactId()))
                    .sorted(Comparator.comparing((StoredEvent e) -> e.event().occurredAt()).reversed())
                    .limit(limit).toList();
        }

        @Override
        public IntakeResult append(long id, ContactEvent event, int partition, Instant receivedAt) {
            throw new UnsupportedOperationException("read-only in these tests");
        }

        @Override
        public Optional<StoredEvent> find(long eventId) {
            throw new UnsupportedOperationException("read-only in these tests");
        }

        @Override
        public List<StoredEvent> pending(int partition, int limit) {
            throw new UnsupportedOperationException("read-only in these tests");
        }

        @Override
        public boolean markProcessed(long eventId, long contactId, Instant at) {
            throw new UnsupportedOperationException("read-only in these tests");
        }

        @Override
        public void markFailed(long eventId, String error, boolean giveUp, Instant at) {
            throw new UnsupportedOperationException("read-only in these tests");
        }
    }

    private static final class Steps implements StepLog {

        private final List<StepRecord> rows = new ArrayList<>();

        void add(StepRecord step) {
            rows.add(step);
        }

        @Override
        public void append(List<StepRecord> records) {
            rows.addAll(records);
        }

        @Override
        public List<StepRecord> forContact(long tenantId, long contactId, int limit) {
            return rows.stream().filter(s -> s.tenantId() == tenantId && s.contactId() == contactId)
                    .sorted(Comparator.comparing(StepRecord::at).reversed()).limit(limit).toList();
        }
    }

    private static final class Messages implements Outbox {

        private final List<OutboxMessage> rows = new ArrayList<>();

        void add(OutboxMessage message) {
            rows.add(message);
        }

        @Override
        public List<OutboxMessage> forContact(long tenantId, long contactId, int limit) {
            return rows.stream().filter(m -> m.tenantId() == tenantId && m.contactId() == contactId)
                    .sorted(Comparator.comparing(OutboxMessage::createdAt).reversed()).limit(limit).toList();
        }

        @Override
        public void insert(List<OutboxMessage> messages) {
            rows.addAll(messages);
        }

        @Override
        public Optional<OutboxMessage> find(long id) {
            throw new UnsupportedOperationException("read-only in these tests");
        }

        @Override
        public Optional<OutboxMessage> claim(long id, String owner, Instant now, Instant leaseUntil) {
            throw new UnsupportedOperationException("read-only in these tests");
        }

        @Override
        public List<OutboxMessage> claimDue(Instant now, int limit, String owner, Instant leaseUntil) {
            throw new UnsupportedOperationException("read-only in these tests");
        }

        @Override
        public void markSent(long id, String providerMessageId, Instant at) {
            throw new UnsupportedOperationException("read-only in these tests");
        }

        @Override
        public void markRejected(long id, String code, String message, Instant at) {
            throw new UnsupportedOperationException("read-only in these tests");
        }

        @Override
        public void reschedule(long id, String code, String message, Instant nextAttemptAt, Instant at) {
            throw new UnsupportedOperationException("read-only in these tests");
        }

        @Override
        public void markUnknown(long id, String message, Instant at) {
            throw new UnsupportedOperationException("read-only in these tests");
        }

        @Override
        public int expireAbandoned(Instant now) {
            throw new UnsupportedOperationException("read-only in these tests");
        }
    }
}
