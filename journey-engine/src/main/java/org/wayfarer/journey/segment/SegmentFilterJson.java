package org.wayfarer.journey.segment;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * A filter as JSON in its canonical form: what the store keeps and the admin API shows. Reading the canonical form
 * back with {@link SegmentFilterReader} gives an equal filter. Durations of whole days are written as days
 * ({@code P30D}); {@code min} is left out when it is the default (1, or 0 with {@code "max": 0}). Thread-safe.
 */
public final class SegmentFilterJson {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private SegmentFilterJson() {
    }

    public static JsonNode toJson(SegmentFilter filter) {
        if (filter instanceof SegmentFilter.All all) {
            return group("all", all.conditions());
        }
        if (filter instanceof SegmentFilter.Any any) {
            return group("any", any.conditions());
        }
        if (filter instanceof SegmentFilter.Attribute a) {
            ObjectNode node = NODES.objectNode().put("attribute", a.name()).put("op", a.op().json());
            node.set("value", value(a.value()));
            return node;
        }
        if (filter instanceof SegmentFilter.Tag t) {
            return NODES.objectNode().put("tag", t.tag());
        }
        if (filter instanceof SegmentFilter.NotTag t) {
            return NODES.objectNode().put("notTag", t.tag());
        }
        SegmentFilter.Event e = (SegmentFilter.Event) filter;
        ObjectNode node = NODES.objectNode().put("event", e.type()).put("within", duration(e.within()));
        int defaultMin = e.max() != null && e.max() == 0 ? 0 : 1;
        if (e.min() != defaultMin) {
            node.put("min", e.min());
        }
        if (e.max() != null) {
            node.put("max", e.max());
        }
        return node;
    }

    /** The canonical JSON text. */
    public static String write(SegmentFilter filter) {
        return JSON.writeValueAsString(toJson(filter));
    }

    /**
     * Reads canonical JSON text written by {@link #write}.
     *
     * @throws IllegalStateException when the text is not a valid filter (a stored filter never is)
     */
    public static SegmentFilter read(String json) {
        SegmentFilterReader.Reading reading = new SegmentFilterReader().read(JSON.readTree(json));
        if (!reading.valid()) {
            throw new IllegalStateException("stored segment filter is invalid: " + reading.problems());
        }
        return reading.filter();
    }

    private static ObjectNode group(String kind, List<SegmentFilter> conditions) {
        ObjectNode node = NODES.objectNode();
        ArrayNode members = node.putArray(kind);
        conditions.forEach(c -> members.add(toJson(c)));
        return node;
    }

    private static JsonNode value(Object value) {
        if (value instanceof List<?> list) {
            ArrayNode array = NODES.arrayNode();
            list.forEach(v -> array.add(value(v)));
            return array;
        }
        if (value instanceof BigDecimal number) {
            return NODES.numberNode(number);
        }
        if (value instanceof Boolean bool) {
            return NODES.booleanNode(bool);
        }
        return NODES.stringNode((String) value);
    }

    static String duration(Duration duration) {
        if (duration.toDaysPart() > 0 && duration.equals(Duration.ofDays(duration.toDays()))) {
            return "P" + duration.toDays() + "D";
        }
        return duration.toString();
    }
}
