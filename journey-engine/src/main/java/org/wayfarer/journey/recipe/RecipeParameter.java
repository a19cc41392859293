package org.wayfarer.journey.recipe;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One value of a recipe that a tenant is expected to override: a template id, an app id, a URL, a QR scene prefix.
 * The recipe's journey names it as {@code ${name}} inside string values.
 *
 * @param name         letters and digits, starting with a letter ({@code welcomeTemplateId})
 * @param description  what the value is for, for a person
 * @param defaultValue used when the overrides do not name the parameter; matches {@code pattern}
 * @param pattern      the whole value must match it (a regular expression); it keeps values from breaking out of the
 *                     expression or template they are put into ({@code '} inside a SpEL string, for instance)
 */
public record RecipeParameter(String name, String description, String defaultValue, String pattern) {

    /** Longest value any parameter takes, whatever its pattern allows. */
    static final int MAX_VALUE_LENGTH = 512;

    public RecipeParameter {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(defaultValue, "defaultValue");
        Objects.requireNonNull(pattern, "pattern");
    }

    /** Whether {@code value} may replace the placeholder: it matches the pattern and cannot itself be a placeholder. */
    boolean accepts(String value) {
        return value.length() <= MAX_VALUE_LENGTH && !value.contains(Placeholders.OPENING)
                && Pattern.compile(pattern).matcher(value).matches();
    }
}
