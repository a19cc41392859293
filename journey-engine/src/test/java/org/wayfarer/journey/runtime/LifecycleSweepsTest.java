package org.wayfarer.journey.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.wayfarer.journey.calendar.HolidayCalendars;
import org.wayfarer.journey.dispatch.ChannelSenders;
import org.wayfarer.journey.testing.DirectTransactions;
import org.wayfarer.journey.testing.InMemoryInstanceStore;
import org.wayfarer.journey.testing.InMemoryJourneyCounters;
import org.wayfarer.journey.testing.InMemoryStepLog;
import org.wayfarer.journey.testing.MutableClock;

/**
 * The lifecycle's sweeps on the in-memory stores, two instances a page: every page is read and written on its own,
 * and an instance that changes while a sweep runs is skipped (migrate), read again (release) or ended on the next pass
 * (stop).
 */
class LifecycleSweepsTest {

    private static final long TENANT = 1;
    private static final long JOURNEY = 7;
    private static final Instant T0 = Instant.parse("2026-03-01T08:00:00Z");

    private final InMemoryInstanceStore store = new InMemoryInstanceStore();
    private final InMemoryStepLog steps = new InMemoryStepLog();
    private final InMemoryJourneyCounters counters = new InMemoryJourneyCounters();
    private final MutableClock clock = new MutableClock(T0);
    private final AtomicLong ids = new AtomicLong(1_000);
    private final List<String> calls = new ArrayList<>();
    private Consumer<String> beforeWrite = call -> { };
    private final LifecycleSweeps sweeps = new LifecycleSweeps(watched(), new InstanceRunner(ids::incrementAndGet,
            new ChannelSenders(List.of()), new HolidayCalendars()), steps, counters, new DirectTransactions(), clock, 2);

    @Test
    void stopEndsEveryLiveInstanceOfEveryVersionPageByPage() {
        for (int i = 1; i <= 5; i++) {
            store.insert(waiting(i, i % 2 + 1, "wait", T0.plusSeconds(60)));
        }
        store.insert(new JourneyInstance(6, TENANT, JOURNEY, 1, 106, "EVENT:6", 6, InstanceStatus.COMPLETED, "done",
                3, null, T0, T0, T0, "exit-node", 1));
        store.insert(new JourneyInstance(7, TENANT, 99, 1, 107, "EVENT:7", 7, InstanceStatus.WAITING, "wait", 1,
                T0, T0, T0, null, null, 0));

        assertThat(sweeps.stopAll(TENANT, JOURNEY)).isEqualTo(5);

        for (long i = 1; i <= 5; i++) {
            JourneyInstance ended = store.find(TENANT, i).orElseThrow();
            assertThat(ended.status()).isEqualTo(InstanceStatus.EXITED);
            assertThat(ended.endReason()).isEqualTo("stopped");
            assertThat(ended.entryKey()).isEqualTo("EVENT:" + i);
        }
        assertThat(store.find(TENANT, 7L).orElseThrow().status()).as("another journey's").isEqualTo(
                InstanceStatus.WAITING);
        assertThat(counters.sum(TENANT, JOURNEY, null, null, null).get("")).containsEntry("exited", 5L);
        assertThat(calls.stream().filter("livePage"::equals)).as("three pages, then a pass that finds none")
                .hasSize(4);
    }

    @Test
    void stopEndsOnItsNextPassAnInstanceThatMovedOnMeanwhile() {
        store.insert(waiting(1, 1, "wait", T0.plusSeconds(60)));
        store.insert(waiting(2, 1, "wait", T0.plusSeconds(60)));
        beforeWrite = call -> {
            if (call.equals("updateUnchanged")) {
                beforeWrite = c -> { };
                JourneyInstance two = store.find(TENANT, 2L).orElseThrow();
                store.update(two.at("wait2", T0).waitingUntil(T0.plusSeconds(90), T0)); // a step, concurrently
            }
        };

        assertThat(sweeps.stopAll(TENANT, JOURNEY)).isEqualTo(2);

        assertThat(store.find(TENANT, 2L).orElseThrow()).extracting(JourneyInstance::status,
                JourneyInstance::currentNode).containsExactly(InstanceStatus.EXITED, "wait2");
        assertThat(steps.forContact(TENANT, 102, 10)).extracting(StepRecord::outcome).containsExactly("EXITED");
    }

    @Test
    void migrateMovesTheWaitingInstancesOfTheMappedNodesAndSkipsOneThatChanged() {
        for (int i = 1; i <= 4; i++) {
            store.insert(waiting(i, 1, i == 4 ? "other" : "wait", T0.plusSeconds(60)));
        }
        beforeWrite = call -> {
            if (call.equals("migrate")) {
                beforeWrite = c -> { };
                store.update(store.find(TENANT, 1L).orElseThrow().withWakeAt(T0.plusSeconds(5)));
            }
        };

        assertThat(sweeps.migrate(TENANT, JOURNEY, 2, Map.of("wait", "wait2"))).isEqualTo(2);

        assertThat(List.of(1L, 2L, 3L, 4L)).map(id -> store.find(TENANT, id).orElseThrow())
                .extracting(JourneyInstance::journeyVersion, JourneyInstance::currentNode)
                .containsExactly(tuple(1, "wait"), tuple(2, "wait2"), tuple(2, "wait2"), tuple(1, "other"));
        assertThat(steps.forContact(TENANT, 102, 10)).extracting(StepRecord::outcome, StepRecord::detail,
                StepRecord::nodeId).containsExactly(tuple("MIGRATED", "v1:wait -> v2:wait2", "wait2"));
        assertThat(steps.forContact(TENANT, 101, 10)).isEmpty();
    }

    @Test
    void releasePutsBackEveryHeldTimerEarliestFirstSayingHowLate() {
        for (int i = 1; i <= 3; i++) {
            JourneyInstance instance = waiting(i, 1, "wait", T0.plus(Duration.ofMinutes(10L * (4 - i))));
            store.insert(instance);
            store.hold(instance);
        }
        Instant resumed = T0.plus(Duration.ofHours(1));
        clock.set(resumed);

        assertThat(sweeps.releaseHeld(TENANT, JOURNEY, T0, resumed)).isEqualTo(3);

        assertThat(store.held(TENANT, JOURNEY, 10)).isEmpty();
        assertThat(store.find(TENANT, 1L).orElseThrow().wakeAt()).isEqualTo(T0.plus(Duration.ofMinutes(30)));
        assertThat(steps.forContact(TENANT, 103, 10)).extracting(StepRecord::outcome, StepRecord::detail)
                .containsExactly(tuple("RESUMED_LATE", "due 2026-03-01T08:10:00Z, PT50M late: paused from "
                        + "2026-03-01T08:00:00Z to 2026-03-01T09:00:00Z"));
        assertThat(calls.stream().filter("held"::equals)).as("two pages, the second not full").hasSize(2);
    }

    private JourneyInstance waiting(long id, int version, String node, Instant wakeAt) {
        return new JourneyInstance(id, TENANT, JOURNEY, version, 100 + id, "EVENT:" + id, id, InstanceStatus.WAITING,
                node, 1, wakeAt, T0, T0, null, null, 0);
    }

    /** The store, recording each call and running {@link #beforeWrite} first, as a concurrent writer would. */
    private InstanceStore watched() {
        return (InstanceStore) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {InstanceStore.class},
                (proxy, method, args) -> {
                    calls.add(method.getName());
                    beforeWrite.accept(method.getName());
                    try {
                        return method.invoke(store, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }
}
