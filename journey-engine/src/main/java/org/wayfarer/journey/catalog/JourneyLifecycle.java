package org.wayfarer.journey.catalog;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wayfarer.journey.StaleDataException;
import org.wayfarer.journey.Transactions;

/**
 * Publishing with a migration, pausing, resuming, stopping and archiving a journey, for the admin API. The journey's
 * new status is committed first, on its own, and the change is announced ({@link PublicationListener}, so this node's
 * trigger index and set of paused journeys follow at once, other nodes within their refresh); then the journey's
 * instances are dealt with in pages ({@link LiveInstances}). A failure between the two leaves a state that repeating
 * the request finishes (stop, publish with the same migration) or that the engine finishes by itself (a resume: see
 * {@link #finishReleases}).
 *
 * <p>All methods are tenant-scoped (another tenant's journey is {@link JourneyNotFoundException}), must be called
 * outside a transaction, and are thread-safe; concurrent changes of one journey are caught by the store's optimistic
 * locking ({@link StaleDataException}). The transitions are {@link LifecycleRules}'.
 */
public final class JourneyLifecycle {

    private static final Logger log = LoggerFactory.getLogger(JourneyLifecycle.class);

    private final JourneyCatalog catalog;
    private final JourneyStore journeys;
    private final LiveInstances instances;
    private final Transactions transactions;
    private final Clock clock;
    private final PublicationListener listener;
    /** Journeys whose held timers a thread of this node is releasing right now. */
    private final Set<Long> releasing = ConcurrentHashMap.newKeySet();

    public JourneyLifecycle(JourneyCatalog catalog, JourneyStore journeys, LiveInstances instances,
                            Transactions transactions, Clock clock, PublicationListener listener) {
        this.catalog = Objects.requireNonNull(catalog, "catalog");
        this.journeys = Objects.requireNonNull(journeys, "journeys");
        this.instances = Objects.requireNonNull(instances, "instances");
        this.transactions = Objects.requireNonNull(transactions, "transactions");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.listener = Objects.requireNonNull(listener, "listener");
    }

    /**
     * Publishes the draft ({@link JourneyCatalog#publish(long, long, Map)}, which checks {@code migrate} first), then
     * moves the waiting instances the map names onto the latest version. Repeating the request after a failure is
     * safe: the unchanged draft publishes nothing, and the instances already moved are no longer at an old node.
     *
     * @param migrate old node id to new node id; empty for none
     * @throws InvalidMigrationException when the map cannot be applied; nothing is published then
     */
    public JourneyView publish(long tenantId, long journeyId, Map<String, String> migrate) {
        JourneyView view = catalog.publish(tenantId, journeyId, migrate);
        if (!migrate.isEmpty()) {
            int moved = instances.migrate(tenantId, journeyId, view.publishedVersion(), migrate);
            log.info("journey {}: {} waiting instance(s) moved to version {}", journeyId, moved,
                    view.publishedVersion());
        }
        return view;
    }

    /**
     * Pauses a PUBLISHED journey: no new entries, and its instances' timers that fall due are held until it is
     * resumed (docs/adr/0009). Nothing of its instances is written now.
     *
     * @throws JourneyStateException when the journey is not PUBLISHED
     */
    public JourneyView pause(long tenantId, long journeyId) {
        JourneyView view = transactions.inTransaction(() -> {
            StoredJourney current = catalog.load(tenantId, journeyId);
            JourneyStatus next = LifecycleRules.after(journeyId, current.status(), LifecycleRules.Action.PAUSE);
            Instant now = clock.instant();
            return write(current.withLifecycle(next, now, null, now));
        });
        listener.acceptingChanged();
        return view;
    }

    /**
     * Resumes a PAUSED journey: it takes entries again and every timer held during the pause is released (those due
     * meanwhile run at once, late, saying so; the others were never held and run at their time).
     *
     * @throws JourneyStateException when the journey is not PAUSED
     */
    public JourneyView resume(long tenantId, long journeyId) {
        StoredJourney resumed = transactions.inTransaction(() -> {
            StoredJourney current = catalog.load(tenantId, journeyId);
            JourneyStatus next = LifecycleRules.after(journeyId, current.status(), LifecycleRules.Action.RESUME);
            Instant now = clock.instant();
            StoredJourney written = current.withLifecycle(next, current.pausedAt(), now, now);
            journeys.update(written);
            return JourneyCatalog.afterUpdate(written);
        });
        listener.acceptingChanged();
        finishRelease(tenantId, journeyId, resumed.pausedAt(), resumed.resumedAt());
        return catalog.get(tenantId, journeyId);
    }

    /**
     * Stops a PUBLISHED or PAUSED journey: nothing enters any more, and every live instance of every version ends
     * EXITED ({@value LiveInstances#STOPPED}). Stopping a STOPPED journey again ends whatever an interrupted stop left.
     *
     * @throws JourneyStateException when the journey is DRAFT or ARCHIVED
     */
    public JourneyView stop(long tenantId, long journeyId) {
        JourneyView view = transactions.inTransaction(() -> {
            StoredJourney current = catalog.load(tenantId, journeyId);
            JourneyStatus next = LifecycleRules.after(journeyId, current.status(), LifecycleRules.Action.STOP);
            if (current.status() == next) {
                return catalog.view(current);
            }
            return write(current.withLifecycle(next, null, null, clock.instant()));
        });
        listener.acceptingChanged();
        int ended = instances.stopAll(tenantId, journeyId);
        log.info("journey {} stopped: {} live instance(s) ended", journeyId, ended);
        return view;
    }

    /**
     * Archives a DRAFT or STOPPED journey (a stopped one after ending anything an interrupted stop left running).
     *
     * @throws JourneyStateException when the journey is PUBLISHED or PAUSED ("stop it first"), or already archived
     */
    public JourneyView archive(long tenantId, long journeyId) {
        StoredJourney current = catalog.load(tenantId, journeyId);
        LifecycleRules.after(journeyId, current.status(), LifecycleRules.Action.ARCHIVE);
        if (current.status() == JourneyStatus.STOPPED) {
            instances.stopAll(tenantId, journeyId);
        }
        JourneyView view = transactions.inTransaction(() -> {
            StoredJourney now = catalog.load(tenantId, journeyId);
            JourneyStatus next = LifecycleRules.after(journeyId, now.status(), LifecycleRules.Action.ARCHIVE);
            return write(now.withLifecycle(next, null, null, clock.instant()));
        });
        listener.acceptingChanged();
        return view;
    }

    /**
     * Finishes the resumes that were cut short (the held timers of a resumed journey not all released: a crash, a
     * database failure), on any node; the engine calls this with what its set of paused journeys last read. Safe to
     * repeat and to run on several nodes at once: each timer is released once. Never throws.
     */
    public void finishReleases(List<Pause> pauses) {
        for (Pause pause : pauses) {
            if (!pause.releasePending()) {
                continue;
            }
            try {
                finishRelease(pause.tenantId(), pause.journeyId(), pause.pausedAt(),
                        pause.resumedAt() != null ? pause.resumedAt() : clock.instant());
            } catch (RuntimeException e) {
                log.warn("releasing the held timers of journey {} failed; trying again later: {}", pause.journeyId(),
                        e.toString());
            }
        }
    }

    /** Releases the held timers, then clears the pause if it is still the one released. */
    private void finishRelease(long tenantId, long journeyId, Instant pausedAt, Instant resumedAt) {
        if (!releasing.add(journeyId)) {
            return;
        }
        try {
            int released = instances.releaseHeld(tenantId, journeyId, pausedAt, resumedAt);
            transactions.run(() -> journeys.find(tenantId, journeyId)
                    .filter(j -> j.status() != JourneyStatus.PAUSED && Objects.equals(j.pausedAt(), pausedAt))
                    .ifPresent(j -> journeys.update(j.withLifecycle(j.status(), null, null, j.updatedAt()))));
            log.info("journey {} resumed: {} held timer(s) released", journeyId, released);
        } catch (StaleDataException e) {
            log.info("journey {} changed while its held timers were released; its pause is cleared later", journeyId);
        } finally {
            releasing.remove(journeyId);
        }
        listener.acceptingChanged();
    }

    private JourneyView write(StoredJourney journey) {
        journeys.update(journey);
        return catalog.view(JourneyCatalog.afterUpdate(journey));
    }
}
