package org.wayfarer.journey.definition;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.List;
import org.springframework.core.convert.TypeDescriptor;
import org.springframework.expression.AccessException;
import org.springframework.expression.EvaluationContext;
import org.springframework.expression.MethodExecutor;
import org.springframework.expression.spel.support.ReflectiveMethodResolver;

/**
 * The instance-method resolver of {@code SimpleEvaluationContext.withInstanceMethods()} (Spring's data-binding
 * resolver: no static methods, none of {@code Object}, {@code Class} or {@code ClassLoader}), narrowed to
 * {@link AllowedMethods}: cheap reads of strings, plain values and collections. Without this,
 * {@code event.tags.clear()} would mutate the facts, {@code event.x.repeat(1000000000)} would exhaust the heap, and a
 * method of whatever object a fact holds could do I/O. Validation refuses the same names first; this is the check that
 * holds even for an expression that was never validated. Stateless and thread-safe.
 *
 * <p>It is a {@link ReflectiveMethodResolver} (not a wrapper around one) because SpEL caches a resolved method in the
 * expression only when the context's one resolver is of that type; a wrapper made every evaluation resolve its methods
 * again by reflection (5% of the partition workers' CPU in the engine benchmark). The cache is sound here: a cached
 * method is reused only for a target of the same type and argument types, and what is allowed depends on the type.
 */
final class ReadOnlyMethodResolver extends ReflectiveMethodResolver {

    @Override
    public MethodExecutor resolve(EvaluationContext context, Object target, String name,
                                  List<TypeDescriptor> argumentTypes) throws AccessException {
        if (target instanceof Class || !AllowedMethods.allowed(target, name)) {
            return null;
        }
        return super.resolve(context, target, name, argumentTypes);
    }

    @Override
    protected boolean isCandidateForInvocation(Method method, Class<?> targetClass) {
        if (Modifier.isStatic(method.getModifiers())) {
            return false;
        }
        Class<?> declaring = method.getDeclaringClass();
        return declaring != Object.class && declaring != Class.class && !ClassLoader.class.isAssignableFrom(targetClass);
    }
}
