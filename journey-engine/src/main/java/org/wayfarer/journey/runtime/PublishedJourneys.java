package org.wayfarer.journey.runtime;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wayfarer.journey.catalog.JourneyStore;
import org.wayfarer.journey.catalog.PublicationListener;
import org.wayfarer.journey.catalog.PublishedVersion;
import org.wayfarer.journey.definition.Compilation;
import org.wayfarer.journey.definition.JourneyCompiler;
import org.wayfarer.journey.definition.JourneyDefinition;

/**
 * Published versions compiled once and cached (a version is immutable), and the trigger index: which accepting
 * versions each (tenant, event type) enters, held in memory so matching an event reads nothing, and the accepting
 * versions with a timed trigger (schedule or date), which no event enters. The index is rebuilt
 * when this node publishes ({@link PublicationListener}) and by {@link #refreshIfChanged()}, which the host calls
 * every second so a publish on another node is seen too. The set of paused journeys ({@link #paused()}) is refreshed
 * with it.
 */
public final class PublishedJourneys implements PublicationListener {

    private static final Logger log = LoggerFactory.getLogger(PublishedJourneys.class);

    private final JourneyStore store;
    private final JourneyCompiler compiler;
    private final Cache<String, JourneyDefinition> compiled = Caffeine.newBuilder().maximumSize(10_000).build();
    private final PausedJourneys paused;
    private volatile Index index;

    public PublishedJourneys(JourneyStore store, JourneyCompiler compiler) {
        this.store = Objects.requireNonNull(store);
        this.compiler = Objects.requireNonNull(compiler);
        this.paused = new PausedJourneys(store);
    }

    /** The journeys paused right now, refreshed with this index. */
    public PausedJourneys paused() {
        return paused;
    }

    /** A version that takes new entries, with its compiled definition. */
    public record Candidate(PublishedVersion version, JourneyDefinition definition) {
    }

    private record Index(Set<Long> versionIds, Map<String, List<Candidate>> byTrigger, List<Candidate> timed) {
    }

    /** The accepting versions a {@code eventType} event of the tenant enters, from memory. */
    public List<Candidate> acceptingFor(long tenantId, String eventType) {
        return current().byTrigger().getOrDefault(tenantId + "|" + eventType, List.of());
    }

    /** The accepting versions with a schedule or date trigger, of every tenant, from memory. */
    public List<Candidate> timed() {
        return current().timed();
    }

    /** The index, read from the store on first use. */
    private Index current() {
        Index current = index;
        if (current != null) {
            return current;
        }
        synchronized (this) {
            return index != null ? index : rebuild(store.allAccepting());
        }
    }

    /**
     * Reads and rebuilds under the index's lock, as {@link #refreshIfChanged()} does: a background refresh that read
     * the store just before a publish committed must not install its older answer after this one.
     */
    @Override
    public void acceptingChanged() {
        synchronized (this) {
            rebuild(store.allAccepting());
        }
        paused.refresh();
    }

    /** Rebuilds the index when the set of accepting versions in the store differs from the one in memory. */
    public void refreshIfChanged() {
        synchronized (this) {
            List<PublishedVersion> accepting = store.allAccepting();
            Index current = index;
            Set<Long> ids = accepting.stream().map(PublishedVersion::id).collect(Collectors.toSet());
            if (current == null || !current.versionIds().equals(ids)) {
                rebuild(accepting);
            }
        }
        paused.refresh();
    }

    /** The definition an instance runs on (its own version, not necessarily the latest). */
    public JourneyDefinition definition(long tenantId, long journeyId, int version) {
        JourneyDefinition cached = compiled.getIfPresent(key(journeyId, version));
        if (cached != null) {
            return cached;
        }
        PublishedVersion stored = store.version(tenantId, journeyId, version).orElseThrow(() ->
                new IllegalStateException("journey " + journeyId + " has no published version " + version));
        return compiled(stored);
    }

    private synchronized Index rebuild(List<PublishedVersion> accepting) {
        Map<String, List<Candidate>> byTrigger = new HashMap<>();
        List<Candidate> timed = new ArrayList<>();
        for (PublishedVersion version : accepting) {
            try {
                Candidate candidate = new Candidate(version, compiled(version));
                if (candidate.definition().trigger().timed()) {
                    timed.add(candidate);
                    continue;
                }
                byTrigger.computeIfAbsent(version.tenantId() + "|" + version.triggerEvent(), k -> new ArrayList<>())
                        .add(candidate);
            } catch (RuntimeException e) {
                // one broken version must not take every other journey's entries down with it
                log.error("journey {} version {} takes no entries: {}", version.journeyId(), version.version(),
                        e.getMessage());
            }
        }
        byTrigger.replaceAll((k, v) -> List.copyOf(v));
        Index rebuilt = new Index(accepting.stream().map(PublishedVersion::id).collect(Collectors.toSet()),
                Map.copyOf(byTrigger), List.copyOf(timed));
        index = rebuilt;
        return rebuilt;
    }

    private JourneyDefinition compiled(PublishedVersion version) {
        return compiled.get(key(version.journeyId(), version.version()), k -> {
            Compilation compilation = compiler.compile(version.definitionJson());
            if (!compilation.valid()) {
                throw new IllegalStateException("published version " + version.version() + " of journey "
                        + version.journeyId() + " no longer compiles: " + compilation.errors());
            }
            return compilation.definition();
        });
    }

    private static String key(long journeyId, int version) {
        return journeyId + ":" + version;
    }
}
