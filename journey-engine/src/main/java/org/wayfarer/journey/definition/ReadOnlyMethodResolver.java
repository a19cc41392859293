package org.wayfarer.journey.definition;

import java.util.List;
import org.springframework.core.convert.TypeDescriptor;
import org.springframework.expression.AccessException;
import org.springframework.expression.EvaluationContext;
import org.springframework.expression.MethodExecutor;
import org.springframework.expression.MethodResolver;
import org.springframework.expression.spel.support.DataBindingMethodResolver;

/**
 * The instance-method resolver of {@code SimpleEvaluationContext.withInstanceMethods()} (Spring's data-binding
 * resolver, which already refuses {@code Object}, {@code Class} and {@code ClassLoader} methods), narrowed to
 * {@link AllowedMethods}: cheap reads of strings, plain values and collections. Without this,
 * {@code event.tags.clear()} would mutate the facts, {@code event.x.repeat(1000000000)} would exhaust the heap, and a method of whatever object
 * a fact holds could do I/O. Validation refuses the same names first; this is the check that holds even for an
 * expression that was never validated. Stateless and thread-safe.
 */
final class ReadOnlyMethodResolver implements MethodResolver {

    private final MethodResolver delegate = DataBindingMethodResolver.forInstanceMethodInvocation();

    @Override
    public MethodExecutor resolve(EvaluationContext context, Object target, String name,
                                  List<TypeDescriptor> argumentTypes) throws AccessException {
        return AllowedMethods.allowed(target, name) ? delegate.resolve(context, target, name, argumentTypes) : null;
    }
}
