package org.wayfarer.journey.preview;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.wayfarer.journey.event.EventTypes;

/**
 * What a preview runs: a hypothetical contact ({@code attributes}, including {@code timezone}, and {@code tags}), the
 * events it has at given times, how far to run ({@code until}) and the answers of webhook calls by node id.
 *
 * <p>Bounds: 1 to {@value #MAX_EVENTS} events, all within {@link #MAX_SPAN} of the earliest; {@code until} (nullable:
 * the earliest event plus {@link #MAX_SPAN}) neither before the earliest event nor more than {@link #MAX_SPAN} after
 * it. Immutable.
 *
 * @param webhooks by webhook node id; a node without one is not simulated (see {@link JourneyPreview})
 */
public record PreviewScenario(Map<String, Object> attributes, Set<String> tags, List<TimedEvent> events,
                              Instant until, Map<String, WebhookAnswer> webhooks) {

    /** Most events a preview takes. */
    public static final int MAX_EVENTS = 100;
    /** The longest stretch of virtual time a preview covers, from its earliest event. */
    public static final Duration MAX_SPAN = Duration.ofDays(366);

    /**
     * @throws IllegalArgumentException naming the bound, when one is broken
     */
    public PreviewScenario {
        attributes = copy(attributes, "contact attribute");
        tags = tags == null ? Set.of() : Set.copyOf(new TreeSet<>(tags));
        webhooks = webhooks == null ? Map.of() : Map.copyOf(webhooks);
        if (events == null || events.isEmpty() || events.size() > MAX_EVENTS) {
            throw new IllegalArgumentException("a preview takes 1 to " + MAX_EVENTS + " events, not "
                    + (events == null ? 0 : events.size()));
        }
        events = List.copyOf(events);
        Instant start = events.stream().map(TimedEvent::at).min(Comparator.naturalOrder()).orElseThrow();
        Instant latest = events.stream().map(TimedEvent::at).max(Comparator.naturalOrder()).orElseThrow();
        if (latest.isAfter(start.plus(MAX_SPAN))) {
            throw new IllegalArgumentException("the events span from " + start + " to " + latest + "; a preview "
                    + "covers at most " + MAX_SPAN.toDays() + " days");
        }
        if (until != null && (until.isBefore(start) || until.isAfter(start.plus(MAX_SPAN)))) {
            throw new IllegalArgumentException("until " + until + " must lie between the first event (" + start
                    + ") and " + MAX_SPAN.toDays() + " days after it");
        }
    }

    /** The earliest event's time: where virtual time starts. */
    public Instant start() {
        return events.stream().map(TimedEvent::at).min(Comparator.naturalOrder()).orElseThrow();
    }

    /** Where virtual time stops: {@code until}, or {@link #MAX_SPAN} after the start. */
    public Instant horizon() {
        return until != null ? until : start().plus(MAX_SPAN);
    }

    /** The events in time order; events at the same instant keep the order they were given in. */
    public List<TimedEvent> inTimeOrder() {
        List<TimedEvent> sorted = new ArrayList<>(events);
        sorted.sort(Comparator.comparing(TimedEvent::at));
        return sorted;
    }

    /** One event of the contact: its {@code type} ({@code <source>.<verb_ed>}), when, and its properties. */
    public record TimedEvent(String type, Instant at, Map<String, Object> properties) {

        public TimedEvent {
            if (!EventTypes.isValid(type)) {
                throw new IllegalArgumentException("event type '" + type + "' is not of the form <source>.<verb_ed>");
            }
            if (at == null) {
                throw new IllegalArgumentException("event " + type + " needs its time ('at')");
            }
            properties = copy(properties, "property of event " + type);
        }
    }

    /**
     * The answer a webhook call gets: an HTTP {@code status} (100–599; 2xx goes on at {@code next}, anything else at
     * {@code failed}, as code {@code http-<status>}) and the response {@code body} object (nullable: none).
     */
    public record WebhookAnswer(int status, Map<String, Object> body) {

        public WebhookAnswer {
            if (status < 100 || status > 599) {
                throw new IllegalArgumentException("a webhook answer's status is an HTTP status, 100 to 599, not "
                        + status);
            }
            body = copy(body, "field of a webhook answer");
        }

        public boolean succeeded() {
            return status >= 200 && status < 300;
        }
    }

    /** A read-only copy; top-level null values are refused (events cannot carry them). */
    private static Map<String, Object> copy(Map<String, Object> map, String what) {
        if (map == null) {
            return Map.of();
        }
        Map<String, Object> copy = new LinkedHashMap<>();
        map.forEach((name, value) -> {
            if (name == null || value == null) {
                throw new IllegalArgumentException("a " + what + " must have a name and a value: '" + name + "'");
            }
            copy.put(name, value);
        });
        return Collections.unmodifiableMap(copy);
    }
}
