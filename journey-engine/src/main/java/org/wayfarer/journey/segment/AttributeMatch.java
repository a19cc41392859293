package org.wayfarer.journey.segment;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;

/**
 * What an attribute condition means, in one place for every adapter (docs/adr/0010):
 * <ul>
 *   <li>A missing attribute (absent, or JSON null) fails every comparison ({@code eq}, {@code gt}, {@code gte},
 *       {@code lt}, {@code lte}, {@code in}); {@code ne} holds for it, and so does {@code exists: false}.</li>
 *   <li>Numbers compare numerically ({@code 30} equals {@code 30.0}); a number never equals a string, so the stored
 *       string {@code "30"} does not equal the number {@code 30}, and comparing a number with a string is false.</li>
 *   <li>Strings compare as Java strings (UTF-16 code units, case-sensitive). ISO-8601 dates and instants written the
 *       same way ({@code "2026-03-01"}, or UTC instants with the same precision) therefore compare in time order.</li>
 *   <li>Booleans only equal booleans. Lists and objects stored as attribute values equal nothing and compare with
 *       nothing ({@code ne} holds for them).</li>
 *   <li>{@code ne} is exactly "not {@code eq}".</li>
 * </ul>
 */
final class AttributeMatch {

    /** Returned by {@link #compare} for values that do not compare; below every real result, so {@code > 0} fails. */
    private static final int INCOMPARABLE = Integer.MIN_VALUE;

    private AttributeMatch() {
    }

    static boolean matches(SegmentFilter.Attribute condition, Map<String, Object> attributes) {
        Object actual = attributes.get(condition.name());
        Object expected = condition.value();
        return switch (condition.op()) {
            case EXISTS -> (actual != null) == (Boolean) expected;
            case EQ -> equal(actual, expected);
            case NE -> !equal(actual, expected);
            case IN -> ((List<?>) expected).stream().anyMatch(v -> equal(actual, v));
            case GT -> compare(actual, expected) > 0;
            case GTE -> {
                int c = compare(actual, expected);
                yield c >= 0 && c != INCOMPARABLE;
            }
            case LT -> {
                int c = compare(actual, expected);
                yield c < 0 && c != INCOMPARABLE;
            }
            case LTE -> {
                int c = compare(actual, expected);
                yield c <= 0 && c != INCOMPARABLE;
            }
        };
    }

    private static boolean equal(Object actual, Object expected) {
        if (actual == null) {
            return false;
        }
        if (expected instanceof BigDecimal number) {
            BigDecimal value = decimal(actual);
            return value != null && value.compareTo(number) == 0;
        }
        if (expected instanceof String || expected instanceof Boolean) {
            return expected.equals(actual);
        }
        return false;
    }

    private static int compare(Object actual, Object expected) {
        if (actual == null) {
            return INCOMPARABLE;
        }
        if (expected instanceof BigDecimal number) {
            BigDecimal value = decimal(actual);
            return value == null ? INCOMPARABLE : Integer.signum(value.compareTo(number));
        }
        if (expected instanceof String text && actual instanceof String value) {
            return Integer.signum(value.compareTo(text));
        }
        return INCOMPARABLE;
    }

    /** A stored JSON number as a decimal; null for anything that is not a number. */
    static BigDecimal decimal(Object value) {
        if (value instanceof BigDecimal d) {
            return d;
        }
        if (value instanceof BigInteger i) {
            return new BigDecimal(i);
        }
        if (value instanceof Double || value instanceof Float) {
            double d = ((Number) value).doubleValue();
            return Double.isFinite(d) ? BigDecimal.valueOf(d) : null;
        }
        if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return BigDecimal.valueOf(((Number) value).longValue());
        }
        return null;
    }
}
