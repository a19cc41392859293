package org.wayfarer.channel.wechat.subscribe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.wayfarer.channel.wechat.testapp.InMemoryConsentStore;
import org.wayfarer.journey.contact.ContactResolver;
import org.wayfarer.journey.event.ContactEvent;
import org.wayfarer.journey.event.EventTypes;
import org.wayfarer.journey.event.Identity;
import org.wayfarer.journey.event.IntakeResult;
import org.wayfarer.journey.testing.DirectTransactions;
import org.wayfarer.journey.testing.InMemoryContactStore;
import org.wayfarer.journey.testing.InMemoryOutbox;
import org.wayfarer.journey.testing.MutableClock;

/** The callback's intake records a subscription push for its contact before the engine's intake sees the push. */
class ConsentRecordingIntakeTest {

    private static final String APP = "wx1234567890abcdef";
    private static final Identity FOLLOWER = Identity.wechatOpenid(APP, "oFOLLOWER");

    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T08:00:00Z"));
    private final AtomicLong ids = new AtomicLong(1_000);
    private final InMemoryContactStore contacts = new InMemoryContactStore();
    private final InMemoryConsentStore store = new InMemoryConsentStore();
    private final ConsentLedger ledger = new ConsentLedger(store, new InMemoryOutbox(), ids::incrementAndGet, clock);
    private final ContactResolver resolver = new ContactResolver(contacts, new DirectTransactions(),
            ids::incrementAndGet, clock);
    private final List<Integer> recordsSeenByTheIntake = new ArrayList<>();

    private ContactEvent event(String type, Map<String, Object> properties) {
        return new ContactEvent(5, APP, "evt:1", type, FOLLOWER, null, clock.instant(), properties, Map.of());
    }

    private ContactEvent popupAccept() {
        return event(EventTypes.WECHAT_SUBSCRIBE_MSG_CHANGED, Map.of("event", "subscribe_msg_popup_event",
                "changes", List.of(Map.of("templateId", "TPL_SHIPPED", "status", "accept"))));
    }

    @Test
    void aSubscriptionPushIsRecordedForItsContactBeforeItIsHandedOn() {
        ConsentRecordingIntake intake = new ConsentRecordingIntake(event -> {
            recordsSeenByTheIntake.add(store.all().size());
            return new IntakeResult.Accepted(1);
        }, resolver, ledger);

        assertThat(intake.accept(popupAccept())).isEqualTo(new IntakeResult.Accepted(1));

        assertThat(recordsSeenByTheIntake).containsExactly(1);
        long contact = contacts.findByIdentity(5, FOLLOWER).orElseThrow().id();
        assertThat(store.all()).singleElement().satisfies(record -> {
            assertThat(record.contactId()).isEqualTo(contact);
            assertThat(record.kind()).isEqualTo(ConsentKind.ONE_TIME);
        });
        assertThat(resolver.resolve(popupAccept())).as("the intake's own resolution finds the same contact")
                .isEqualTo(contact);
    }

    @Test
    void aRetryAfterTheIntakeFailedRecordsNothingTwice() {
        RuntimeException outage = new IllegalStateException("database unavailable");
        ConsentRecordingIntake failing = new ConsentRecordingIntake(event -> {
            throw outage;
        }, resolver, ledger);
        ConsentRecordingIntake working = new ConsentRecordingIntake(event -> new IntakeResult.Accepted(2), resolver,
                ledger);

        assertThatThrownBy(() -> failing.accept(popupAccept())).isSameAs(outage);
        working.accept(popupAccept());

        assertThat(store.all()).hasSize(1);
    }

    @Test
    void otherEventsPassStraightThrough() {
        ConsentRecordingIntake intake = new ConsentRecordingIntake(event -> new IntakeResult.Duplicate(3), resolver,
                ledger);

        assertThat(intake.accept(event(EventTypes.WECHAT_FOLLOWED, Map.of())))
                .isEqualTo(new IntakeResult.Duplicate(3));

        assertThat(store.all()).isEmpty();
        assertThat(contacts.findByIdentity(5, FOLLOWER)).as("no contact created on the intake's behalf").isEmpty();
    }
}
