package org.wayfarer.journey.definition;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.core.convert.TypeDescriptor;
import org.springframework.expression.AccessException;
import org.springframework.expression.EvaluationContext;
import org.springframework.expression.MethodExecutor;
import org.springframework.expression.MethodResolver;
import org.springframework.expression.spel.support.DataBindingMethodResolver;

/**
 * The instance-method resolver of {@code SimpleEvaluationContext.withInstanceMethods()} (Spring's data-binding
 * resolver, which already refuses {@code Object}, {@code Class} and {@code ClassLoader} methods), narrowed to methods
 * that cannot change anything: any method of immutable values ({@link String}, boxed primitives, {@code java.math},
 * {@code java.time}) and the read methods of collections and maps. Without this, {@code event.tags.clear()} or
 * {@code event.put('x', 1)} would mutate the facts, and a method of whatever object a fact holds could do I/O.
 * Stateless and thread-safe.
 */
final class ReadOnlyMethodResolver implements MethodResolver {

    private static final Set<String> IMMUTABLE_PACKAGES = Set.of("java.lang", "java.math", "java.time");
    private static final Set<String> COLLECTION_READS = Set.of("size", "isEmpty", "contains", "containsAll",
            "containsKey", "containsValue", "get", "getOrDefault", "indexOf", "lastIndexOf");

    private final MethodResolver delegate = DataBindingMethodResolver.forInstanceMethodInvocation();

    @Override
    public MethodExecutor resolve(EvaluationContext context, Object target, String name,
                                  List<TypeDescriptor> argumentTypes) throws AccessException {
        return allowed(target, name) ? delegate.resolve(context, target, name, argumentTypes) : null;
    }

    static boolean allowed(Object target, String name) {
        if (target instanceof Collection || target instanceof Map) {
            return COLLECTION_READS.contains(name);
        }
        if (target instanceof String || target instanceof Boolean || target instanceof Character) {
            return true;
        }
        // Number alone would let in mutable ones such as AtomicLong; the value types live in these packages
        boolean value = target instanceof Number || target instanceof java.time.temporal.TemporalAccessor
                || target instanceof java.time.temporal.TemporalAmount;
        return value && target != null && IMMUTABLE_PACKAGES.contains(target.getClass().getPackageName());
    }
}
