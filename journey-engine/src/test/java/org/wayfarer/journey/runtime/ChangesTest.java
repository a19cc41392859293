package org.wayfarer.journey.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.wayfarer.journey.StaleDataException;
import org.wayfarer.journey.dispatch.OutboxMessage;
import org.wayfarer.journey.dispatch.OutboxStatus;
import org.wayfarer.journey.dispatch.QueuedSends;
import org.wayfarer.journey.dispatch.SendHandoff;
import org.wayfarer.journey.testing.InMemoryJourneyCounters;
import org.wayfarer.journey.testing.InMemoryOutbox;
import org.wayfarer.journey.testing.InMemoryStepLog;

/** Displaced sends in one transaction: queued ones change in place, stored ones at flush, conditionally. */
class ChangesTest {

    private static final Instant NOW = Instant.parse("2026-03-02T02:00:00Z");
    private static final Instant SLOT = NOW.plusSeconds(3600);
    private static final long CONTACT = 9;

    private static final SendHandoff ALL_PENDING = new SendHandoff() {
        @Override
        public QueuedSends split(List<OutboxMessage> queued) {
            return new QueuedSends(queued, List.of());
        }

        @Override
        public void committed(QueuedSends sends) {
        }

        @Override
        public void rolledBack(QueuedSends sends) {
        }
    };

    private final InMemoryOutbox outbox = new InMemoryOutbox();
    private final Changes changes = new Changes();

    private static OutboxMessage deferred(long id) {
        return new OutboxMessage(id, 1, id + 1000, 7, "offer", 1, CONTACT, "wechat.template", "wx", "o1", Map.of(),
                OutboxStatus.PENDING, 0, SLOT, null, null, null, NOW, NOW);
    }

    private void flush() {
        changes.flush(new InMemoryStepLog(), new InMemoryJourneyCounters(), outbox, ALL_PENDING, sends -> { });
    }

    @Test
    void aQueuedSendIsMovedOrWithdrawnBeforeItIsEverWritten() {
        changes.send(deferred(1));
        changes.send(deferred(2));

        changes.postpone(deferred(1), SLOT.plusSeconds(60), NOW);
        changes.withdraw(deferred(2), "gave its slot", NOW);
        flush();

        assertThat(outbox.find(1)).hasValueSatisfying(m -> assertThat(m.nextAttemptAt())
                .isEqualTo(SLOT.plusSeconds(60)));
        assertThat(outbox.find(2)).isEmpty();
    }

    @Test
    void aStoredSendMovedTwiceIsWrittenOnceFromTheSlotItWasReadAtAndLaterRunsSeeWhereItIs() {
        outbox.insert(List.of(deferred(3)));
        changes.postpone(deferred(3), SLOT.plusSeconds(60), NOW);
        OutboxMessage asSeen = changes.onRecord(outbox.forContact(1, CONTACT, 10), CONTACT).get(0);
        changes.postpone(asSeen, SLOT.plusSeconds(120), NOW);

        assertThat(asSeen.nextAttemptAt()).isEqualTo(SLOT.plusSeconds(60));
        assertThat(outbox.find(3).orElseThrow().nextAttemptAt()).as("nothing written before the flush")
                .isEqualTo(SLOT);
        flush();
        assertThat(outbox.find(3).orElseThrow().nextAttemptAt()).isEqualTo(SLOT.plusSeconds(120));
    }

    @Test
    void aStoredSendWithdrawnIsDroppedAndOneClaimedMeanwhileFailsTheTransaction() {
        outbox.insert(List.of(deferred(4)));
        changes.withdraw(deferred(4), "gave its slot to a priority 80 send", NOW);
        assertThat(changes.onRecord(outbox.forContact(1, CONTACT, 10), CONTACT)).singleElement()
                .extracting(OutboxMessage::status).isEqualTo(OutboxStatus.DROPPED);
        flush();
        assertThat(outbox.find(4).orElseThrow().status()).isEqualTo(OutboxStatus.DROPPED);

        outbox.insert(List.of(deferred(5)));
        Changes late = new Changes();
        late.postpone(deferred(5), SLOT.plusSeconds(60), NOW);
        outbox.claim(5, "node-a", SLOT, SLOT.plusSeconds(30));
        assertThatThrownBy(() -> late.flush(new InMemoryStepLog(), new InMemoryJourneyCounters(), outbox,
                ALL_PENDING, sends -> { })).isInstanceOf(StaleDataException.class).hasMessageContaining("5");
    }
}
