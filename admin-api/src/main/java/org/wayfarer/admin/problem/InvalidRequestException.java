package org.wayfarer.admin.problem;

/** The request is well-formed JSON/HTTP but its parameters make no sense; answered as 400 with this detail. */
public class InvalidRequestException extends RuntimeException {

    public InvalidRequestException(String detail) {
        super(detail);
    }
}
