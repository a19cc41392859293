package org.wayfarer.admin.limits;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.wayfarer.journey.definition.JourneyCompiler;

/**
 * {@code wayfarer.admin.limits.*}: how much one admin API request may make the server read and keep.
 *
 * @param maxBodySize the largest request body under {@code /api/v1}; a larger one gets 413 before (by its
 *                    Content-Length) or while (chunked) it is read. At least the journey compiler's definition limit,
 *                    so that a definition the compiler would take is never refused as too large
 * @param json        limits of the JSON parser behind Spring MVC
 * @param events      limits of {@code POST /api/v1/events}
 */
@ConfigurationProperties("wayfarer.admin.limits")
public record AdminLimitsProperties(@DefaultValue("1MB") DataSize maxBodySize, @DefaultValue Json json,
                                    @DefaultValue Events events) {

    public AdminLimitsProperties {
        long definitionLimit = JourneyCompiler.Limits.defaults().maxBytes();
        if (maxBodySize.toBytes() < definitionLimit) {
            throw new IllegalArgumentException("wayfarer.admin.limits.max-body-size must be at least "
                    + definitionLimit + " bytes, the journey definition limit");
        }
    }

    /** The defaults, as documented in the admin-api README. */
    public static AdminLimitsProperties defaults() {
        return new AdminLimitsProperties(DataSize.ofMegabytes(1), Json.defaults(), Events.defaults());
    }

    /**
     * Jackson's {@code StreamReadConstraints} for the application's JSON mapper (Spring MVC's request bodies; the
     * engine's JSON columns use the same mapper, and these limits are far above anything it writes there).
     *
     * @param maxNestingDepth   the deepest nesting of objects and arrays
     * @param maxStringLength   the longest string value, in characters
     * @param maxDocumentLength the longest document
     */
    public record Json(@DefaultValue("64") int maxNestingDepth, @DefaultValue("262144") int maxStringLength,
                       @DefaultValue("1MB") DataSize maxDocumentLength) {

        public Json {
            positive(maxNestingDepth, "json.max-nesting-depth");
            positive(maxStringLength, "json.max-string-length");
            positive(maxDocumentLength.toBytes(), "json.max-document-length");
        }

        static Json defaults() {
            return new Json(64, 262_144, DataSize.ofMegabytes(1));
        }
    }

    /**
     * Limits of one event's {@code properties} and {@code attributes} (each checked on its own), and of a batch. The
     * stored columns are 64 KB TEXT on MySQL, so the serialized size keeps both well under it.
     *
     * @param maxBatchSize       events in one {@code {"events": [...]}} request
     * @param maxFields          fields in {@code properties}, and in {@code attributes}
     * @param maxFieldNameLength characters of a field name, nested names included
     * @param maxTextLength      characters of a string value, nested values included
     * @param maxNesting         levels of arrays and objects inside one value ({@code [[1]]} is 2)
     * @param maxFieldsSize      {@code properties}, and {@code attributes}, written as JSON (UTF-8)
     */
    public record Events(@DefaultValue("100") int maxBatchSize, @DefaultValue("50") int maxFields,
                         @DefaultValue("64") int maxFieldNameLength, @DefaultValue("1024") int maxTextLength,
                         @DefaultValue("3") int maxNesting, @DefaultValue("16KB") DataSize maxFieldsSize) {

        public Events {
            positive(maxBatchSize, "events.max-batch-size");
            positive(maxFields, "events.max-fields");
            positive(maxFieldNameLength, "events.max-field-name-length");
            positive(maxTextLength, "events.max-text-length");
            positive(maxNesting, "events.max-nesting");
            positive(maxFieldsSize.toBytes(), "events.max-fields-size");
        }

        static Events defaults() {
            return new Events(100, 50, 64, 1024, 3, DataSize.ofKilobytes(16));
        }
    }

    private static void positive(long value, String name) {
        if (value <= 0) {
            throw new IllegalArgumentException("wayfarer.admin.limits." + name + " must be positive");
        }
    }
}
