package org.wayfarer.admin.problem;

import java.util.List;

/**
 * The request is well-formed JSON/HTTP but its parameters make no sense; answered as 400 with this detail and, when
 * given, one entry per problem in {@code errors} (JSON pointer, code, message), like an invalid journey.
 */
public class InvalidRequestException extends RuntimeException {

    private final transient List<ValidationProblemResponse> errors;

    public InvalidRequestException(String detail) {
        this(detail, List.of());
    }

    public InvalidRequestException(String detail, List<ValidationProblemResponse> errors) {
        super(detail);
        this.errors = List.copyOf(errors);
    }

    /** Every problem found, in the order of the request; empty when the detail says it all. */
    public List<ValidationProblemResponse> errors() {
        return errors;
    }
}
