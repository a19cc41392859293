package org.wayfarer.journey.definition;

import java.util.List;

/**
 * The result of compiling a definition: either a {@link JourneyDefinition} or every error found, never half of one.
 *
 * @param definition null when {@code errors} is not empty
 */
public record Compilation(JourneyDefinition definition, List<ValidationProblem> errors,
                          List<ValidationProblem> warnings) {

    public Compilation {
        errors = List.copyOf(errors);
        warnings = List.copyOf(warnings);
        if (errors.isEmpty() == (definition == null)) {
            throw new IllegalArgumentException("a compilation has a definition exactly when it has no errors");
        }
    }

    public boolean valid() {
        return errors.isEmpty();
    }
}
