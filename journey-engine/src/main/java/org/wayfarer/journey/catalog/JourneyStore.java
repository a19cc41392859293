package org.wayfarer.journey.catalog;

import java.util.List;
import java.util.Optional;

/**
 * Journeys and their published versions (port). Every read is tenant-scoped but {@link #allAccepting} and
 * {@link #pauses}, which feed the runtime's in-memory indexes. Joins the caller's transaction; thread-safe.
 */
public interface JourneyStore {

    Optional<StoredJourney> find(long tenantId, long journeyId);

    Optional<StoredJourney> findByKey(long tenantId, String key);

    /** All of the tenant's journeys, archived ones included, oldest first. */
    List<StoredJourney> list(long tenantId);

    /** @throws JourneyKeyTakenException when the tenant already has a journey with this key */
    void insert(StoredJourney journey);

    /**
     * Replaces name, draft, published version, status, paused-at, resumed-at and updated-at where the stored row still
     * has {@code journey.version()}; stores {@code version + 1}.
     *
     * @throws org.wayfarer.journey.StaleDataException when the row changed meanwhile
     */
    void update(StoredJourney journey);

    /** Inserts a version and marks every earlier version of the journey as no longer accepting entries. */
    void publish(PublishedVersion version);

    Optional<PublishedVersion> version(long tenantId, long journeyId, int version);

    /**
     * Accepting versions whose trigger is {@code triggerEvent}, leaving out those of journeys that are
     * {@link JourneyStatus#PAUSED}, {@link JourneyStatus#STOPPED} or {@link JourneyStatus#ARCHIVED}.
     */
    List<PublishedVersion> acceptingFor(long tenantId, String triggerEvent);

    /**
     * Every tenant's accepting versions, leaving out those of paused, stopped and archived journeys: the runtime's
     * in-memory trigger index is built from this, so a journey that takes no entries is never offered one.
     */
    List<PublishedVersion> allAccepting();

    /**
     * Every tenant's journeys whose pause is not over ({@code paused_at} set): the paused ones, and the resumed ones
     * whose held timers are still to be released. Read every second by each node (the runtime's set of paused
     * journeys); the table's index on {@code paused_at} keeps it small.
     */
    List<Pause> pauses();

    /**
     * The journey's status as last committed, read with a row lock ({@code SELECT ... FOR UPDATE}) held until the
     * caller's transaction ends: a pause, resume or stop of the journey waits for that transaction, and this read
     * waits for theirs. Must be called inside a transaction. Empty when the tenant has no such journey.
     */
    Optional<JourneyStatus> lockStatus(long tenantId, long journeyId);
}
