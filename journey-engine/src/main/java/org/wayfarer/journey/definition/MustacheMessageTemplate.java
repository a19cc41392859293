package org.wayfarer.journey.definition;

import com.samskivert.mustache.BasicCollector;
import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.MustacheException;
import com.samskivert.mustache.Template;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import tools.jackson.databind.JsonNode;

/**
 * A send node's message with every string leaf compiled as a JMustache template over {@code {contact, event}}.
 * Missing and null values render as empty text, HTML is not escaped (messages are not HTML), and an empty string
 * counts as false so {@code {{^contact.attributes.name}}friend{{/contact.attributes.name}}} works as a fallback.
 * Values are looked up in maps and lists only, never by reflection. Immutable and thread-safe.
 */
final class MustacheMessageTemplate implements MessageTemplate {

    /** Sections render (and are visited) recursively; this keeps that recursion shallow. */
    static final int MAX_SECTION_DEPTH = 16;

    private static final Mustache.Compiler COMPILER = Mustache.compiler()
            .escapeHTML(false)
            // nullValue first: defaultValue afterwards also makes missing values render as "" instead of failing
            .nullValue("")
            .defaultValue("")
            .emptyStringIsFalse(true)
            .withCollector(new MapAndListCollector());

    private final Map<String, Part> fields;

    private MustacheMessageTemplate(Map<String, Part> fields) {
        this.fields = fields;
    }

    /**
     * Compiles every string leaf of {@code message} (an object node). Reports {@code bad-template} for a string that
     * is not a valid template and {@code bad-value} for a null leaf, each at its own pointer; returns null then.
     */
    static MustacheMessageTemplate compile(JsonNode message, String pointer, Problems problems) {
        Compiling compiling = new Compiling(problems);
        Part root = compiling.part(message, pointer);
        return compiling.failed ? null : new MustacheMessageTemplate(((ObjectPart) root).fields());
    }

    @Override
    public Map<String, Object> render(Facts facts) {
        Map<String, Object> context = Map.of("contact", facts.contact(), "event", facts.event());
        return ObjectPart.render(fields, context);
    }

    /** One compiled piece of the message. */
    private interface Part {
        Object render(Map<String, Object> context);
    }

    private record ConstantPart(Object value) implements Part {
        @Override
        public Object render(Map<String, Object> context) {
            return value;
        }
    }

    private record TemplatePart(Template template) implements Part {
        @Override
        public Object render(Map<String, Object> context) {
            return template.execute(context);
        }
    }

    private record ObjectPart(Map<String, Part> fields) implements Part {
        @Override
        public Object render(Map<String, Object> context) {
            return render(fields, context);
        }

        static Map<String, Object> render(Map<String, Part> fields, Map<String, Object> context) {
            Map<String, Object> rendered = new LinkedHashMap<>();
            fields.forEach((name, part) -> rendered.put(name, part.render(context)));
            return Collections.unmodifiableMap(rendered);
        }
    }

    private record ArrayPart(List<Part> elements) implements Part {
        @Override
        public Object render(Map<String, Object> context) {
            List<Object> rendered = new ArrayList<>(elements.size());
            elements.forEach(part -> rendered.add(part.render(context)));
            return Collections.unmodifiableList(rendered);
        }
    }

    /** The state of one compile run: it carries on after a bad leaf so every bad leaf is reported. */
    private static final class Compiling {

        private final Problems problems;
        private boolean failed;

        Compiling(Problems problems) {
            this.problems = problems;
        }

        Part part(JsonNode node, String pointer) {
            if (node.isObject()) {
                Map<String, Part> fields = new LinkedHashMap<>();
                node.properties().forEach(field -> fields.put(field.getKey(),
                        part(field.getValue(), Problems.pointer(pointer, field.getKey()))));
                return new ObjectPart(Collections.unmodifiableMap(fields));
            }
            if (node.isArray()) {
                List<Part> elements = new ArrayList<>(node.size());
                for (int i = 0; i < node.size(); i++) {
                    elements.add(part(node.get(i), Problems.pointer(pointer, i)));
                }
                return new ArrayPart(List.copyOf(elements));
            }
            if (node.isString()) {
                return template(node.stringValue(), pointer);
            }
            if (node.isNumber()) {
                return new ConstantPart(node.numberValue());
            }
            if (node.isBoolean()) {
                return new ConstantPart(node.booleanValue());
            }
            failed = true;
            problems.error(pointer, "bad-value", "message fields must not be null; leave the field out instead");
            return new ConstantPart("");
        }

        private Part template(String text, String pointer) {
            if (!text.contains("{{")) {
                return new ConstantPart(text);
            }
            if (text.contains("{{=")) {
                // with the default delimiters only, sectionDepth below can read the nesting off the text
                return fail(pointer, "changing delimiters ({{=...=}}) is not supported");
            }
            try {
                Template template = COMPILER.compile(text);
                if (sectionDepth(text) > MAX_SECTION_DEPTH) {
                    return fail(pointer, "sections are nested more than " + MAX_SECTION_DEPTH + " levels deep");
                }
                IncludeFinder includes = new IncludeFinder();
                template.visit(includes);
                if (includes.found != null) {
                    return fail(pointer, "partials ({{>" + includes.found + "}}) are not supported");
                }
                return new TemplatePart(template);
            } catch (MustacheException e) {
                return fail(pointer, e.getMessage());
            }
        }

        /** The deepest nesting of sections, inverted sections and blocks in a template that compiled. */
        private static int sectionDepth(String text) {
            int depth = 0;
            int max = 0;
            for (int at = text.indexOf("{{"); at >= 0 && at + 2 < text.length(); at = text.indexOf("{{", at + 2)) {
                char sigil = text.charAt(at + 2);
                if (sigil == '#' || sigil == '^' || sigil == '$') {
                    max = Math.max(max, ++depth);
                } else if (sigil == '/') {
                    depth--;
                }
            }
            return max;
        }

        private Part fail(String pointer, String why) {
            failed = true;
            problems.error(pointer, "bad-template", "not a valid Mustache template: " + why);
            return new ConstantPart("");
        }
    }

    /** Finds partials and parent templates, which would need a template loader at render time. */
    private static final class IncludeFinder implements Mustache.Visitor {

        private String found;

        @Override
        public void visitText(String text) {
        }

        @Override
        public void visitVariable(String name) {
        }

        @Override
        public boolean visitInclude(String name) {
            found = found == null ? name : found;
            return false;
        }

        @Override
        public boolean visitParent(String name) {
            return visitInclude(name);
        }

        @Override
        public boolean visitSection(String name) {
            return true;
        }

        @Override
        public boolean visitInvertedSection(String name) {
            return true;
        }
    }

    /** Looks values up in maps and lists only: no reflective getters on whatever objects the facts hold. */
    private static final class MapAndListCollector extends BasicCollector {

        @Override
        public <K, V> Map<K, V> createFetcherCache() {
            return new ConcurrentHashMap<>();
        }
    }
}
