package org.wayfarer.journey.definition;

import com.samskivert.mustache.BasicCollector;
import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.MustacheException;
import com.samskivert.mustache.Template;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
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
 *
 * <p>Bounded: sections nest at most {@link #MAX_SECTION_DEPTH} deep (checked at validation); one render iterates
 * sections at most {@link #MAX_SECTION_ITERATIONS} times over the whole message, renders at most
 * {@link #MAX_VALUE_CHARS} characters per value and {@link #MAX_MESSAGE_CHARS} for the whole message
 * ({@link RenderBudget}); going over fails the render with a {@link TemplateRenderException} naming the field.
 * A {@link StackOverflowError} or {@link OutOfMemoryError} raised while rendering is contained the same way
 * (rendering holds no lock and changes no shared state but JMustache's concurrent fetcher cache).
 */
final class MustacheMessageTemplate implements MessageTemplate {

    /** Sections render (and are visited) recursively; this keeps that recursion shallow. */
    static final int MAX_SECTION_DEPTH = 16;
    /** Section iterations per render of a whole message. */
    static final int MAX_SECTION_ITERATIONS = 10_000;
    /** Characters per rendered value; far above what any WeChat message field takes. */
    static final int MAX_VALUE_CHARS = 64 * 1024;
    /** Characters per rendered message, all values together. */
    static final int MAX_MESSAGE_CHARS = 256 * 1024;

    /**
     * The budget of the render running on this thread. JMustache's collector, where sections turn values into
     * iterators, is shared by every template and gets no per-render state, so the budget reaches it this way; it is
     * set and removed around each render.
     */
    private static final ThreadLocal<RenderBudget> BUDGET = new ThreadLocal<>();

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
        Map<String, Object> context = facts.asRoot();
        RenderBudget budget = new RenderBudget(MAX_SECTION_ITERATIONS, MAX_VALUE_CHARS, MAX_MESSAGE_CHARS);
        RenderBudget outer = BUDGET.get();
        BUDGET.set(budget);
        try {
            return ObjectPart.render(fields, context, budget);
        } finally {
            if (outer == null) {
                BUDGET.remove();
            } else {
                BUDGET.set(outer);
            }
        }
    }

    /** One compiled piece of the message. */
    private interface Part {
        Object render(Map<String, Object> context, RenderBudget budget);
    }

    private record ConstantPart(Object value) implements Part {
        @Override
        public Object render(Map<String, Object> context, RenderBudget budget) {
            return value;
        }
    }

    private record TemplatePart(Template template, String pointer) implements Part {
        @Override
        public Object render(Map<String, Object> context, RenderBudget budget) {
            budget.startValue(pointer);
            RenderBudget.Output out = budget.writer();
            try {
                template.execute(context, out);
            } catch (TemplateRenderException e) {
                throw e;
            } catch (RuntimeException e) {
                throw failed(e);
            } catch (StackOverflowError e) {
                throw new TemplateRenderException("message field " + pointer + " failed to render: it exhausted the "
                        + "stack (a value nested or referring to itself too deeply)", e);
            } catch (OutOfMemoryError e) {
                throw new TemplateRenderException("message field " + pointer + " failed to render: it ran out of "
                        + "memory", e);
            }
            return out.toString();
        }

        /** JMustache wraps what a fetch throws; a limit reached inside one is still reported as itself. */
        private TemplateRenderException failed(RuntimeException e) {
            for (Throwable cause = e; cause != null; cause = cause.getCause()) {
                if (cause instanceof TemplateRenderException limit) {
                    return limit;
                }
            }
            return new TemplateRenderException("message field " + pointer + " failed to render: " + e.getMessage(),
                    e);
        }
    }

    private record ObjectPart(Map<String, Part> fields) implements Part {
        @Override
        public Object render(Map<String, Object> context, RenderBudget budget) {
            return render(fields, context, budget);
        }

        static Map<String, Object> render(Map<String, Part> fields, Map<String, Object> context,
                                          RenderBudget budget) {
            Map<String, Object> rendered = new LinkedHashMap<>();
            fields.forEach((name, part) -> rendered.put(name, part.render(context, budget)));
            return Collections.unmodifiableMap(rendered);
        }
    }

    private record ArrayPart(List<Part> elements) implements Part {
        @Override
        public Object render(Map<String, Object> context, RenderBudget budget) {
            List<Object> rendered = new ArrayList<>(elements.size());
            elements.forEach(part -> rendered.add(part.render(context, budget)));
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
                return new TemplatePart(template, pointer);
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

    /**
     * Looks values up in maps and lists only: no reflective getters on whatever objects the facts hold. Every
     * iteration of a section is counted against the running render's budget.
     */
    private static final class MapAndListCollector extends BasicCollector {

        @Override
        public Iterator<?> toIterator(Object value) {
            Iterator<?> iterator = super.toIterator(value);
            RenderBudget budget = BUDGET.get();
            return iterator == null || budget == null ? iterator : budget.iterator(iterator);
        }

        @Override
        public <K, V> Map<K, V> createFetcherCache() {
            return new ConcurrentHashMap<>();
        }
    }
}
