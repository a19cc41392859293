package org.wayfarer.journey.recipe;

import java.util.List;
import org.wayfarer.journey.definition.ValidationProblem;

/**
 * The overrides of a create-from-recipe request are wrong: a field or parameter the recipe does not have, or a value
 * that does not fit its parameter. Every problem is listed, each with a JSON pointer into the request body
 * ({@code /overrides/params/templateId}). Nothing was created.
 */
public final class InvalidRecipeOverridesException extends RuntimeException {

    private final transient List<ValidationProblem> errors;

    public InvalidRecipeOverridesException(List<ValidationProblem> errors) {
        super("the recipe overrides have " + errors.size() + " problem(s)");
        if (errors.isEmpty()) {
            throw new IllegalArgumentException("invalid overrides have at least one problem");
        }
        this.errors = List.copyOf(errors);
    }

    /** Never empty. */
    public List<ValidationProblem> errors() {
        return errors;
    }
}
