package org.wayfarer.journey.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.wayfarer.journey.catalog.JourneyStatus;
import org.wayfarer.journey.catalog.Pause;
import org.wayfarer.journey.catalog.StoredJourney;
import org.wayfarer.journey.testing.InMemoryJourneyStore;

/** The in-memory set of paused journeys: read once on first use, then only when refreshed. */
class PausedJourneysTest {

    private static final Instant T0 = Instant.parse("2026-03-01T08:00:00Z");

    private final InMemoryJourneyStore store = new InMemoryJourneyStore();
    private final List<String> calls = new ArrayList<>();
    private final PausedJourneys paused = new PausedJourneys(store);

    @Test
    void readsTheStoreOnFirstUseAndThenOnlyWhenRefreshed() {
        store.insert(journey(1, JourneyStatus.PAUSED, T0, null));
        store.beforeEachCall(calls::add);

        assertThat(paused.none()).isFalse();
        assertThat(paused.isPaused(1)).isTrue();
        assertThat(paused.isPaused(2)).isFalse();
        assertThat(calls).containsExactly("pauses");

        store.beforeEachCall(call -> { });
        store.update(journey(1, JourneyStatus.PUBLISHED, T0, T0.plusSeconds(60)));
        assertThat(paused.isPaused(1)).as("until refreshed").isTrue();
        paused.refresh();
        assertThat(paused.isPaused(1)).isFalse();
        assertThat(paused.none()).isTrue();
    }

    @Test
    void aResumedJourneyWithTimersStillHeldIsAReleasePendingNotAPause() {
        store.insert(journey(1, JourneyStatus.PAUSED, T0, null));
        store.insert(journey(2, JourneyStatus.PUBLISHED, T0, T0.plusSeconds(60)));
        store.insert(journey(3, JourneyStatus.PUBLISHED, null, null));

        paused.refresh();

        assertThat(paused.isPaused(1)).isTrue();
        assertThat(paused.isPaused(2)).isFalse();
        assertThat(paused.releasesPending()).containsExactly(
                new Pause(1, 2, JourneyStatus.PUBLISHED, T0, T0.plusSeconds(60)));
    }

    @Test
    void knowsNoPendingReleaseBeforeItsFirstRead() {
        store.insert(journey(2, JourneyStatus.PUBLISHED, T0, T0.plusSeconds(60)));

        assertThat(paused.releasesPending()).isEmpty();
    }

    @Test
    void confirmsAPauseFromTheStore() {
        store.insert(journey(1, JourneyStatus.PAUSED, T0, null));

        assertThat(paused.confirmPaused(1, 1)).isTrue();
        assertThat(paused.confirmPaused(9, 1)).as("another tenant's").isFalse();
        store.update(journey(1, JourneyStatus.STOPPED, null, null));
        assertThat(paused.confirmPaused(1, 1)).isFalse();
    }

    private StoredJourney journey(long id, JourneyStatus status, Instant pausedAt, Instant resumedAt) {
        int version = store.find(1, id).map(StoredJourney::version).orElse(0);
        return new StoredJourney(id, 1, "j" + id, "J" + id, "{}", 1, T0, T0, version, status, pausedAt, resumedAt);
    }
}
