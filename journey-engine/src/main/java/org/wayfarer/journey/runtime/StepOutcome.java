package org.wayfarer.journey.runtime;

import java.time.Instant;
import java.util.Map;

/** What a node decided; the runtime persists it, then acts on it. {@code next} is null where the path ends. */
public sealed interface StepOutcome {

    /** Go straight on to {@code next}. */
    record Advance(String next) implements StepOutcome {
    }

    /** Sleep until {@code wakeAt}, then go on to {@code next}. */
    record WaitUntil(Instant wakeAt, String next) implements StepOutcome {
    }

    /**
     * Queue {@code message} (already rendered) on {@code channel} from {@code account} (null: whichever account the
     * contact is reachable by), then go on to {@code next}.
     */
    record Dispatch(String channel, String account, Map<String, Object> message, String next) implements StepOutcome {
    }

    /** End the instance as completed. */
    record Exit(String reason) implements StepOutcome {
    }
}
