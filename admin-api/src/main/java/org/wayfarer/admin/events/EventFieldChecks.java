package org.wayfarer.admin.events;

import java.util.List;
import java.util.Map;
import org.wayfarer.admin.limits.AdminLimitsProperties;
import org.wayfarer.admin.problem.RequestProblems;
import tools.jackson.databind.json.JsonMapper;

/**
 * The limits on an event's {@code properties} and {@code attributes}: they are stored with the event (and the
 * attributes in the contact's profile), read by every journey condition, and must stay small and plain. Messages
 * never quote a value: values are often personal data. Thread-safe.
 */
public final class EventFieldChecks {

    private final AdminLimitsProperties.Events limits;
    private final JsonMapper json;

    public EventFieldChecks(AdminLimitsProperties.Events limits, JsonMapper json) {
        this.limits = limits;
        this.json = json;
    }

    /** Adds a problem for every rule {@code fields} (at {@code pointer}; null means absent) breaks. */
    public void check(Map<String, Object> fields, String pointer, RequestProblems problems) {
        if (fields == null) {
            return;
        }
        if (fields.size() > limits.maxFields()) {
            problems.add(pointer, "too-many-fields", "at most " + limits.maxFields() + " fields are allowed; there "
                    + "are " + fields.size() + ".");
            return;
        }
        int before = problems.count();
        for (Map.Entry<String, Object> field : fields.entrySet()) {
            if (!validName(field.getKey(), pointer, problems)) {
                continue;
            }
            String at = RequestProblems.child(pointer, field.getKey());
            Object value = field.getValue();
            if (value == null) {
                problems.add(at, "null-value", "must not be null; leave the field out instead.");
            } else if (nesting(value) > limits.maxNesting()) {
                problems.add(at, "too-deep", "a value may nest at most " + limits.maxNesting()
                        + " levels of arrays and objects.");
            } else {
                checkValue(value, at, problems);
            }
        }
        if (problems.count() == before) {
            long size = json.writeValueAsBytes(fields).length;
            if (size > limits.maxFieldsSize().toBytes()) {
                problems.add(pointer, "too-large", "is " + size + " bytes as JSON; the limit is "
                        + limits.maxFieldsSize().toBytes() + " bytes.");
            }
        }
    }

    private void checkValue(Object value, String at, RequestProblems problems) {
        if (value instanceof String text) {
            if (text.length() > limits.maxTextLength()) {
                problems.add(at, "too-long", "text values may be at most " + limits.maxTextLength()
                        + " characters; this one has " + text.length() + ".");
            }
        } else if (value instanceof Double number && !Double.isFinite(number)
                || value instanceof Float single && !Float.isFinite(single)) {
            problems.add(at, "not-a-number", "must be a finite number.");
        } else if (value instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                if (list.get(i) != null) {
                    checkValue(list.get(i), RequestProblems.child(at, i), problems);
                }
            }
        } else if (value instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                String name = String.valueOf(entry.getKey());
                if (validName(name, at, problems) && entry.getValue() != null) {
                    checkValue(entry.getValue(), RequestProblems.child(at, name), problems);
                }
            }
        }
    }

    /** A name that breaks the rule is reported at its object, never quoted (it may be huge). */
    private boolean validName(String name, String objectPointer, RequestProblems problems) {
        if (name.isBlank() || name.length() > limits.maxFieldNameLength()) {
            problems.add(objectPointer, "invalid-name", "field names must be 1 to " + limits.maxFieldNameLength()
                    + " characters and not blank; one is " + name.length() + " characters.");
            return false;
        }
        return true;
    }

    /** Levels of arrays and objects: 0 for a plain value, 1 for {@code [1]}, 2 for {@code [[1]]}. */
    private static int nesting(Object value) {
        int deepest = 0;
        if (value instanceof List<?> list) {
            for (Object element : list) {
                deepest = Math.max(deepest, nesting(element));
            }
            return deepest + 1;
        }
        if (value instanceof Map<?, ?> map) {
            for (Object element : map.values()) {
                deepest = Math.max(deepest, nesting(element));
            }
            return deepest + 1;
        }
        return 0;
    }
}
