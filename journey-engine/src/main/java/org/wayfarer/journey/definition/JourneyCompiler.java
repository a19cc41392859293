package org.wayfarer.journey.definition;

import java.util.List;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Parses and validates journey JSON (the journey language v1, docs/architecture/journey-validation.md) into a {@link JourneyDefinition}, reporting every error at
 * once with JSON pointers. Thread-safe.
 *
 * <p>Error codes (stable): {@code malformed-json}, {@code duplicate-key}, {@code too-large} (nothing else is checked
 * then), {@code not-an-object}, {@code too-many-nodes}, {@code missing-field}, {@code bad-value},
 * {@code unknown-entry-policy}, {@code missing-start}, {@code unknown-start}, {@code unknown-node-type},
 * {@code unknown-channel}, {@code bad-duration}, {@code dangling-next}, {@code unreachable-node},
 * {@code cycle-without-wait}, {@code bad-expression}, {@code unknown-variable}, {@code bad-template}.
 *
 * <p>Warnings do not stop a journey from compiling: {@code unknown-field} for a field the language does not have (it
 * is ignored), and {@code exit-next-ignored} for a {@code next} on an exit node (an exit ends the instance, so the
 * link is not followed). The publish-time lint ({@code JourneyLint}) adds its warnings on every compile, errors or
 * not: the WeChat template rules ({@code template-first-remark}, {@code template-line-break},
 * {@code template-field-too-long}, {@code template-field-may-truncate}, {@code template-marketing-content}),
 * {@code branch-never-taken} and {@code wait-exceeds-goal-window}.
 */
public final class JourneyCompiler {

    private static final String DUPLICATE_PROPERTY = "Duplicate Object property";
    /**
     * Deepest nesting a definition may have. Messages are stored as JSON in the outbox and read back by the
     * dispatcher through the application's JSON limits (64 levels), so a definition stays well inside them.
     */
    static final int MAX_DEPTH = 32;

    private final JsonMapper mapper = JsonMapper.builder(JsonFactory.builder()
                    .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH).build())
                    .build())
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();
    private final SpelExpressions expressions = new SpelExpressions();
    private final Set<String> knownChannels;
    private final Limits limits;

    /** @param knownChannels channel names send nodes may use (the registered channel senders) */
    public JourneyCompiler(Set<String> knownChannels, Limits limits) {
        this.knownChannels = Set.copyOf(knownChannels);
        this.limits = limits;
    }

    /** Never throws for bad input: problems come back in the {@link Compilation}. */
    public Compilation compile(String json) {
        if (json == null) {
            return failed("malformed-json", "no document was given");
        }
        long bytes = utf8Length(json);
        if (bytes > limits.maxBytes()) {
            return failed("too-large", "the definition is " + bytes + " bytes; the limit is " + limits.maxBytes());
        }
        JsonNode document;
        try {
            document = mapper.readTree(json);
        } catch (StreamConstraintsException e) {
            return failed("malformed-json", "the definition nests deeper than " + MAX_DEPTH + " levels");
        } catch (StreamReadException e) {
            return unreadable(e);
        } catch (JacksonException e) {
            return failed("malformed-json", "not valid JSON: " + e.getOriginalMessage() + where(e.getLocation()));
        }
        if (document == null || document.isMissingNode()) {
            return failed("malformed-json", "the document is empty");
        }
        Problems problems = new Problems();
        JourneyDefinition definition =
                new DefinitionReader(problems, expressions, knownChannels, limits.maxNodes()).read(document);
        JourneyLint.check(document, problems);
        return new Compilation(problems.hasErrors() ? null : definition, problems.errors(), problems.warnings());
    }

    private static Compilation unreadable(StreamReadException e) {
        String message = e.getOriginalMessage();
        JsonParser parser = e.processor();
        if (message != null && message.startsWith(DUPLICATE_PROPERTY) && parser != null) {
            // the parser stops at the first duplicate and still knows where it is
            String pointer = parser.streamReadContext().pathAsPointer().toString();
            return new Compilation(null, List.of(new ValidationProblem(pointer, "duplicate-key",
                    message + where(e.getLocation()) + ": each field may appear once")), List.of());
        }
        return failed("malformed-json", "not valid JSON: " + message + where(e.getLocation()));
    }

    private static String where(TokenStreamLocation location) {
        if (location == null || location.getLineNr() < 0) {
            return "";
        }
        return " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
    }

    private static Compilation failed(String code, String message) {
        return new Compilation(null, List.of(new ValidationProblem("", code, message)), List.of());
    }

    /** Counts UTF-8 bytes without encoding the whole document first. */
    private static long utf8Length(String text) {
        long bytes = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                bytes += 1;
            } else if (c < 0x800) {
                bytes += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < text.length()
                    && Character.isLowSurrogate(text.charAt(i + 1))) {
                bytes += 4;
                i++;
            } else {
                bytes += 3;
            }
        }
        return bytes;
    }

    /** Size limits that keep one definition from hurting the engine. */
    public record Limits(int maxBytes, int maxNodes) {

        public static Limits defaults() {
            return new Limits(256 * 1024, 200);
        }
    }
}
