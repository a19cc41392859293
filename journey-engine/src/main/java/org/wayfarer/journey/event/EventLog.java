package org.wayfarer.journey.event;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The durable log of contact events (port). Its unique (tenant, source, dedupe key) is the callback dedupe guard.
 * In embedded mode its pending rows are also the event bus inbox. Every method joins the caller's transaction.
 */
public interface EventLog {

    /** An event about to be stored: its id, the contact it was resolved to at intake and that contact's partition. */
    record NewEvent(long id, ContactEvent event, long contactId, int partition) {
    }

    /**
     * The ids already stored under any of {@code keys}, for the intake writer's duplicate check of a whole batch in
     * one read. Keys without a stored event are absent from the answer.
     */
    Map<DedupeKey, Long> existing(Collection<DedupeKey> keys);

    /**
     * Stores every event as {@link EventStatus#PENDING} with multi-row statements. The caller has checked
     * {@link #existing}; a key stored concurrently since then makes this throw (the database's unique key is the
     * guard), and the caller falls back to {@link #append} one by one.
     */
    void appendAll(List<NewEvent> events, Instant receivedAt);

    /**
     * Stores one event as {@link EventStatus#PENDING}.
     *
     * @return {@link IntakeResult.Accepted} with the event's id, or {@link IntakeResult.Duplicate} with the stored
     *         event's id when (tenant, source, dedupe key) exists; a duplicate changes nothing
     */
    IntakeResult append(NewEvent event, Instant receivedAt);

    Optional<StoredEvent> find(long eventId);

    /** The events with these ids (for example the triggers of instances being resumed), in no particular order. */
    List<StoredEvent> findAll(Collection<Long> eventIds);

    /**
     * Pending events of one partition, oldest first, leaving out events backing off after a failure until their
     * next attempt is due at {@code now}, and every event of the contacts in {@code skipContacts} (contacts whose
     * earlier event is backing off: their later events wait behind it, so a contact's order holds).
     */
    List<StoredEvent> pending(int partition, Instant now, int limit, Collection<Long> skipContacts);

    /** Pending events of one partition that failed before and are backing off or due again (attempts above zero). */
    List<StoredEvent> retrying(int partition, int limit);

    /**
     * Marks pending events processed. Returns how many were still pending: fewer than asked means another worker
     * processed some of them, and the caller must roll back its work.
     */
    int markProcessed(Collection<Long> eventIds, Instant at);

    /**
     * Counts a failed attempt and stores the error. With {@code retryAt} the event stays pending and is due again
     * then; without it the event gives up as {@link EventStatus#FAILED}, kept for inspection and {@link #requeue}.
     * Does nothing to an event that is no longer pending.
     */
    void markFailed(long eventId, String error, Instant retryAt, Instant at);

    /** The tenant's failed events, newest first, with ids below {@code beforeId} when given (pagination). */
    List<StoredEvent> failed(long tenantId, Long beforeId, int limit);

    /**
     * Puts one of the tenant's failed events back to pending with its attempts reset, due now.
     *
     * @return the event as re-queued, or empty when the tenant has no failed event with this id
     */
    Optional<StoredEvent> requeue(long tenantId, long eventId, Instant at);

    /** Where a pending event waits: enough to move it to another partition. */
    record Route(long eventId, Long contactId, int partition) {
    }

    /** Routes of pending events with ids above {@code afterId}, in id order (paging through the whole inbox). */
    List<Route> pendingRoutes(long afterId, int limit);

    /** Moves these pending events to {@code partition}; events no longer pending are left alone. */
    void reroute(Collection<Long> eventIds, int partition);

    /**
     * The namespace (the account: an appId, a corpId) of the contact's newest event, in any status, that came from
     * an identity of {@code kind}; empty when it has none. Which account a contact most recently interacted with.
     */
    Optional<String> lastNamespace(long tenantId, long contactId, IdentityKind kind);

    /**
     * The contact's events (any status) of one of {@code types} from {@code source} that occurred at or after
     * {@code since}, newest first: what a channel's reply window is opened by (index
     * {@code ix_contact_event_contact_type}).
     */
    List<StoredEvent> recent(long tenantId, long contactId, String source, Collection<String> types, Instant since,
                             int limit);

    /** The contact's processed events, newest first. */
    List<StoredEvent> timeline(long tenantId, long contactId, int limit);
}
