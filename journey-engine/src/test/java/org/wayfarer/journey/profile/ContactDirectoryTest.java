package org.wayfarer.journey.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.wayfarer.journey.contact.Contact;
import org.wayfarer.journey.contact.ContactNotFoundException;
import org.wayfarer.journey.dispatch.OutboxMessage;
import org.wayfarer.journey.dispatch.OutboxStatus;
import org.wayfarer.journey.event.ContactEvent;
import org.wayfarer.journey.event.EventLog;
import org.wayfarer.journey.event.Identity;
import org.wayfarer.journey.event.IdentityKind;
import org.wayfarer.journey.runtime.StepRecord;
import org.wayfarer.journey.testing.InMemoryContactStore;
import org.wayfarer.journey.testing.InMemoryEventLog;
import org.wayfarer.journey.testing.InMemoryOutbox;
import org.wayfarer.journey.testing.InMemoryStepLog;

class ContactDirectoryTest {

    private static final long TENANT = 7;
    private static final long OTHER_TENANT = 8;
    private static final Instant T0 = Instant.parse("2026-03-01T08:00:00Z");
    private static final Identity OPENID = Identity.wechatOpenid("wxapp1", "o-alice");

    private final InMemoryContactStore contacts = new InMemoryContactStore();
    private final InMemoryEventLog events = new InMemoryEventLog();
    private final InMemoryStepLog steps = new InMemoryStepLog();
    private final InMemoryOutbox messages = new InMemoryOutbox();
    private final ContactDirectory directory = new ContactDirectory(contacts, events, steps, messages);

    @Test
    void findsContactByIdentityWithAllItsIdentities() {
        Contact alice = contacts.create(TENANT, 11, OPENID, Map.of("name", "Alice"), T0);
        contacts.addIdentity(TENANT, 11, Identity.unionid("u-alice"), T0);
        contacts.update(new Contact(11, TENANT, alice.attributes(), T0, T0.plusSeconds(60), alice.version()));

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
        contacts.create(TENANT, 11, OPENID, Map.of(), T0);

        assertThat(directory.findByIdentity(TENANT, new Identity(IdentityKind.PHONE, "", "13800000000"))).isEmpty();
        assertThat(directory.findByIdentity(OTHER_TENANT, OPENID)).isEmpty();
    }

    @Test
    void hidesContactsOfOtherTenants() {
        contacts.create(TENANT, 11, OPENID, Map.of(), T0);

        assertThat(directory.get(TENANT, 11).id()).isEqualTo(11);
        assertThatThrownBy(() -> directory.get(OTHER_TENANT, 11)).isInstanceOf(ContactNotFoundException.class);
        assertThatThrownBy(() -> directory.timeline(OTHER_TENANT, 11, 10))
                .isInstanceOf(ContactNotFoundException.class);
    }

    @Test
    void mergesEventsStepsAndMessagesNewestFirst() {
        contacts.create(TENANT, 11, OPENID, Map.of(), T0);
        processedEvent(101, T0, "wechat.followed", Map.of("scene", "store_1"));
        step(201, T0.plusSeconds(1), "welcome", "SENT_QUEUED");
        sentMessage(301, T0.plusSeconds(1));
        step(202, T0.plusSeconds(2), "wait", "WAITING");
        processedEvent(102, T0.plusSeconds(30), "wechat.menu_clicked", Map.of());

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
        contacts.create(TENANT, 11, OPENID, Map.of(), T0);
        for (int i = 0; i < 5; i++) {
            processedEvent(100 + i, T0.plusSeconds(10L * i), "wechat.menu_clicked", Map.of());
            step(200 + i, T0.plusSeconds(10L * i + 1), "n" + i, "ENTERED");
        }

        List<TimelineEntry> timeline = directory.timeline(TENANT, 11, 3);

        assertThat(timeline).extracting(TimelineEntry::at)
                .containsExactly(T0.plusSeconds(41), T0.plusSeconds(40), T0.plusSeconds(31));
        assertThat(events.lastTimelineLimit()).isEqualTo(3);
    }

    @Test
    void refusesLimitsOutOfRange() {
        contacts.create(TENANT, 11, OPENID, Map.of(), T0);

        assertThatThrownBy(() -> directory.timeline(TENANT, 11, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> directory.timeline(TENANT, 11, ContactDirectory.MAX_TIMELINE_LIMIT + 1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private void processedEvent(long id, Instant at, String type, Map<String, Object> properties) {
        ContactEvent event = new ContactEvent(TENANT, "wxapp1", "dedupe-" + id, type, OPENID, null, at, properties,
                Map.of());
        events.append(new EventLog.NewEvent(id, event, 11, 0), at);
        events.markProcessed(List.of(id), at);
    }

    private void step(long id, Instant at, String node, String outcome) {
        steps.append(List.of(new StepRecord(id, TENANT, 900, 50, 1, 11, node, (int) id, outcome, null, at)));
    }

    /** Queued at {@code at}, sent two seconds later. */
    private void sentMessage(long id, Instant at) {
        messages.insert(List.of(new OutboxMessage(id, TENANT, 900, 50, "welcome", 1, 11, "wechat.template", "wxapp1",
                "o-alice", Map.of("templateId", "TPL"), OutboxStatus.PENDING, 0, at, null, null, null, at, at)));
        messages.claim(id, "node-a", at, at.plusSeconds(30)).orElseThrow();
        messages.markSent(id, "msg-1", at.plusSeconds(2));
    }
}
