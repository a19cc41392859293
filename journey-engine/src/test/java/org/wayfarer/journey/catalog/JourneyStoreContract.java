package org.wayfarer.journey.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.wayfarer.journey.ContractFixtures.nextId;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.wayfarer.journey.ContractFixtures;
import org.wayfarer.journey.StaleDataException;
import org.wayfarer.journey.Transactions;

/** What every {@link JourneyStore} adapter must do. Subclasses supply the store under test. */
public abstract class JourneyStoreContract {

    private final long tenant = nextId();
    private final Instant t0 = ContractFixtures.nextEra();

    protected abstract JourneyStore store();

    @Test
    void findsInsertedJourneyByIdAndKey() {
        StoredJourney journey = journey("welcome", t0);
        store().insert(journey);

        assertThat(store().find(tenant, journey.id())).contains(journey);
        assertThat(store().findByKey(tenant, "welcome")).contains(journey);
    }

    @Test
    void hidesJourneysOfOtherTenants() {
        StoredJourney journey = journey("welcome", t0);
        store().insert(journey);
        long otherTenant = nextId();

        assertThat(store().find(otherTenant, journey.id())).isEmpty();
        assertThat(store().findByKey(otherTenant, "welcome")).isEmpty();
        assertThat(store().list(otherTenant)).isEmpty();
    }

    @Test
    void listsTenantJourneysOldestFirst() {
        StoredJourney later = journey("later", t0.plusSeconds(60));
        StoredJourney earlier = journey("earlier", t0);
        store().insert(later);
        store().insert(earlier);

        assertThat(store().list(tenant)).containsExactly(earlier, later);
    }

    @Test
    void rejectsSecondJourneyWithSameKeyInTenant() {
        store().insert(journey("welcome", t0));

        assertThatThrownBy(() -> store().insert(journey("welcome", t0)))
                .isInstanceOf(JourneyKeyTakenException.class)
                .hasMessageContaining("welcome");
    }

    @Test
    void allowsSameKeyInAnotherTenant() {
        store().insert(journey("welcome", t0));
        StoredJourney other = new StoredJourney(nextId(), nextId(), "welcome", "Welcome", "{}", null, t0, t0, 0);

        store().insert(other);

        assertThat(store().find(other.tenantId(), other.id())).contains(other);
    }

    @Test
    void updateReplacesMutableFieldsAndBumpsVersion() {
        StoredJourney journey = journey("welcome", t0);
        store().insert(journey);
        Instant later = t0.plus(Duration.ofMinutes(5));

        store().update(new StoredJourney(journey.id(), tenant, "welcome", "Renamed", "{\"start\":\"b\"}", 3,
                journey.createdAt(), later, journey.version()));

        assertThat(store().find(tenant, journey.id())).contains(new StoredJourney(journey.id(), tenant, "welcome",
                "Renamed", "{\"start\":\"b\"}", 3, t0, later, journey.version() + 1));
    }

    @Test
    void updateWithStaleVersionThrowsNamingJourneyAndVersion() {
        StoredJourney journey = journey("welcome", t0);
        store().insert(journey);
        store().update(journey);

        assertThatThrownBy(() -> store().update(journey))
                .isInstanceOf(StaleDataException.class)
                .hasMessageContaining("journey " + journey.id())
                .hasMessageContaining("version " + journey.version());
    }

    @Test
    void updateOfAnotherTenantsJourneyChangesNothing() {
        StoredJourney journey = journey("welcome", t0);
        store().insert(journey);
        StoredJourney foreign = new StoredJourney(journey.id(), nextId(), "welcome", "Hijacked", "{}", null, t0, t0,
                journey.version());

        assertThatThrownBy(() -> store().update(foreign)).isInstanceOf(StaleDataException.class);
        assertThat(store().find(tenant, journey.id())).contains(journey);
    }

    @Test
    void publishingStopsEarlierVersionsAcceptingEntries() {
        StoredJourney journey = journey("welcome", t0);
        store().insert(journey);
        PublishedVersion v1 = version(journey, 1, "wechat.followed");
        PublishedVersion v2 = version(journey, 2, "wechat.followed");

        store().publish(v1);
        store().publish(v2);

        assertThat(store().version(tenant, journey.id(), 1)).contains(withAccepting(v1, false));
        assertThat(store().version(tenant, journey.id(), 2)).contains(v2);
        assertThat(store().acceptingFor(tenant, "wechat.followed")).containsExactly(v2);
    }

    @Test
    void acceptingForMatchesTriggerEventAndTenant() {
        StoredJourney followed = journey("on-follow", t0);
        StoredJourney scanned = journey("on-scan", t0);
        store().insert(followed);
        store().insert(scanned);
        PublishedVersion follow = version(followed, 1, "wechat.followed");
        store().publish(follow);
        store().publish(version(scanned, 1, "wechat.qr_scanned"));

        assertThat(store().acceptingFor(tenant, "wechat.followed")).containsExactly(follow);
        assertThat(store().acceptingFor(nextId(), "wechat.followed")).isEmpty();
        assertThat(store().version(nextId(), followed.id(), 1)).isEmpty();
        assertThat(store().version(tenant, followed.id(), 2)).isEmpty();
    }

    @Test
    void storesTheLifecycleAndUpdatesIt() {
        StoredJourney journey = journey("welcome", t0);
        store().insert(journey);
        assertThat(store().find(tenant, journey.id()).orElseThrow().status()).isEqualTo(JourneyStatus.DRAFT);
        Instant paused = t0.plusSeconds(60);

        store().update(new StoredJourney(journey.id(), tenant, "welcome", journey.name(), journey.draftJson(), 2,
                t0, paused, 0, JourneyStatus.PAUSED, paused, null));
        store().update(new StoredJourney(journey.id(), tenant, "welcome", journey.name(), journey.draftJson(), 2,
                t0, paused.plusSeconds(60), 1, JourneyStatus.PUBLISHED, paused, paused.plusSeconds(60)));

        assertThat(store().find(tenant, journey.id())).contains(new StoredJourney(journey.id(), tenant, "welcome",
                journey.name(), journey.draftJson(), 2, t0, paused.plusSeconds(60), 2, JourneyStatus.PUBLISHED,
                paused, paused.plusSeconds(60)));
        assertThat(store().findByKey(tenant, "welcome").orElseThrow().resumedAt()).isEqualTo(paused.plusSeconds(60));
        assertThat(store().list(tenant)).extracting(StoredJourney::status).containsExactly(JourneyStatus.PUBLISHED);
    }

    @Test
    void pausedStoppedAndArchivedJourneysOfferNoAcceptingVersion() {
        String trigger = "custom.lifecycle_" + nextId();
        StoredJourney paused = journey("paused", t0);
        StoredJourney stopped = journey("stopped", t0);
        StoredJourney running = journey("running", t0);
        PublishedVersion pausedV1 = version(paused, 1, trigger);
        PublishedVersion stoppedV1 = version(stopped, 1, trigger);
        PublishedVersion runningV1 = version(running, 1, trigger);
        for (StoredJourney journey : List.of(paused, stopped, running)) {
            store().insert(journey);
        }
        store().publish(pausedV1);
        store().publish(stoppedV1);
        store().publish(runningV1);
        assertThat(store().acceptingFor(tenant, trigger)).containsExactly(pausedV1, stoppedV1, runningV1);

        store().update(lifecycle(paused, JourneyStatus.PAUSED, t0));
        store().update(lifecycle(stopped, JourneyStatus.STOPPED, null));

        assertThat(store().acceptingFor(tenant, trigger)).containsExactly(runningV1);
        assertThat(store().allAccepting()).contains(runningV1).doesNotContain(pausedV1, stoppedV1);
        store().update(lifecycle(withVersion(paused, 1), JourneyStatus.PUBLISHED, null));
        assertThat(store().acceptingFor(tenant, trigger)).containsExactly(pausedV1, runningV1);
        assertThat(store().allAccepting()).contains(pausedV1, runningV1).doesNotContain(stoppedV1);
    }

    @Test
    void pausesListsJourneysWhosePauseIsNotOverWithoutTheirDrafts() {
        StoredJourney paused = journey("paused", t0);
        StoredJourney releasing = journey("releasing", t0);
        StoredJourney running = journey("running", t0);
        store().insert(paused);
        store().insert(releasing);
        store().insert(running);
        store().update(lifecycle(paused, JourneyStatus.PAUSED, t0.plusSeconds(1)));
        store().update(new StoredJourney(releasing.id(), tenant, "releasing", releasing.name(),
                releasing.draftJson(), 1, t0, t0, 0, JourneyStatus.PUBLISHED, t0.plusSeconds(2), t0.plusSeconds(3)));

        assertThat(store().pauses())
                .contains(new Pause(tenant, paused.id(), JourneyStatus.PAUSED, t0.plusSeconds(1), null),
                        new Pause(tenant, releasing.id(), JourneyStatus.PUBLISHED, t0.plusSeconds(2),
                                t0.plusSeconds(3)))
                .noneMatch(p -> p.journeyId() == running.id());
    }

    @Test
    void lockStatusReadsTheTenantsJourneyStatus() {
        StoredJourney journey = journey("welcome", t0);
        store().insert(journey);
        store().update(lifecycle(journey, JourneyStatus.PAUSED, t0));

        assertThat(inTransaction(() -> store().lockStatus(tenant, journey.id()))).contains(JourneyStatus.PAUSED);
        assertThat(inTransaction(() -> store().lockStatus(nextId(), journey.id()))).isEmpty();
        assertThat(inTransaction(() -> store().lockStatus(tenant, nextId()))).isEmpty();
    }

    /**
     * The lock orders a parked timer and a resume: a reader that asks while a resume is uncommitted waits for it and
     * reads what it committed. Only where there are transactions to hold a lock: an adapter without them overrides
     * this method without {@code @Test}, so it does not run there (rather than run and be skipped).
     */
    @Test
    protected void lockStatusWaitsForAnUncommittedChangeAndReadsWhatItCommitted() throws Exception {
        StoredJourney journey = journey("welcome", t0);
        store().insert(journey);
        store().update(lifecycle(journey, JourneyStatus.PAUSED, t0));
        CountDownLatch written = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<?> resume = pool.submit(() -> transactions().run(() -> {
                store().update(lifecycle(withVersion(journey, 1), JourneyStatus.PUBLISHED, t0));
                written.countDown();
                awaitLatch(release);
            }));
            awaitLatch(written);
            Future<Optional<JourneyStatus>> read = pool.submit(() ->
                    inTransaction(() -> store().lockStatus(tenant, journey.id())));
            await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(2))
                    .until(() -> !read.isDone());
            release.countDown();
            resume.get(10, TimeUnit.SECONDS);

            assertThat(read.get(10, TimeUnit.SECONDS)).contains(JourneyStatus.PUBLISHED);
        } finally {
            release.countDown();
            pool.shutdownNow();
        }
    }

    /** The adapter's transactions, where the store joins them; null for a store without (in memory). */
    protected Transactions transactions() {
        return null;
    }

    private <T> T inTransaction(Supplier<T> work) {
        return transactions() == null ? work.get() : transactions().inTransaction(work::get);
    }

    private static void awaitLatch(CountDownLatch latch) {
        try {
            if (!latch.await(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("latch not released within 10 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private StoredJourney lifecycle(StoredJourney journey, JourneyStatus status, Instant pausedAt) {
        return journey.withLifecycle(status, pausedAt, null, t0.plusSeconds(1));
    }

    private static StoredJourney withVersion(StoredJourney j, int version) {
        return new StoredJourney(j.id(), j.tenantId(), j.key(), j.name(), j.draftJson(), j.publishedVersion(),
                j.createdAt(), j.updatedAt(), version, j.status(), j.pausedAt(), j.resumedAt());
    }

    private StoredJourney journey(String key, Instant createdAt) {
        return new StoredJourney(nextId(), tenant, key, "Journey " + key, "{\"key\":\"" + key + "\"}", null,
                createdAt, createdAt, 0);
    }

    private PublishedVersion version(StoredJourney journey, int number, String trigger) {
        return new PublishedVersion(nextId(), tenant, journey.id(), number, trigger, "{\"v\":" + number + "}", true,
                t0.plusSeconds(number));
    }

    private static PublishedVersion withAccepting(PublishedVersion v, boolean accepting) {
        return new PublishedVersion(v.id(), v.tenantId(), v.journeyId(), v.version(), v.triggerEvent(),
                v.definitionJson(), accepting, v.publishedAt());
    }
}
