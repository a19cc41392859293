package org.wayfarer.admin.problem;

import io.swagger.v3.oas.annotations.media.Schema;
import org.wayfarer.journey.definition.ValidationProblem;

/** One problem with a submitted document: a journey definition, an event. */
public record ValidationProblemResponse(
        @Schema(description = "RFC 6901 JSON pointer into the submitted document", example = "/nodes/wait/duration")
        String pointer,
        @Schema(description = "stable machine-readable code", example = "dangling-next")
        String code,
        @Schema(description = "what is wrong and how to fix it")
        String message) {

    public static ValidationProblemResponse of(ValidationProblem problem) {
        return new ValidationProblemResponse(problem.pointer(), problem.code(), problem.message());
    }
}
