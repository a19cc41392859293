package org.wayfarer.journey.catalog;

import java.util.List;
import java.util.Optional;

/**
 * Journeys and their published versions (port). Every read is tenant-scoped. Joins the caller's transaction.
 */
public interface JourneyStore {

    Optional<StoredJourney> find(long tenantId, long journeyId);

    Optional<StoredJourney> findByKey(long tenantId, String key);

    /** All of the tenant's journeys, oldest first. */
    List<StoredJourney> list(long tenantId);

    /** @throws JourneyKeyTakenException when the tenant already has a journey with this key */
    void insert(StoredJourney journey);

    /**
     * Replaces name, draft, published version and updated-at where the stored row still has {@code journey.version()};
     * stores {@code version + 1}.
     *
     * @throws org.wayfarer.journey.StaleDataException when the row changed meanwhile
     */
    void update(StoredJourney journey);

    /** Inserts a version and marks every earlier version of the journey as no longer accepting entries. */
    void publish(PublishedVersion version);

    Optional<PublishedVersion> version(long tenantId, long journeyId, int version);

    /** Accepting versions whose trigger is {@code triggerEvent}. */
    List<PublishedVersion> acceptingFor(long tenantId, String triggerEvent);

    /** Every tenant's accepting versions: the runtime's in-memory trigger index is built from this. */
    List<PublishedVersion> allAccepting();
}
