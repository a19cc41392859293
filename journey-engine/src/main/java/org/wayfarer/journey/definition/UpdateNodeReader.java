package org.wayfarer.journey.definition;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** Reads {@code update} nodes: attribute names are checked here, values and tags compile as templates. */
final class UpdateNodeReader {

    /** Attribute names as conditions write them ({@code contact.attributes.<name>}). */
    static final Pattern ATTRIBUTE = Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,63}");
    /** Tags are shown to marketers and stored in a 64-character column; any script, no surrounding blanks. */
    private static final int MAX_TAG = UpdateNode.MAX_TAG;
    private static final Set<String> FIELDS = Set.of("type", "set", "unset", "addTags", "removeTags", "next");
    private static final int MAX_CHANGES = 50;

    private final Problems problems;
    private final JsonFields fields;
    private final NodeLinks links;

    UpdateNodeReader(Problems problems, JsonFields fields, NodeLinks links) {
        this.problems = problems;
        this.fields = fields;
        this.links = links;
    }

    UpdateNode update(String id, JsonNode json, String pointer, List<GraphRules.Edge> edges) {
        int errorsBefore = problems.errorCount();
        fields.warnUnknown(json, pointer, FIELDS);
        String next = links.optional(json, "next", pointer, edges);
        ObjectNode changes = JsonNodeFactory.instance.objectNode();
        JsonNode set = JsonFields.present(json, "set");
        if (set != null) {
            if (!set.isObject() || set.isEmpty() || set.size() > MAX_CHANGES) {
                problems.error(Problems.pointer(pointer, "set"), "bad-value", "'set' must be an object of 1 to "
                        + MAX_CHANGES + " attributes, e.g. {\"level\": \"gold\"}");
            } else {
                set.properties().forEach(e -> attributeName(e.getKey(), Problems.pointer(pointer, "set")));
                changes.set("set", set);
            }
        }
        List<String> unset = names(json, "unset", pointer, true);
        for (String tags : List.of("addTags", "removeTags")) {
            List<String> read = names(json, tags, pointer, false);
            if (!read.isEmpty()) {
                changes.set(tags, json.get(tags));
            }
        }
        if (changes.isEmpty() && unset.isEmpty() && problems.errorCount() == errorsBefore) {
            problems.error(pointer, "missing-field", "an update needs at least one of 'set', 'unset', 'addTags' and "
                    + "'removeTags'");
            return null;
        }
        MessageTemplate template = MustacheMessageTemplate.compile(changes, pointer, problems);
        return template == null ? null : new UpdateNode(id, template, unset, next);
    }

    /** A list of attribute names ({@code unset}) or tags; empty when absent or wrong (reported). */
    private List<String> names(JsonNode json, String field, String pointer, boolean attributes) {
        JsonNode list = JsonFields.present(json, field);
        List<String> names = new ArrayList<>();
        if (list == null) {
            return names;
        }
        String listPointer = Problems.pointer(pointer, field);
        if (!list.isArray() || list.isEmpty() || list.size() > MAX_CHANGES) {
            problems.error(listPointer, "bad-value", "'" + field + "' must be a list of 1 to " + MAX_CHANGES
                    + (attributes ? " attribute names" : " tags"));
            return names;
        }
        for (int i = 0; i < list.size(); i++) {
            String itemPointer = Problems.pointer(listPointer, i);
            JsonNode item = list.get(i);
            if (!item.isString()) {
                problems.error(itemPointer, "bad-value", "each of '" + field + "' must be a string");
            } else if (attributes) {
                if (attributeName(item.stringValue(), listPointer)) {
                    names.add(item.stringValue());
                }
            } else if (!isTag(item.stringValue())) {
                problems.error(itemPointer, "bad-value", "a tag must be 1 to " + MAX_TAG
                        + " characters without leading or trailing blanks");
            } else {
                names.add(item.stringValue());
            }
        }
        return names;
    }

    static boolean isTag(String tag) {
        return !tag.isBlank() && tag.strip().length() == tag.length() && tag.codePointCount(0, tag.length()) <= MAX_TAG;
    }

    private boolean attributeName(String name, String pointer) {
        if (ATTRIBUTE.matcher(name).matches()) {
            return true;
        }
        problems.error(Problems.pointer(pointer, name), "bad-value", "attribute name '" + name
                + "' must be a letter followed by up to 63 letters, digits or '_'");
        return false;
    }
}
