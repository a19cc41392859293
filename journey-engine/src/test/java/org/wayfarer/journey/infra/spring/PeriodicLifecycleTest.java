package org.wayfarer.journey.infra.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.wayfarer.journey.contact.Contact;
import org.wayfarer.journey.contact.ContactStore;
import org.wayfarer.journey.event.ContactEvent;
import org.wayfarer.journey.event.Identity;
import org.wayfarer.journey.event.IntakeResult;
import org.wayfarer.journey.segment.SegmentRefresher;
import org.wayfarer.journey.segment.Segments;
import org.wayfarer.journey.testing.DirectTransactions;
import org.wayfarer.journey.testing.InMemoryContactStore;
import org.wayfarer.journey.testing.InMemoryEventLog;
import org.wayfarer.journey.testing.InMemorySegmentEvaluation;
import org.wayfarer.journey.testing.InMemorySegmentStore;
import org.wayfarer.journey.testing.MutableClock;
import tools.jackson.databind.json.JsonMapper;

class PeriodicLifecycleTest {

    @Test
    void defaultsToARefreshEveryMinute() {
        SegmentProperties defaults = new Binder(new MapConfigurationPropertySource(Map.of()))
                .bindOrCreate("wayfarer.segments", SegmentProperties.class);

        assertThat(defaults.refreshInterval()).isEqualTo(Duration.ofMinutes(1));
        assertThat(defaults.refreshPageSize()).isEqualTo(500);
        assertThat(defaults.emitThreads()).isEqualTo(8);
        SegmentProperties set = new Binder(new MapConfigurationPropertySource(
                Map.of("wayfarer.segments.refresh-interval", "PT5M"))).bindOrCreate("wayfarer.segments",
                SegmentProperties.class);
        assertThat(set.refreshInterval()).isEqualTo(Duration.ofMinutes(5));
        assertThatThrownBy(() -> new SegmentProperties(Duration.ZERO, 500, 8))
                .hasMessageContaining("wayfarer.segments.refresh-interval");
    }

    /** The schedule refreshes every segment again and again; time-window changes are caught by the next run. */
    @Test
    void refreshesEverySegmentOnItsScheduleUntilStopped() {
        MutableClock clock = new MutableClock(Instant.parse("2026-03-01T08:00:00Z"));
        InMemoryContactStore contacts = new InMemoryContactStore();
        InMemorySegmentStore store = new InMemorySegmentStore();
        InMemorySegmentEvaluation evaluation = new InMemorySegmentEvaluation(contacts, new InMemoryEventLog());
        DirectTransactions transactions = new DirectTransactions();
        AtomicLong ids = new AtomicLong(10);
        List<ContactEvent> emitted = new CopyOnWriteArrayList<>();
        SegmentRefresher refresher = new SegmentRefresher(store, evaluation, contacts, event -> {
            emitted.add(event);
            return new IntakeResult.Accepted(ids.incrementAndGet());
        }, transactions, clock, Runnable::run, 100);
        Segments segments = new Segments(store, evaluation, transactions, ids::incrementAndGet, clock);
        segments.create(1, JsonMapper.shared().readTree("""
                {"key": "gold", "name": "Gold", "filter": {"all": [{"attribute": "level", "op": "eq", "value": "gold"}]}}"""));
        contacts.insertAll(List.of(new Contact(5, 1, Map.of("level", "gold"), clock.instant(), clock.instant(), 0)),
                List.of(new ContactStore.NewIdentity(1, 5, Identity.wechatOpenid("wx", "o5"))), clock.instant());
        PeriodicLifecycle lifecycle = new PeriodicLifecycle("segment refresh", refresher::refreshAll,
                Duration.ofMillis(20), "repeated");

        lifecycle.start();
        try {
            await().atMost(Duration.ofSeconds(5)).until(() -> !emitted.isEmpty());
            await().atMost(Duration.ofSeconds(5)).until(() -> store.find(1, "gold").orElseThrow().refreshSeq() >= 3);
        } finally {
            lifecycle.stop();
        }

        assertThat(lifecycle.isRunning()).isFalse();
        assertThat(emitted).extracting(ContactEvent::type).containsExactly("segment.entered");
    }
}
