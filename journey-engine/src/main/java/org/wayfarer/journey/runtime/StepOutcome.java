package org.wayfarer.journey.runtime;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.wayfarer.journey.definition.QuietHoursRule;
import org.wayfarer.journey.definition.SendNode;

/** What a node decided; the runtime persists it, then acts on it. {@code next} is null where the path ends. */
public sealed interface StepOutcome {

    /** Go straight on to {@code next}; {@code detail} (nullable) says why, for the step log. */
    record Advance(String next, String detail) implements StepOutcome {

        public Advance(String next) {
            this(next, null);
        }
    }

    /** Sleep until {@code wakeAt}, then go on to {@code next}. */
    record WaitUntil(Instant wakeAt, String next) implements StepOutcome {
    }

    /**
     * Park until the awaited event or condition arrives, or until {@code timeoutAt} (null: no timeout);
     * {@code awaiting} describes what for, for the step log.
     */
    record WaitForEvent(String awaiting, Instant timeoutAt) implements StepOutcome {
    }

    /** A split drew {@code path}: count it, then go on to {@code next}. */
    record Split(String path, String next) implements StepOutcome {
    }

    /**
     * Queue {@code message} (already rendered) on {@code channel} from {@code account} (null: whichever account the
     * contact is reachable by), then go on to {@code next}.
     */
    record Dispatch(List<Rendered> choices, String account, String next, String failed, String soldOut,
                    SendNode.Stock stock, QuietHoursRule quietHours) implements StepOutcome {

        /** One channel to try, in order, and its message rendered. */
        public record Rendered(String channel, Map<String, Object> message) {
        }

        public Dispatch {
            choices = List.copyOf(choices);
        }

        /** A dispatch on one channel. */
        public Dispatch(String channel, String account, Map<String, Object> message, String next,
                        QuietHoursRule quietHours) {
            this(List.of(new Rendered(channel, message)), account, next, null, null, null, quietHours);
        }

        /** A dispatch on one channel with no quiet hours of the node's own. */
        public Dispatch(String channel, String account, Map<String, Object> message, String next) {
            this(channel, account, message, next, null);
        }

        /** The first channel. */
        public String channel() {
            return choices.get(0).channel();
        }

        /** The first channel's message. */
        public Map<String, Object> message() {
            return choices.get(0).message();
        }
    }

    /**
     * Change the contact (values and tags already rendered), then go on to {@code next}: {@code set} attributes,
     * {@code unset} attributes, {@code addTags}, {@code removeTags}.
     */
    record Update(Map<String, Object> set, List<String> unset, List<String> addTags, List<String> removeTags,
                  String next) implements StepOutcome {

        public Update {
            set = Collections.unmodifiableMap(new LinkedHashMap<>(set));
            unset = List.copyOf(unset);
            addTags = List.copyOf(addTags);
            removeTags = List.copyOf(removeTags);
        }
    }

    /**
     * Call a webhook through the outbox ({@code message} is the rendered call for the {@code webhook} channel) and
     * park until its answer arrives as an event, or until {@code deadline}, when the call counts as failed.
     */
    record CallWebhook(Map<String, Object> message, Instant deadline) implements StepOutcome {
    }

    /** End the instance as completed. */
    record Exit(String reason) implements StepOutcome {
    }
}
