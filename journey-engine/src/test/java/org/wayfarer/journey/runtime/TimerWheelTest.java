package org.wayfarer.journey.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.wayfarer.journey.runtime.InstanceStore.DueWakeup;
import org.wayfarer.journey.testing.InMemoryInstanceStore;
import org.wayfarer.journey.testing.MutableClock;

class TimerWheelTest {

    private final Instant t0 = Instant.parse("2026-05-04T09:00:00Z");
    private final MutableClock clock = new MutableClock(t0);
    private final InMemoryInstanceStore store = new InMemoryInstanceStore();
    private final Bus bus = new Bus();
    private final TimerWheel wheel = new TimerWheel(store, bus, clock,
            new TimerWheel.Settings("node", Duration.ofSeconds(2), Duration.ofSeconds(60), 100, 1_000));

    @Test
    void holdsTimersDueWithinTheHorizonAndReleasesEachWhenDueInDueOrder() {
        waiting(3, t0.plusMillis(1500));
        waiting(1, t0.plusMillis(500));
        waiting(2, t0.plusMillis(500));
        waiting(4, t0.plusSeconds(5));

        assertThat(wheel.pollOnce()).isEqualTo(3);
        assertThat(bus.accepted).isEmpty();

        clock.advance(Duration.ofMillis(500));
        assertThat(wheel.releaseDue()).isEqualTo(2);
        clock.advance(Duration.ofSeconds(1));
        wheel.releaseDue();

        assertThat(bus.accepted).extracting(DueWakeup::instanceId).containsExactly(1L, 2L, 3L);
        assertThat(wheel.held()).isZero();
    }

    @Test
    void fullPartitionsStopAPassEarlyAndLoseNothing() {
        for (long id = 1; id <= 500; id++) {
            waiting(id, t0.plusMillis(100));
        }
        wheel.pollOnce();
        clock.advance(Duration.ofSeconds(1));
        bus.room = 10;

        assertThat(wheel.releaseDue()).isEqualTo(10);
        assertThat(bus.offers).isEqualTo(10 + TimerWheel.REFUSALS_PER_PASS);
        assertThat(wheel.held()).isEqualTo(490);

        bus.room = Integer.MAX_VALUE;
        assertThat(wheel.releaseDue()).isEqualTo(490);
        assertThat(bus.accepted).extracting(DueWakeup::instanceId).doesNotHaveDuplicates().hasSize(500);
    }

    private void waiting(long id, Instant wakeAt) {
        store.insert(new JourneyInstance(id, 1, 10, 1, 100 + id, "EVENT:" + id, id, InstanceStatus.WAITING, "wait", 1,
                wakeAt, t0, t0, null, null, 0));
    }

    /** Accepts {@code room} wake-ups, then refuses, as a full partition queue does. */
    private static final class Bus implements EventBus {
        final List<DueWakeup> accepted = new ArrayList<>();
        int room = Integer.MAX_VALUE;
        int offers;

        @Override
        public void published(long eventId, int partition) {
        }

        @Override
        public boolean wakeUp(DueWakeup wakeup) {
            offers++;
            if (room <= 0) {
                return false;
            }
            room--;
            accepted.add(wakeup);
            return true;
        }
    }
}
