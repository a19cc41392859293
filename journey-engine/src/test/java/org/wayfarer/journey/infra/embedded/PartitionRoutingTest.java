package org.wayfarer.journey.infra.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.wayfarer.journey.event.ContactEvent;
import org.wayfarer.journey.event.EventLog;
import org.wayfarer.journey.event.Identity;
import org.wayfarer.journey.event.StoredEvent;
import org.wayfarer.journey.runtime.Partitions;
import org.wayfarer.journey.testing.InMemoryEventLog;

class PartitionRoutingTest {

    private static final Instant T0 = Instant.parse("2026-03-01T08:00:00Z");

    private final InMemoryEventLog events = new InMemoryEventLog();

    @Test
    void pendingEventsStoredUnderMorePartitionsMoveToTheirContactsPartitionUnderFewer() {
        Partitions before = new Partitions(8);
        Partitions after = new Partitions(2);
        for (long contact = 1; contact <= 1_500; contact++) {
            events.append(new EventLog.NewEvent(10_000 + contact, event(contact), contact,
                    before.ofContact(contact)), T0);
        }
        events.markProcessed(List.of(10_001L), T0);

        int moved = PartitionRouting.rerouteToCurrentCount(events, after);

        assertThat(moved).isPositive();
        assertThat(events.all()).filteredOn(e -> e.id() != 10_001L).allSatisfy(e ->
                assertThat(e.partition()).isEqualTo(after.ofContact(e.contactId())));
        assertThat(events.find(10_001L).map(StoredEvent::partition)).as("processed events are left alone")
                .contains(before.ofContact(1));
        assertThat(PartitionRouting.rerouteToCurrentCount(events, after)).as("nothing left to move").isZero();
    }

    private static ContactEvent event(long contact) {
        return new ContactEvent(1, "wx00000000000000a1", "k" + contact, "custom.cart_added",
                Identity.wechatOpenid("wx00000000000000a1", "o" + contact), null, T0, Map.of(), Map.of());
    }
}
