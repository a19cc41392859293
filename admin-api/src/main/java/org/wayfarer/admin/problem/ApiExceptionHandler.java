package org.wayfarer.admin.problem;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.wayfarer.journey.StaleDataException;
import org.wayfarer.journey.catalog.InvalidJourneyException;
import org.wayfarer.journey.catalog.JourneyKeyTakenException;
import org.wayfarer.journey.catalog.JourneyNotFoundException;
import org.wayfarer.journey.contact.ContactNotFoundException;

/**
 * Maps every exception that leaves a controller to an RFC 7807 problem. Spring MVC's own exceptions (malformed body,
 * type mismatch, unknown path, wrong method) keep the base class's mapping. Anything unexpected becomes a bare 500:
 * the cause is logged, never sent, so no stack trace or internal message reaches a client.
 */
@RestControllerAdvice
public class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    @ExceptionHandler(InvalidJourneyException.class)
    ResponseEntity<ProblemDetail> invalidJourney(InvalidJourneyException e) {
        List<ValidationProblemResponse> errors = e.errors().stream().map(ValidationProblemResponse::of).toList();
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "The journey definition has " + errors.size() + " error(s); see 'errors'.");
        problem.setTitle("Invalid journey definition");
        problem.setProperty("errors", errors);
        return ResponseEntity.badRequest().body(problem);
    }

    @ExceptionHandler(InvalidRequestException.class)
    ResponseEntity<ProblemDetail> invalidRequest(InvalidRequestException e) {
        return problem(HttpStatus.BAD_REQUEST, e.getMessage());
    }

    @ExceptionHandler(JourneyNotFoundException.class)
    ResponseEntity<ProblemDetail> journeyNotFound(JourneyNotFoundException e) {
        return problem(HttpStatus.NOT_FOUND, "No journey " + e.journeyId() + ".");
    }

    @ExceptionHandler(ContactNotFoundException.class)
    ResponseEntity<ProblemDetail> contactNotFound(ContactNotFoundException e) {
        return problem(HttpStatus.NOT_FOUND, "No contact " + e.contactId() + ".");
    }

    @ExceptionHandler(JourneyKeyTakenException.class)
    ResponseEntity<ProblemDetail> keyTaken(JourneyKeyTakenException e) {
        return problem(HttpStatus.CONFLICT, e.getMessage() + "; change its draft with PUT instead.");
    }

    /** Two writers raced (e.g. two publishes of one journey); one won, the other may retry on fresh data. */
    @ExceptionHandler({StaleDataException.class, DuplicateKeyException.class})
    ResponseEntity<ProblemDetail> stale(RuntimeException e) {
        return problem(HttpStatus.CONFLICT, "The resource was changed by someone else meanwhile; read it and retry.");
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e) {
        log.error("Unhandled error in the admin API", e);
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, "An unexpected error occurred; it has been logged.");
    }

    static ResponseEntity<ProblemDetail> problem(HttpStatus status, String detail) {
        return ResponseEntity.status(status).body(ProblemDetail.forStatusAndDetail(status, detail));
    }
}
