package org.wayfarer.admin.journeys;

import java.util.List;
import org.wayfarer.admin.problem.ValidationProblemResponse;
import org.wayfarer.journey.definition.Compilation;

/** The verdict on a definition: {@code valid} exactly when {@code errors} is empty. */
public record ValidationResponse(boolean valid, List<ValidationProblemResponse> errors,
                                 List<ValidationProblemResponse> warnings) {

    static ValidationResponse of(Compilation compilation) {
        return new ValidationResponse(compilation.valid(),
                compilation.errors().stream().map(ValidationProblemResponse::of).toList(),
                compilation.warnings().stream().map(ValidationProblemResponse::of).toList());
    }
}
