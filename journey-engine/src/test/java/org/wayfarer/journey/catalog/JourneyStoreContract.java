package org.wayfarer.journey.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.wayfarer.journey.ContractFixtures.nextId;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.wayfarer.journey.ContractFixtures;
import org.wayfarer.journey.StaleDataException;

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
