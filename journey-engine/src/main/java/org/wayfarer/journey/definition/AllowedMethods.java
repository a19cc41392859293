package org.wayfarer.journey.definition;

import java.time.temporal.TemporalAccessor;
import java.time.temporal.TemporalAmount;
import java.util.Collection;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The methods expressions may call, per kind of value: an allow-list, because a deny-list of the dangerous ones
 * ({@code repeat}, {@code formatted}, {@code matches}, {@code replaceAll}, {@code split}, {@code concat},
 * {@code getBytes}, {@code BigDecimal.pow}, ...) is never complete and grows with every JDK.
 *
 * <p>Each allowed method reads its target and allocates at most a copy of it ({@code substring}, {@code trim},
 * {@code toLowerCase}): its cost is bounded by the size of the input, never by a number in the expression, and none
 * takes a regular expression. Nothing here mutates (collections expose only their reads) or reaches outside the value.
 * Validation checks names against {@link #ANY} (types are not known before run time); the evaluation context checks
 * the (type, name) pair again on every call through {@link #allowed}.
 */
final class AllowedMethods {

    static final Set<String> STRING = Set.of("length", "isEmpty", "isBlank", "charAt", "startsWith", "endsWith",
            "contains", "indexOf", "lastIndexOf", "equals", "equalsIgnoreCase", "compareTo", "compareToIgnoreCase",
            "toLowerCase", "toUpperCase", "trim", "strip", "stripLeading", "stripTrailing", "substring", "toString");

    static final Set<String> COLLECTION = Set.of("size", "isEmpty", "contains", "containsKey", "containsValue", "get",
            "getOrDefault", "indexOf", "lastIndexOf");

    /** Boxed primitives and {@code java.math} numbers. */
    static final Set<String> SCALAR = Set.of("equals", "compareTo", "toString", "booleanValue", "charValue",
            "intValue", "longValue", "doubleValue", "floatValue", "shortValue", "byteValue", "signum", "abs",
            "negate", "scale", "precision");

    /** {@code java.time} values: fields, comparisons and calendar steps. */
    static final Set<String> TIME = Set.of("equals", "compareTo", "toString", "isBefore", "isAfter", "isEqual",
            "getEpochSecond", "getNano", "toEpochMilli", "getYear", "getMonthValue", "getMonth", "getDayOfMonth",
            "getDayOfYear", "getDayOfWeek", "getHour", "getMinute", "getSecond", "getValue", "name", "ordinal",
            "getSeconds", "toMillis", "toSeconds", "toMinutes", "toHours", "toDays", "isNegative", "isZero",
            "plusSeconds", "plusMinutes", "plusHours", "plusDays", "plusWeeks", "plusMonths", "plusYears",
            "minusSeconds", "minusMinutes", "minusHours", "minusDays", "minusWeeks", "minusMonths", "minusYears");

    /** Every name allowed on some kind of value: what validation can check without knowing types. */
    static final Set<String> ANY = union(STRING, COLLECTION, SCALAR, TIME);

    /** A few of them, for error messages. */
    static final String EXAMPLES = "length(), isEmpty(), startsWith(..), contains(..), substring(..), toLowerCase(), "
            + "size(), containsKey(..), get(..), intValue(), isBefore(..)";

    private static final Set<String> VALUE_PACKAGES = Set.of("java.lang", "java.math", "java.time");

    private AllowedMethods() {
    }

    /** Whether {@code name} may be called on {@code target} (null never has methods). */
    static boolean allowed(Object target, String name) {
        if (target instanceof String) {
            return STRING.contains(name);
        }
        if (target instanceof Collection || target instanceof Map) {
            return COLLECTION.contains(name);
        }
        if (target == null || !VALUE_PACKAGES.contains(target.getClass().getPackageName())) {
            // Number alone would let in mutable ones such as AtomicLong, and a fact could hold any object
            return false;
        }
        if (target instanceof Number || target instanceof Boolean || target instanceof Character) {
            return SCALAR.contains(name);
        }
        return (target instanceof TemporalAccessor || target instanceof TemporalAmount) && TIME.contains(name);
    }

    /**
     * Whether reading property {@code name} of {@code target} ({@code event.scene.empty}) calls an allowed method:
     * the getter {@code getName}, {@code isName} or the accessor {@code name}.
     */
    static boolean allowedProperty(Object target, String name) {
        if (name == null || name.isEmpty()) {
            return false;
        }
        String capitalized = Character.toUpperCase(name.charAt(0)) + name.substring(1);
        return allowed(target, "get" + capitalized) || allowed(target, "is" + capitalized) || allowed(target, name);
    }

    @SafeVarargs
    private static Set<String> union(Set<String>... sets) {
        Set<String> all = new HashSet<>();
        for (Set<String> set : sets) {
            all.addAll(set);
        }
        return Set.copyOf(all);
    }
}
