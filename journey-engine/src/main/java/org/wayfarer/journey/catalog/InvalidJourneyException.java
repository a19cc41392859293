package org.wayfarer.journey.catalog;

import java.util.List;
import org.wayfarer.journey.definition.ValidationProblem;

/** A definition was rejected; {@link #errors()} lists every problem found, each with a JSON pointer. */
public class InvalidJourneyException extends RuntimeException {

    private final List<ValidationProblem> errors;

    public InvalidJourneyException(List<ValidationProblem> errors) {
        super("invalid journey definition: " + errors.size() + " error(s)");
        if (errors.isEmpty()) {
            throw new IllegalArgumentException("an invalid journey has at least one error");
        }
        this.errors = List.copyOf(errors);
    }

    /** Never empty. */
    public List<ValidationProblem> errors() {
        return errors;
    }
}
