package org.wayfarer.journey.segment;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A saved segment's filter: a tree of groups ({@link All}, {@link Any}) over conditions on a contact's attributes,
 * tags and recent events. Declarative, so that an adapter can run most of it as SQL over millions of contacts; what
 * SQL cannot express portably (attribute conditions, see docs/adr/0010) is evaluated here by {@link #test}.
 *
 * <p>Built by {@link SegmentFilterReader}, which checks every limit; the records themselves only normalise.
 * Immutable and thread-safe.
 */
public sealed interface SegmentFilter {

    /**
     * Whether the contact described by {@code subject} matches. Attribute conditions are decided here; tag and event
     * conditions are asked of the subject (an adapter answers them from SQL, the in-memory one from its maps).
     */
    boolean test(Subject subject);

    /** What {@link #test} needs to know about one contact. */
    interface Subject {

        /** The contact's attributes, never null. */
        Map<String, Object> attributes();

        /** Whether a {@link Tag}, {@link NotTag} or {@link Event} condition holds for the contact. */
        boolean holds(SegmentFilter condition);
    }

    /** Every condition holds. */
    record All(List<SegmentFilter> conditions) implements SegmentFilter {

        public All {
            conditions = List.copyOf(conditions);
        }

        @Override
        public boolean test(Subject subject) {
            for (SegmentFilter condition : conditions) {
                if (!condition.test(subject)) {
                    return false;
                }
            }
            return true;
        }
    }

    /** At least one condition holds. */
    record Any(List<SegmentFilter> conditions) implements SegmentFilter {

        public Any {
            conditions = List.copyOf(conditions);
        }

        @Override
        public boolean test(Subject subject) {
            for (SegmentFilter condition : conditions) {
                if (condition.test(subject)) {
                    return true;
                }
            }
            return false;
        }
    }

    /** How an {@link Attribute} condition compares. */
    enum Op {
        EQ("eq"), NE("ne"), GT("gt"), GTE("gte"), LT("lt"), LTE("lte"), IN("in"), EXISTS("exists");

        private final String json;

        Op(String json) {
            this.json = json;
        }

        /** The name in the filter JSON. */
        public String json() {
            return json;
        }
    }

    /**
     * A condition on one top-level attribute. {@code value} is a {@link String}, a {@link BigDecimal} or a
     * {@link Boolean}; a {@code List} of those for {@link Op#IN}; a {@code Boolean} for {@link Op#EXISTS}. See
     * {@link AttributeMatch} for what a missing attribute and mismatched types mean.
     */
    record Attribute(String name, Op op, Object value) implements SegmentFilter {

        public Attribute {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(op, "op");
            Objects.requireNonNull(value, "value");
            if (value instanceof List<?> list) {
                value = List.copyOf(list);
            }
        }

        @Override
        public boolean test(Subject subject) {
            return AttributeMatch.matches(this, subject.attributes());
        }
    }

    /** The contact has the tag. */
    record Tag(String tag) implements SegmentFilter {

        public Tag {
            Objects.requireNonNull(tag, "tag");
        }

        @Override
        public boolean test(Subject subject) {
            return subject.holds(this);
        }
    }

    /** The contact lacks the tag. */
    record NotTag(String tag) implements SegmentFilter {

        public NotTag {
            Objects.requireNonNull(tag, "tag");
        }

        @Override
        public boolean test(Subject subject) {
            return subject.holds(this);
        }
    }

    /**
     * The contact has between {@code min} and {@code max} (inclusive; null: no upper bound) events of {@code type}
     * that occurred in the window {@code [now - within, now]}, both ends included.
     */
    record Event(String type, Duration within, int min, Integer max) implements SegmentFilter {

        public Event {
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(within, "within");
        }

        /** Whether a contact with {@code count} events in the window matches. */
        public boolean accepts(long count) {
            return count >= min && (max == null || count <= max);
        }

        @Override
        public boolean test(Subject subject) {
            return subject.holds(this);
        }
    }
}
