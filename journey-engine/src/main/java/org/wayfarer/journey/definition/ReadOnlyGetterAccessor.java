package org.wayfarer.journey.definition;

import org.springframework.expression.AccessException;
import org.springframework.expression.EvaluationContext;
import org.springframework.expression.PropertyAccessor;
import org.springframework.expression.TypedValue;
import org.springframework.expression.spel.support.DataBindingPropertyAccessor;

/**
 * Reads a property of a value that is not a map ({@code event.scene.empty}, {@code event.at.epochSecond}) through
 * Spring's read-only data-binding accessor, but only when the getter behind it is in {@link AllowedMethods}: property
 * syntax must not be a back door to the methods an expression may not call ({@code event.scene.bytes} would call
 * {@code getBytes()}). Never writes. Stateless and thread-safe.
 */
final class ReadOnlyGetterAccessor implements PropertyAccessor {

    private final PropertyAccessor delegate = DataBindingPropertyAccessor.forReadOnlyAccess();

    @Override
    public Class<?>[] getSpecificTargetClasses() {
        return null;
    }

    @Override
    public boolean canRead(EvaluationContext context, Object target, String name) throws AccessException {
        return AllowedMethods.allowedProperty(target, name) && delegate.canRead(context, target, name);
    }

    @Override
    public TypedValue read(EvaluationContext context, Object target, String name) throws AccessException {
        if (!AllowedMethods.allowedProperty(target, name)) {
            throw new AccessException("property '" + name + "' cannot be read in expressions");
        }
        return delegate.read(context, target, name);
    }

    @Override
    public boolean canWrite(EvaluationContext context, Object target, String name) {
        return false;
    }

    @Override
    public void write(EvaluationContext context, Object target, String name, Object newValue)
            throws AccessException {
        throw new AccessException("expressions are read-only: cannot write '" + name + "'");
    }
}
