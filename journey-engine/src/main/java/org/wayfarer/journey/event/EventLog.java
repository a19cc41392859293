package org.wayfarer.journey.event;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The durable log of contact events (port). Its unique (tenant, source, dedupe key) is the callback dedupe guard.
 * In embedded mode its pending rows are also the event bus inbox.
 */
public interface EventLog {

    /**
     * Stores the event as {@link EventStatus#PENDING} under {@code id}, committed when the surrounding transaction
     * (if any) commits.
     *
     * @return {@link IntakeResult.Accepted} with {@code id}, or {@link IntakeResult.Duplicate} with the stored
     *         event's id when (tenant, source, dedupe key) exists; a duplicate changes nothing
     */
    IntakeResult append(long id, ContactEvent event, int partition, Instant receivedAt);

    Optional<StoredEvent> find(long eventId);

    /** Pending events of one partition, oldest first. */
    List<StoredEvent> pending(int partition, int limit);

    /**
     * Marks a pending event processed for {@code contactId}. Returns false (and changes nothing) when the event is no
     * longer pending: another worker processed it, so the caller must roll back its work.
     */
    boolean markProcessed(long eventId, long contactId, Instant at);

    /** Counts a failed attempt and stores the error; {@code giveUp} moves the event to {@link EventStatus#FAILED}. */
    void markFailed(long eventId, String error, boolean giveUp, Instant at);

    /** The contact's processed events, newest first. */
    List<StoredEvent> timeline(long tenantId, long contactId, int limit);
}
