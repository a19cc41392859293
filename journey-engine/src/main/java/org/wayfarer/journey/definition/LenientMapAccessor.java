package org.wayfarer.journey.definition;

import java.util.Map;
import org.springframework.expression.AccessException;
import org.springframework.expression.EvaluationContext;
import org.springframework.expression.PropertyAccessor;
import org.springframework.expression.TypedValue;

/**
 * Reads any {@link Map} entry as a property, a missing key as null, so {@code contact.attributes.memberId != null}
 * is simply false for a contact without one. Never writes. Stateless and thread-safe.
 */
final class LenientMapAccessor implements PropertyAccessor {

    @Override
    public Class<?>[] getSpecificTargetClasses() {
        return new Class<?>[] {Map.class};
    }

    @Override
    public boolean canRead(EvaluationContext context, Object target, String name) {
        return target instanceof Map;
    }

    @Override
    public TypedValue read(EvaluationContext context, Object target, String name) throws AccessException {
        if (!(target instanceof Map<?, ?> map)) {
            throw new AccessException("not a map: cannot read '" + name + "'");
        }
        Object value = map.get(name);
        return value == null ? TypedValue.NULL : new TypedValue(value);
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
