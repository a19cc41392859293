package org.wayfarer.journey.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.wayfarer.journey.ContractFixtures.nextId;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.wayfarer.journey.ContractFixtures;
import org.wayfarer.journey.StaleDataException;
import org.wayfarer.journey.runtime.InstanceStore.DueWakeup;
import org.wayfarer.journey.runtime.InstanceStore.WakeupFailures;

/** What every {@link InstanceStore} adapter must do. Subclasses supply the store under test. */
public abstract class InstanceStoreContract {

    private final long tenant = nextId();
    private final long journey = nextId();
    private final Instant t0 = ContractFixtures.nextEra();
    private final Duration lease = Duration.ofSeconds(30);

    protected abstract InstanceStore store();

    @Test
    void insertedInstanceIsFoundWithEveryField() {
        JourneyInstance waiting = waiting(nextId(), t0.plusSeconds(60));
        JourneyInstance completed = new JourneyInstance(nextId(), tenant, journey, 2, nextId(), "EVENT:9", 9L,
                InstanceStatus.COMPLETED, "done", 4, null, t0, t0.plusSeconds(1), t0.plusSeconds(1), "exit_node", 3);

        assertThat(store().insert(waiting)).isTrue();
        assertThat(store().insert(completed)).isTrue();

        assertThat(store().find(tenant, waiting.id())).contains(waiting);
        assertThat(store().find(tenant, completed.id())).contains(completed);
    }

    @Test
    void hidesInstancesOfOtherTenants() {
        JourneyInstance instance = waiting(nextId(), t0);
        store().insert(instance);

        assertThat(store().find(nextId(), instance.id())).isEmpty();
        assertThat(store().liveFor(nextId(), instance.contactId())).isEmpty();
    }

    @Test
    void insertReturnsFalseWhenTheEntryKeyIsTaken() {
        long contact = nextId();
        assertThat(store().insert(instance(nextId(), contact, "ONCE:", InstanceStatus.ACTIVE, null))).isTrue();

        JourneyInstance again = instance(nextId(), contact, "ONCE:", InstanceStatus.ACTIVE, null);
        assertThat(store().insert(again)).isFalse();
        assertThat(store().find(tenant, again.id())).isEmpty();

        assertThat(store().insert(instance(nextId(), contact, "EVENT:2", InstanceStatus.ACTIVE, null))).isTrue();
    }

    @Test
    void insertWithAnExistingIdIsAnErrorNotARefusedEntry() {
        JourneyInstance instance = waiting(nextId(), t0);
        store().insert(instance);

        JourneyInstance sameId = instance(instance.id(), nextId(), "ONCE:", InstanceStatus.ACTIVE, null);
        assertThatThrownBy(() -> store().insert(sameId)).isInstanceOf(RuntimeException.class);
    }

    @Test
    void updateWritesEveryMutableFieldAndBumpsVersion() {
        JourneyInstance instance = waiting(nextId(), t0.plusSeconds(60));
        store().insert(instance);
        JourneyInstance ended = new JourneyInstance(instance.id(), tenant, journey, 1, instance.contactId(),
                "DONE:" + instance.id(), instance.triggerEventId(), InstanceStatus.EXITED, "coupon", 7, null,
                instance.enteredAt(), t0.plusSeconds(90), t0.plusSeconds(90), "unfollowed", instance.version());

        store().update(ended);

        assertThat(store().find(tenant, instance.id())).contains(withVersion(ended, instance.version() + 1));
    }

    @Test
    void updateWithStaleVersionThrowsNamingInstanceAndVersion() {
        JourneyInstance instance = waiting(nextId(), t0);
        store().insert(instance);
        store().update(instance);

        assertThatThrownBy(() -> store().update(instance))
                .isInstanceOf(StaleDataException.class)
                .hasMessageContaining("instance " + instance.id())
                .hasMessageContaining("version " + instance.version());
    }

    @Test
    void updateOfAnotherTenantsInstanceThrowsStale() {
        JourneyInstance instance = waiting(nextId(), t0);
        store().insert(instance);
        JourneyInstance foreign = new JourneyInstance(instance.id(), nextId(), journey, 1, instance.contactId(),
                instance.entryKey(), instance.triggerEventId(), InstanceStatus.EXITED, "x", 9, null, t0, t0, t0,
                "hijacked", instance.version());

        assertThatThrownBy(() -> store().update(foreign)).isInstanceOf(StaleDataException.class);
        assertThat(store().find(tenant, instance.id())).contains(instance);
    }

    @Test
    void liveForListsOnlyActiveAndWaitingInstancesOfTheContact() {
        long contact = nextId();
        JourneyInstance active = instance(nextId(), contact, "EVENT:1", InstanceStatus.ACTIVE, null);
        JourneyInstance waiting = instance(nextId(), contact, "EVENT:2", InstanceStatus.WAITING, t0);
        store().insert(active);
        store().insert(waiting);
        store().insert(instance(nextId(), contact, "EVENT:3", InstanceStatus.COMPLETED, null));
        store().insert(instance(nextId(), contact, "EVENT:4", InstanceStatus.EXITED, null));
        store().insert(instance(nextId(), nextId(), "EVENT:1", InstanceStatus.ACTIVE, null));

        assertThat(store().liveFor(tenant, contact)).containsExactlyInAnyOrder(active, waiting);
    }

    @Test
    void claimDueLeasesDueWaitingInstancesEarliestFirstUpToLimit() {
        JourneyInstance late = waiting(nextId(), t0.plusSeconds(30));
        JourneyInstance early = waiting(nextId(), t0.plusSeconds(10));
        JourneyInstance middle = waiting(nextId(), t0.plusSeconds(20));
        JourneyInstance notYetDue = waiting(nextId(), t0.plusSeconds(61));
        store().insert(late);
        store().insert(early);
        store().insert(middle);
        store().insert(notYetDue);
        store().insert(instance(nextId(), nextId(), "EVENT:1", InstanceStatus.ACTIVE, t0));
        Instant now = t0.plusSeconds(60);

        List<DueWakeup> first = store().claimDue(now, 2, "node-a", now.plus(lease));
        List<DueWakeup> rest = store().claimDue(now, 10, "node-b", now.plus(lease));

        assertThat(first).containsExactly(wakeup(early), wakeup(middle));
        assertThat(rest).containsExactly(wakeup(late));
    }

    @Test
    void leasedInstanceIsNotClaimedAgainUntilTheLeaseExpires() {
        JourneyInstance instance = waiting(nextId(), t0);
        store().insert(instance);
        Instant now = t0.plusSeconds(1);

        assertThat(store().claimDue(now, 10, "node-a", now.plus(lease))).containsExactly(wakeup(instance));
        assertThat(store().claimDue(now.plusSeconds(29), 10, "node-b", now.plus(lease).plusSeconds(29))).isEmpty();

        Instant afterExpiry = now.plus(lease).plusMillis(1);
        assertThat(store().claimDue(afterExpiry, 10, "node-b", afterExpiry.plus(lease)))
                .containsExactly(wakeup(instance));
    }

    @Test
    void updateReleasesTheLeaseSoTheNextWaitCanBeClaimedAtOnce() {
        JourneyInstance instance = waiting(nextId(), t0);
        store().insert(instance);
        Instant now = t0.plusSeconds(1);
        store().claimDue(now, 10, "node-a", now.plus(Duration.ofHours(1)));
        JourneyInstance rescheduled = new JourneyInstance(instance.id(), tenant, journey, 1, instance.contactId(),
                instance.entryKey(), instance.triggerEventId(), InstanceStatus.WAITING, "wait2", 2,
                t0.plusSeconds(5), instance.enteredAt(), now, null, null, instance.version());

        store().update(rescheduled);

        Instant later = t0.plusSeconds(10);
        assertThat(store().claimDue(later, 10, "node-b", later.plus(lease)))
                .containsExactly(new DueWakeup(tenant, instance.id(), instance.contactId(), t0.plusSeconds(5)));
    }

    @Test
    void concurrentClaimersNeverGetTheSameInstance() throws Exception {
        Set<Long> due = new HashSet<>();
        for (int i = 0; i < 60; i++) {
            JourneyInstance instance = waiting(nextId(), t0.plusMillis(i));
            store().insert(instance);
            due.add(instance.id());
        }
        Instant now = t0.plusSeconds(1);
        CyclicBarrier start = new CyclicBarrier(2);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<List<Long>>> claims = new ArrayList<>();
            for (String owner : List.of("node-a", "node-b")) {
                claims.add(pool.submit(() -> {
                    start.await(10, TimeUnit.SECONDS);
                    List<Long> mine = new ArrayList<>();
                    List<DueWakeup> batch;
                    while (!(batch = store().claimDue(now, 7, owner, now.plus(lease))).isEmpty()) {
                        batch.forEach(w -> mine.add(w.instanceId()));
                    }
                    return mine;
                }));
            }
            List<Long> all = new ArrayList<>(claims.get(0).get(30, TimeUnit.SECONDS));
            all.addAll(claims.get(1).get(30, TimeUnit.SECONDS));

            // Every instance claimed, none twice (a claimer that lost every race may have got nothing).
            assertThat(all).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(due);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void entryStateHoldsLiveInstancesAndEndedOnesThatKeepTheirKey() {
        long contact = nextId();
        JourneyInstance live = instance(nextId(), contact, "LIVE:", InstanceStatus.WAITING, t0);
        JourneyInstance once = ended(instance(nextId(), contact, "ONCE:", InstanceStatus.COMPLETED, null));
        JourneyInstance done = ended(instance(nextId(), contact, "DONE:1", InstanceStatus.COMPLETED, null));
        JourneyInstance elsewhere = instance(nextId(), nextId(), "LIVE:", InstanceStatus.ACTIVE, null);
        store().insertAll(List.of(live, once, done, elsewhere));

        assertThat(store().entryState(List.of(contact))).extracting(JourneyInstance::id)
                .containsExactlyInAnyOrder(live.id(), once.id());
        assertThat(store().entryState(List.of())).isEmpty();
    }

    @Test
    void insertAllFailsWholeOnATakenEntry() {
        long contact = nextId();
        store().insert(instance(nextId(), contact, "ONCE:", InstanceStatus.ACTIVE, null));
        JourneyInstance fresh = instance(nextId(), nextId(), "ONCE:", InstanceStatus.ACTIVE, null);

        assertThatThrownBy(() -> store().insertAll(List.of(fresh,
                instance(nextId(), contact, "ONCE:", InstanceStatus.ACTIVE, null))))
                .isInstanceOf(StaleDataException.class);
    }

    @Test
    void updateAllWritesEveryInstanceOrFailsStale() {
        JourneyInstance a = waiting(nextId(), t0);
        JourneyInstance b = waiting(nextId(), t0);
        store().insertAll(List.of(a, b));

        JourneyInstance aDone = ended(a);
        JourneyInstance bLater = new JourneyInstance(b.id(), tenant, journey, 1, b.contactId(), b.entryKey(),
                b.triggerEventId(), InstanceStatus.WAITING, "wait2", 2, t0.plusSeconds(90), t0, t0.plusSeconds(1),
                null, null, 0);
        store().updateAll(List.of(bLater, aDone));

        assertThat(store().find(tenant, a.id())).contains(withVersion(aDone, 1));
        assertThat(store().find(tenant, b.id())).contains(withVersion(bLater, 1));
        assertThatThrownBy(() -> store().updateAll(List.of(aDone))).isInstanceOf(StaleDataException.class);
    }

    @Test
    void lastEnteredIsTheContactsLatestEntryOfTheJourneyInAnyStatus() {
        long contact = nextId();
        JourneyInstance first = instance(nextId(), contact, "EVENT:1", InstanceStatus.WAITING, t0);
        JourneyInstance later = ended(new JourneyInstance(nextId(), tenant, journey, 1, contact, "EVENT:2",
                nextId(), InstanceStatus.ACTIVE, "welcome", 0, null, t0.plusSeconds(60), t0.plusSeconds(60), null,
                null, 0));
        store().insertAll(List.of(first, later));

        assertThat(store().lastEntered(journey, contact)).contains(t0.plusSeconds(60));
        assertThat(store().lastEntered(journey, nextId())).isEmpty();
        assertThat(store().lastEntered(nextId(), contact)).isEmpty();
    }

    @Test
    void whatAnInstanceRemembersIsStoredWithItAndReadBackByEveryRead() {
        JourneyInstance plain = waiting(nextId(), t0);
        JourneyInstance remembering = waiting(nextId(), t0).remembering("waited", "paid",
                Map.of("type", "custom.order_paid", "orderId", "O-9", "amount", 120, "items", List.of("a", "b")));
        store().insertAll(List.of(plain, remembering));

        assertThat(store().find(tenant, plain.id()).orElseThrow().context()).isEmpty();
        assertThat(store().find(tenant, remembering.id()).orElseThrow().scope("waited").get("paid"))
                .isEqualTo(Map.of("type", "custom.order_paid", "orderId", "O-9", "amount", 120,
                        "items", List.of("a", "b")));
        assertThat(store().entryState(List.of(remembering.contactId())).get(0).context())
                .isEqualTo(remembering.context());

        JourneyInstance more = store().find(tenant, remembering.id()).orElseThrow()
                .remembering("webhook", "coupon", Map.of("code", "X1"));
        store().updateAll(List.of(more));
        assertThat(store().find(tenant, remembering.id()).orElseThrow().context())
                .containsOnlyKeys("waited", "webhook").isEqualTo(more.context());
        JourneyInstance plainRemembering = plain.remembering("waited", "bound", Map.of("type", "contact.updated"));
        store().update(plainRemembering);
        assertThat(store().find(tenant, plain.id()).orElseThrow().context()).isEqualTo(plainRemembering.context());
    }

    @Test
    void claimDueAheadOfNowTakesTimersWithinTheHorizon() {
        JourneyInstance soon = waiting(nextId(), t0.plusSeconds(1));
        JourneyInstance later = waiting(nextId(), t0.plusSeconds(10));
        store().insertAll(List.of(soon, later));

        List<DueWakeup> claimed = store().claimDue(t0.plusSeconds(2), t0, 10, "node", t0.plusSeconds(60));

        assertThat(claimed).containsExactly(wakeup(soon));
    }

    @Test
    void aFailedWakeupIsDueAgainAtItsRetryWithTheAttemptCountedAndTheLeaseReleased() {
        JourneyInstance instance = waiting(nextId(), t0);
        store().insert(instance);
        Instant now = t0.plusSeconds(1);
        store().claimDue(now, 10, "node-a", now.plus(Duration.ofHours(1)));
        Instant retryAt = t0.plusSeconds(11);
        JourneyInstance retry = wakingAt(instance, retryAt);

        assertThat(store().recordWakeupFailure(retry, 1, "IllegalStateException: boom")).isTrue();

        assertThat(store().find(tenant, instance.id())).contains(withVersion(retry, instance.version() + 1));
        assertThat(store().wakeupFailures(tenant, instance.id()))
                .contains(new WakeupFailures(1, "IllegalStateException: boom"));
        assertThat(store().wakeupFailures(nextId(), instance.id())).as("another tenant's").isEmpty();
        Instant early = retryAt.minusMillis(1);
        assertThat(store().claimDue(early, 10, "node-b", early.plus(lease))).as("not before its retry").isEmpty();
        assertThat(store().claimDue(retryAt, 10, "node-b", retryAt.plus(lease))).as("node-a's lease is gone")
                .containsExactly(new DueWakeup(tenant, instance.id(), instance.contactId(), retryAt, 1));
    }

    @Test
    void aWakeupFailedForTheLastTimeEndsTheInstanceFailedAndLeavesNodeAndSeqAlone() {
        JourneyInstance instance = waiting(nextId(), t0);
        store().insert(instance);
        Instant now = t0.plusSeconds(5);
        JourneyInstance failed = new JourneyInstance(instance.id(), tenant, journey, 1, instance.contactId(),
                "DONE:" + instance.id(), instance.triggerEventId(), InstanceStatus.FAILED, "not-written", 99, null,
                instance.enteredAt(), now, now, "wakeup-failed", instance.version());

        assertThat(store().recordWakeupFailure(failed, 5, "x".repeat(600))).isTrue();

        assertThat(store().find(tenant, instance.id())).contains(new JourneyInstance(instance.id(), tenant, journey, 1,
                instance.contactId(), "DONE:" + instance.id(), instance.triggerEventId(), InstanceStatus.FAILED,
                instance.currentNode(), instance.seq(), null, instance.enteredAt(), now, now, "wakeup-failed",
                instance.version() + 1));
        assertThat(store().wakeupFailures(tenant, instance.id())).contains(new WakeupFailures(5, "x".repeat(500)));
        assertThat(store().liveFor(tenant, instance.contactId())).isEmpty();
        assertThat(store().claimDue(now, 10, "node-a", now.plus(lease))).isEmpty();
    }

    @Test
    void aWakeupFailureNeverOverwritesAConcurrentResumeOrEnd() {
        JourneyInstance instance = waiting(nextId(), t0);
        store().insert(instance);
        JourneyInstance resumed = new JourneyInstance(instance.id(), tenant, journey, 1, instance.contactId(),
                instance.entryKey(), instance.triggerEventId(), InstanceStatus.WAITING, "wait2", 2,
                t0.plusSeconds(90), instance.enteredAt(), t0.plusSeconds(1), null, null, instance.version());
        store().update(resumed);

        assertThat(store().recordWakeupFailure(wakingAt(instance, t0.plusSeconds(10)), 1, "late")).isFalse();
        assertThat(store().find(tenant, instance.id())).contains(withVersion(resumed, 1));
        assertThat(store().wakeupFailures(tenant, instance.id())).isEmpty();

        JourneyInstance completed = ended(withVersion(resumed, 1));
        store().update(completed);
        JourneyInstance stillWaitingAsRead = withVersion(resumed, 2);
        assertThat(store().recordWakeupFailure(stillWaitingAsRead, 1, "late")).as("only a WAITING row").isFalse();
        JourneyInstance foreign = new JourneyInstance(instance.id(), nextId(), journey, 1, instance.contactId(),
                instance.entryKey(), instance.triggerEventId(), InstanceStatus.WAITING, "wait", 1, t0, t0, t0, null,
                null, 2);
        assertThat(store().recordWakeupFailure(foreign, 1, "other tenant")).isFalse();
        assertThat(store().find(tenant, instance.id())).contains(withVersion(completed, 2));
    }

    @Test
    void anUpdateStartsTheNextTimerWithNoAttemptsAndKeepsTheLastError() {
        JourneyInstance instance = waiting(nextId(), t0);
        store().insert(instance);
        store().recordWakeupFailure(wakingAt(instance, t0.plusSeconds(10)), 2, "boom");
        Instant next = t0.plusSeconds(100);
        store().update(new JourneyInstance(instance.id(), tenant, journey, 1, instance.contactId(),
                instance.entryKey(), instance.triggerEventId(), InstanceStatus.WAITING, "wait2", 2, next,
                instance.enteredAt(), t0.plusSeconds(10), null, null, instance.version() + 1));

        assertThat(store().claimDue(next, 10, "node-a", next.plus(lease)))
                .containsExactly(new DueWakeup(tenant, instance.id(), instance.contactId(), next, 0));
        assertThat(store().wakeupFailures(tenant, instance.id())).contains(new WakeupFailures(0, "boom"));
    }

    @Test
    void livePageWalksTheJourneysLiveInstancesOfEveryVersionInIdOrder() {
        // ids in ascending order of creation
        JourneyInstance a = atVersion(nextId(), 1, "wait", InstanceStatus.WAITING, t0);
        JourneyInstance b = atVersion(nextId(), 2, "wait", InstanceStatus.ACTIVE, null);
        JourneyInstance c = atVersion(nextId(), 2, "later", InstanceStatus.WAITING, null);
        JourneyInstance ended = atVersion(nextId(), 1, "done", InstanceStatus.COMPLETED, null);
        JourneyInstance d = atVersion(nextId(), 1, "wait", InstanceStatus.WAITING, t0.plusSeconds(9));
        JourneyInstance otherJourney = new JourneyInstance(nextId(), tenant, nextId(), 1, nextId(), "EVENT:6", 6L,
                InstanceStatus.WAITING, "wait", 1, t0, t0, t0, null, null, 0);
        store().insertAll(List.of(d, c, ended, b, a, otherJourney));

        List<JourneyInstance> first = store().livePage(tenant, journey, 0, 2);
        List<JourneyInstance> second = store().livePage(tenant, journey, first.get(1).id(), 2);
        List<JourneyInstance> last = store().livePage(tenant, journey, second.get(1).id(), 2);

        assertThat(first).containsExactly(a, b);
        assertThat(second).containsExactly(c, d);
        assertThat(last).isEmpty();
        assertThat(store().livePage(nextId(), journey, 0, 10)).as("another tenant's").isEmpty();
    }

    @Test
    void waitingAtFindsInstancesOfOlderVersionsWaitingAtTheNodes() {
        JourneyInstance v1Wait = atVersion(nextId(), 1, "wait", InstanceStatus.WAITING, t0);
        JourneyInstance v2Paid = atVersion(nextId(), 2, "paid", InstanceStatus.WAITING, null);
        JourneyInstance v1Other = atVersion(nextId(), 1, "other", InstanceStatus.WAITING, t0);
        JourneyInstance v3Wait = atVersion(nextId(), 3, "wait", InstanceStatus.WAITING, t0);
        JourneyInstance v1Done = atVersion(nextId(), 1, "wait", InstanceStatus.COMPLETED, null);
        JourneyInstance v1Wait2 = atVersion(nextId(), 1, "wait", InstanceStatus.WAITING, t0);
        store().insertAll(List.of(v1Wait, v2Paid, v1Other, v3Wait, v1Done, v1Wait2));

        assertThat(store().waitingAt(tenant, journey, 3, List.of("wait", "paid"), 0, 10))
                .containsExactly(v1Wait, v2Paid, v1Wait2);
        assertThat(store().waitingAt(tenant, journey, 3, List.of("wait", "paid"), v1Wait.id(), 1))
                .containsExactly(v2Paid);
        assertThat(store().waitingAt(tenant, journey, 2, List.of("paid"), 0, 10)).isEmpty();
        assertThat(store().waitingAt(nextId(), journey, 3, List.of("wait"), 0, 10)).isEmpty();
    }

    @Test
    void updateUnchangedWritesWhatDidNotChangeAndSkipsTheRest() {
        JourneyInstance a = waiting(nextId(), t0);
        JourneyInstance b = waiting(nextId(), t0);
        store().insertAll(List.of(a, b));
        store().update(b);

        Set<Long> written = store().updateUnchanged(List.of(ended(a), ended(b)));

        assertThat(written).containsExactly(a.id());
        assertThat(store().find(tenant, a.id())).contains(withVersion(ended(a), 1));
        assertThat(store().find(tenant, b.id()).orElseThrow().status()).isEqualTo(InstanceStatus.WAITING);
    }

    @Test
    void migrateMovesAnInstanceStillWaitingWhereItWasReadAndKeepsItsTimerAndContext() {
        JourneyInstance stays = atVersion(nextId(), 1, "wait", InstanceStatus.WAITING, t0.plusSeconds(60))
                .remembering("waited", "paid", Map.of("orderId", "O-1"));
        JourneyInstance changed = atVersion(nextId(), 1, "wait", InstanceStatus.WAITING, t0.plusSeconds(60));
        store().insertAll(List.of(stays, changed));
        store().claimDue(t0.plusSeconds(60), t0, 10, "node-a", t0.plusSeconds(90));
        store().update(changed);
        Instant at = t0.plusSeconds(5);

        Set<Long> moved = store().migrate(List.of(new InstanceStore.Migration(stays, 2, "wait2", at),
                new InstanceStore.Migration(changed, 2, "wait2", at)));

        assertThat(moved).containsExactly(stays.id());
        assertThat(store().find(tenant, stays.id())).contains(new JourneyInstance(stays.id(), tenant, journey, 2,
                stays.contactId(), stays.entryKey(), stays.triggerEventId(), InstanceStatus.WAITING, "wait2",
                stays.seq(), t0.plusSeconds(60), t0, at, null, null, 1, stays.context()));
        assertThat(store().find(tenant, changed.id()).orElseThrow().journeyVersion()).isEqualTo(1);
        assertThat(store().migrate(List.of(new InstanceStore.Migration(stays, 3, "x", at))))
                .as("no longer at the version read").isEmpty();
    }

    @Test
    void aHeldTimerIsNeverClaimedUntilItIsReleasedWithItsWakeUpTime() {
        JourneyInstance instance = waiting(nextId(), t0.plusSeconds(1));
        store().insert(instance);
        Instant now = t0.plusSeconds(2);
        store().claimDue(now, 10, "node-a", now.plus(Duration.ofHours(1)));

        assertThat(store().hold(instance)).isTrue();

        JourneyInstance parked = store().find(tenant, instance.id()).orElseThrow();
        assertThat(parked.wakeAt()).isNull();
        assertThat(parked.version()).isEqualTo(instance.version() + 1);
        assertThat(store().claimDue(now.plusSeconds(600), 10, "node-b", now.plusSeconds(700))).isEmpty();
        assertThat(store().held(tenant, journey, 10))
                .containsExactly(new InstanceStore.HeldTimer(parked, t0.plusSeconds(1)));
        assertThat(store().held(nextId(), journey, 10)).as("another tenant's").isEmpty();

        Instant resumed = t0.plusSeconds(30);
        JourneyInstance back = new JourneyInstance(parked.id(), tenant, journey, 1, parked.contactId(),
                parked.entryKey(), parked.triggerEventId(), InstanceStatus.WAITING, parked.currentNode(),
                parked.seq(), t0.plusSeconds(1), parked.enteredAt(), resumed, null, null, parked.version());
        assertThat(store().release(List.of(back))).containsExactly(instance.id());

        assertThat(store().find(tenant, instance.id())).contains(withVersion(back, parked.version() + 1));
        assertThat(store().held(tenant, journey, 10)).isEmpty();
        assertThat(store().claimDue(resumed, 10, "node-b", resumed.plus(lease))).as("node-a's lease is gone")
                .containsExactly(new DueWakeup(tenant, instance.id(), instance.contactId(), t0.plusSeconds(1)));
        assertThat(store().release(List.of(withVersion(back, parked.version() + 1)))).as("nothing held").isEmpty();
    }

    @Test
    void holdRefusesAnInstanceThatChangedOrHasNoTimer() {
        JourneyInstance changed = waiting(nextId(), t0);
        JourneyInstance noTimer = waiting(nextId(), null);
        JourneyInstance ended = ended(waiting(nextId(), t0));
        store().insertAll(List.of(changed, noTimer, ended));
        store().update(changed);

        assertThat(store().hold(changed)).isFalse();
        assertThat(store().hold(noTimer)).isFalse();
        assertThat(store().hold(ended)).isFalse();
        assertThat(store().held(tenant, journey, 10)).isEmpty();
    }

    @Test
    void anyOtherWriteOfAHeldInstanceDropsItsHeldTimer() {
        JourneyInstance exited = waiting(nextId(), t0);
        JourneyInstance rescheduled = waiting(nextId(), t0);
        store().insertAll(List.of(exited, rescheduled));
        store().hold(exited);
        store().hold(rescheduled);

        store().update(ended(withVersion(exited, 1)));
        store().updateAll(List.of(wakingAt(withVersion(rescheduled, 1), t0.plusSeconds(50))));

        assertThat(store().held(tenant, journey, 10)).isEmpty();
        assertThat(store().claimDue(t0.plusSeconds(50), 10, "node-a", t0.plusSeconds(90)))
                .extracting(DueWakeup::instanceId).containsExactly(rescheduled.id());
    }

    @Test
    void heldListsTheJourneysHeldTimersEarliestFirstUpToTheLimit() {
        JourneyInstance late = waiting(nextId(), t0.plusSeconds(30));
        JourneyInstance early = waiting(nextId(), t0.plusSeconds(10));
        JourneyInstance middle = waiting(nextId(), t0.plusSeconds(20));
        JourneyInstance elsewhere = new JourneyInstance(nextId(), tenant, nextId(), 1, nextId(), "EVENT:1", 1L,
                InstanceStatus.WAITING, "wait", 1, t0, t0, t0, null, null, 0);
        store().insertAll(List.of(late, early, middle, elsewhere));
        for (JourneyInstance instance : List.of(late, early, middle, elsewhere)) {
            store().hold(instance);
        }

        assertThat(store().held(tenant, journey, 2))
                .extracting(h -> h.instance().id(), InstanceStore.HeldTimer::heldWakeAt)
                .containsExactly(tuple(early.id(), t0.plusSeconds(10)), tuple(middle.id(), t0.plusSeconds(20)));
    }

    private JourneyInstance atVersion(long id, int version, String node, InstanceStatus status, Instant wakeAt) {
        return new JourneyInstance(id, tenant, journey, version, nextId(), "EVENT:" + id, nextId(), status, node, 1,
                wakeAt, t0, t0, null, null, 0);
    }

    private static JourneyInstance wakingAt(JourneyInstance i, Instant wakeAt) {
        return new JourneyInstance(i.id(), i.tenantId(), i.journeyId(), i.journeyVersion(), i.contactId(),
                i.entryKey(), i.triggerEventId(), i.status(), i.currentNode(), i.seq(), wakeAt, i.enteredAt(),
                i.updatedAt(), i.endedAt(), i.endReason(), i.version());
    }

    private JourneyInstance ended(JourneyInstance i) {
        return new JourneyInstance(i.id(), i.tenantId(), i.journeyId(), i.journeyVersion(), i.contactId(),
                i.entryKey(), i.triggerEventId(), InstanceStatus.COMPLETED, "done", i.seq() + 1, null, i.enteredAt(),
                t0.plusSeconds(5), t0.plusSeconds(5), "exit-node", i.version());
    }

    private JourneyInstance waiting(long id, Instant wakeAt) {
        return instance(id, nextId(), "EVENT:" + id, InstanceStatus.WAITING, wakeAt);
    }

    private JourneyInstance instance(long id, long contact, String entryKey, InstanceStatus status, Instant wakeAt) {
        return new JourneyInstance(id, tenant, journey, 1, contact, entryKey, nextId(), status, "wait", 1, wakeAt,
                t0, t0, null, null, 0);
    }

    private static DueWakeup wakeup(JourneyInstance instance) {
        return new DueWakeup(instance.tenantId(), instance.id(), instance.contactId(), instance.wakeAt());
    }

    private static JourneyInstance withVersion(JourneyInstance i, int version) {
        return new JourneyInstance(i.id(), i.tenantId(), i.journeyId(), i.journeyVersion(), i.contactId(),
                i.entryKey(), i.triggerEventId(), i.status(), i.currentNode(), i.seq(), i.wakeAt(), i.enteredAt(),
                i.updatedAt(), i.endedAt(), i.endReason(), version, i.context());
    }
}
