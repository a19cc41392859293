package org.wayfarer.channel.wechat.callback;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Conversions of WxJava's parsed push fields into event property values and dedupe keys, shared by the mappers.
 * Property values are never null (an absent or blank field is left out), text stays text, and numbers WeChat writes
 * as text (in CDATA, e.g. {@code SendLocationInfo/Location_X} or {@code PopupScene}) become numbers. Pure.
 */
final class PushValues {

    static final int MAX_DEDUPE_KEY = 255;
    /**
     * Longest text read as a number. WeChat's numbers are short; the bound keeps a hostile body's million-digit
     * "number" from costing quadratic parse time.
     */
    private static final int MAX_NUMBER_TEXT = 32;

    private PushValues() {
    }

    /** An insertion-ordered, unmodifiable map of the pairs whose value is present (event properties hold no nulls). */
    static Map<String, Object> properties(Object... namesAndValues) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            if (namesAndValues[i + 1] != null) {
                out.put((String) namesAndValues[i], namesAndValues[i + 1]);
            }
        }
        return Collections.unmodifiableMap(out);
    }

    static String required(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(field + " is missing");
        }
        return value;
    }

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    /** A whole number written as text, e.g. {@code <PopupScene>2</PopupScene>}; null when absent or not one. */
    static Long integer(String text) {
        String value = numberText(text);
        if (value == null) {
            return null;
        }
        try {
            return Long.valueOf(value);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** A finite decimal written as text, e.g. {@code <Location_X><![CDATA[23.13]]></Location_X>}; else null. */
    static Double decimal(String text) {
        String value = numberText(text);
        if (value == null) {
            return null;
        }
        try {
            // BigDecimal, not Double.parseDouble, which would also read "NaN", "Infinity" and hex floats
            double number = new BigDecimal(value).doubleValue();
            return Double.isFinite(number) ? number : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** A finite decimal as WxJava parsed it (the {@code Double} fields); XStream accepts NaN and infinities. */
    static Double decimal(Double number) {
        return number != null && Double.isFinite(number) ? number : null;
    }

    /**
     * {@code prefix + tail}, with the tail replaced by {@code sha256:<hex>} when the whole would exceed
     * {@value #MAX_DEDUPE_KEY} characters (a VIEW URL, a long list of template ids): the key stays stable for a
     * retry and distinct for distinct content.
     */
    static String boundedKey(String prefix, String tail) {
        if (prefix.length() + tail.length() > MAX_DEDUPE_KEY) {
            return prefix + "sha256:" + sha256(tail);
        }
        return prefix + tail;
    }

    private static String numberText(String text) {
        if (text == null) {
            return null;
        }
        String value = text.strip();
        return value.isEmpty() || value.length() > MAX_NUMBER_TEXT ? null : value;
    }

    private static String sha256(String value) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
