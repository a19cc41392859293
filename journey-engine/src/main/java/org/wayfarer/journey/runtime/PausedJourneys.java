package org.wayfarer.journey.runtime;

import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.wayfarer.journey.catalog.JourneyStatus;
import org.wayfarer.journey.catalog.JourneyStore;
import org.wayfarer.journey.catalog.Pause;

/**
 * The journeys that are paused right now, held in memory so the wake-up and event paths ask nothing of the database
 * when nothing is paused (docs/adr/0009). Refreshed with the trigger index: when this node pauses or resumes a journey
 * ({@link org.wayfarer.journey.catalog.PublicationListener}) and every second for other nodes' changes
 * ({@link PublishedJourneys#refreshIfChanged()}); read from the store on first use. Also knows the resumes that were
 * cut short, for the engine to finish. Thread-safe.
 */
public final class PausedJourneys {

    private record State(Set<Long> paused, List<Pause> pauses) {
    }

    private final JourneyStore store;
    private volatile State state;

    public PausedJourneys(JourneyStore store) {
        this.store = Objects.requireNonNull(store, "store");
    }

    /** Whether the journey is paused, as this node last read it (at most a refresh period old). */
    public boolean isPaused(long journeyId) {
        State current = state;
        if (current == null) {
            current = refresh();
        }
        return !current.paused().isEmpty() && current.paused().contains(journeyId);
    }

    /** Whether no journey is paused, as this node last read it: the hot path's one question when nothing is. */
    public boolean none() {
        State current = state;
        if (current == null) {
            current = refresh();
        }
        return current.paused().isEmpty();
    }

    /**
     * Whether the journey is paused as last committed, read under its row lock (held until the caller's transaction
     * ends, see {@link JourneyStore#lockStatus}), so a resume cannot commit between this answer and the caller's
     * commit. One statement; asked only for a journey {@link #isPaused} says is paused. In a transaction.
     */
    public boolean confirmPaused(long tenantId, long journeyId) {
        return store.lockStatus(tenantId, journeyId).orElse(null) == JourneyStatus.PAUSED;
    }

    /** The resumed journeys whose held timers are still to be released, as last read. */
    public List<Pause> releasesPending() {
        State current = state;
        return current == null ? List.of()
                : current.pauses().stream().filter(Pause::releasePending).toList();
    }

    /** Reads the journeys whose pause is not over. */
    State refresh() {
        List<Pause> pauses = store.pauses();
        State read = new State(pauses.stream().filter(p -> !p.releasePending()).map(Pause::journeyId)
                .collect(Collectors.toUnmodifiableSet()), List.copyOf(pauses));
        state = read;
        return read;
    }
}
