package org.wayfarer.journey.definition;

import java.util.Set;

/**
 * Parses and validates journey JSON (DESIGN section 4, v1) into a {@link JourneyDefinition}, reporting every error at
 * once with JSON pointers. Thread-safe.
 */
public final class JourneyCompiler {

    private final Set<String> knownChannels;
    private final Limits limits;

    /** @param knownChannels channel names send nodes may use (the registered channel senders) */
    public JourneyCompiler(Set<String> knownChannels, Limits limits) {
        this.knownChannels = Set.copyOf(knownChannels);
        this.limits = limits;
    }

    /** Never throws for bad input: problems come back in the {@link Compilation}. */
    public Compilation compile(String json) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /** Size limits that keep one definition from hurting the engine. */
    public record Limits(int maxBytes, int maxNodes) {

        public static Limits defaults() {
            return new Limits(256 * 1024, 200);
        }
    }
}
