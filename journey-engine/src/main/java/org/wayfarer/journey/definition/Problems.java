package org.wayfarer.journey.definition;

import java.util.ArrayList;
import java.util.List;

/** Collects the errors and warnings of one compilation, in the order they were found. Not thread-safe. */
final class Problems {

    private final List<ValidationProblem> errors = new ArrayList<>();
    private final List<ValidationProblem> warnings = new ArrayList<>();

    void error(String pointer, String code, String message) {
        errors.add(new ValidationProblem(pointer, code, message));
    }

    void warning(String pointer, String code, String message) {
        warnings.add(new ValidationProblem(pointer, code, message));
    }

    int errorCount() {
        return errors.size();
    }

    boolean hasErrors() {
        return !errors.isEmpty();
    }

    List<ValidationProblem> errors() {
        return List.copyOf(errors);
    }

    List<ValidationProblem> warnings() {
        return List.copyOf(warnings);
    }

    /** Appends one reference token to a JSON pointer, escaped per RFC 6901 ({@code ~} then {@code /}). */
    static String pointer(String parent, String token) {
        return parent + "/" + token.replace("~", "~0").replace("/", "~1");
    }

    static String pointer(String parent, int index) {
        return parent + "/" + index;
    }
}
