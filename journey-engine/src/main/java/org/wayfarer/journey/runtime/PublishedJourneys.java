package org.wayfarer.journey.runtime;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.List;
import java.util.Objects;
import org.wayfarer.journey.catalog.JourneyStore;
import org.wayfarer.journey.catalog.PublishedVersion;
import org.wayfarer.journey.definition.Compilation;
import org.wayfarer.journey.definition.JourneyCompiler;
import org.wayfarer.journey.definition.JourneyDefinition;

/**
 * Published versions compiled once and cached: a version is immutable, so its compiled definition can live as long as
 * memory allows. The trigger index is read from the store on every event, so a publish is seen by the very next
 * event on every node.
 */
public final class PublishedJourneys {

    private final JourneyStore store;
    private final JourneyCompiler compiler;
    private final Cache<String, JourneyDefinition> compiled = Caffeine.newBuilder().maximumSize(10_000).build();

    public PublishedJourneys(JourneyStore store, JourneyCompiler compiler) {
        this.store = Objects.requireNonNull(store);
        this.compiler = Objects.requireNonNull(compiler);
    }

    /** A version that takes new entries, with its compiled definition. */
    public record Candidate(PublishedVersion version, JourneyDefinition definition) {
    }

    public List<Candidate> acceptingFor(long tenantId, String eventType) {
        return store.acceptingFor(tenantId, eventType).stream()
                .map(v -> new Candidate(v, compiled(v)))
                .toList();
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
