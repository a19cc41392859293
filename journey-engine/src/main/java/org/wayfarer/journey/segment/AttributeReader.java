package org.wayfarer.journey.segment;

import java.util.ArrayList;
import java.util.List;
import org.wayfarer.journey.segment.SegmentFilter.Op;
import tools.jackson.databind.JsonNode;

/** Reads one {@code {"attribute": name, "op": op, "value": v}} condition for {@link SegmentFilterReader}. */
final class AttributeReader {

    private AttributeReader() {
    }

    static SegmentFilter read(JsonNode node, String pointer, Problems problems) {
        String name = SegmentFilterReader.text(node.get("attribute"), Problems.pointer(pointer, "attribute"),
                "an attribute name", SegmentFilterReader.MAX_NAME, problems);
        Op op = op(node.get("op"), Problems.pointer(pointer, "op"), problems);
        if (op == null) {
            return null;
        }
        String at = Problems.pointer(pointer, "value");
        JsonNode value = node.get("value");
        Object read = switch (op) {
            case EXISTS -> exists(value, at, problems);
            case IN -> list(value, at, problems);
            case EQ, NE -> scalar(value, at, op, problems);
            case GT, GTE, LT, LTE -> ordered(value, at, op, problems);
        };
        return name == null || read == null ? null : new SegmentFilter.Attribute(name, op, read);
    }

    private static Op op(JsonNode value, String at, Problems problems) {
        if (value == null || value.isNull()) {
            problems.add(at, "missing-field", "required: one of " + opNames());
            return null;
        }
        if (value.isString()) {
            for (Op op : Op.values()) {
                if (op.json().equals(value.stringValue())) {
                    return op;
                }
            }
        }
        problems.add(at, "bad-op", "must be one of " + opNames());
        return null;
    }

    private static String opNames() {
        List<String> names = new ArrayList<>();
        for (Op op : Op.values()) {
            names.add(op.json());
        }
        return String.join(", ", names);
    }

    private static Object exists(JsonNode value, String at, Problems problems) {
        if (value == null || value.isNull()) {
            return Boolean.TRUE;
        }
        if (!value.isBoolean()) {
            problems.add(at, "bad-value", "'exists' takes true, false or no value");
            return null;
        }
        return value.booleanValue();
    }

    private static Object scalar(JsonNode value, String at, Op op, Problems problems) {
        if (value == null || value.isNull()) {
            problems.add(at, "missing-field", "'" + op.json() + "' needs a value: a string, a number or a boolean"
                    + " (for a missing attribute use \"op\": \"exists\", \"value\": false)");
            return null;
        }
        Object scalar = SegmentFilterReader.scalar(value);
        if (scalar == null) {
            problems.add(at, value.isString() ? "too-long" : "bad-value", value.isString()
                    ? "must be at most " + SegmentFilterReader.MAX_TEXT + " characters"
                    : "'" + op.json() + "' compares with a string, a number or a boolean, not an array or object");
        }
        return scalar;
    }

    private static Object ordered(JsonNode value, String at, Op op, Problems problems) {
        if (value != null && value.isBoolean()) {
            problems.add(at, "bad-value", "'" + op.json() + "' compares with a number or a string (ISO dates"
                    + " compare as text), not a boolean");
            return null;
        }
        return scalar(value, at, op, problems);
    }

    private static Object list(JsonNode value, String at, Problems problems) {
        if (value == null || !value.isArray()) {
            problems.add(at, value == null || value.isNull() ? "missing-field" : "bad-value",
                    "'in' takes an array of strings, numbers or booleans, such as [\"gold\", \"silver\"]");
            return null;
        }
        if (value.isEmpty() || value.size() > SegmentFilterReader.MAX_IN_VALUES) {
            problems.add(at, "bad-size", "'in' takes 1 to " + SegmentFilterReader.MAX_IN_VALUES + " values; this has "
                    + value.size());
            return null;
        }
        List<Object> values = new ArrayList<>();
        boolean complete = true;
        for (int i = 0; i < value.size(); i++) {
            JsonNode element = value.get(i);
            Object scalar = element.isNull() ? null : SegmentFilterReader.scalar(element);
            if (scalar == null) {
                problems.add(Problems.pointer(at, i), element.isString() ? "too-long" : "bad-value",
                        element.isString() ? "must be at most " + SegmentFilterReader.MAX_TEXT + " characters"
                                : "must be a string, a number or a boolean");
                complete = false;
            } else {
                values.add(scalar);
            }
        }
        return complete ? values : null;
    }
}
