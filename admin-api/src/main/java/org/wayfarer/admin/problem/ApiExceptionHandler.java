package org.wayfarer.admin.problem;

import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.wayfarer.journey.StaleDataException;
import org.wayfarer.journey.catalog.InvalidJourneyException;
import org.wayfarer.journey.catalog.InvalidMigrationException;
import org.wayfarer.journey.catalog.JourneyKeyTakenException;
import org.wayfarer.journey.catalog.JourneyNotFoundException;
import org.wayfarer.journey.catalog.JourneyStateException;
import org.wayfarer.journey.contact.ContactNotFoundException;
import org.wayfarer.journey.inbox.IntakeUnavailableException;
import org.wayfarer.journey.recipe.InvalidRecipeOverridesException;
import org.wayfarer.journey.recipe.RecipeKeyTakenException;
import org.wayfarer.journey.recipe.RecipeNotFoundException;
import org.wayfarer.journey.segment.InvalidSegmentException;
import org.wayfarer.journey.segment.SegmentKeyTakenException;
import org.wayfarer.journey.segment.SegmentNotFoundException;
import org.wayfarer.journey.stats.UnknownNodeException;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Maps every exception that leaves a controller to an RFC 7807 problem. Spring MVC's own exceptions (malformed body,
 * type mismatch, unknown path, wrong method) keep the base class's mapping, except an unreadable body that was too
 * large (413) or broke a JSON parser limit (400 naming the limit). Anything unexpected becomes a bare 500: the cause
 * is logged, never sent, so no stack trace or internal message reaches a client.
 */
@RestControllerAdvice
public class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    private final StreamReadConstraints jsonLimits;

    /** @param json the mapper Spring MVC reads bodies with, asked for the limits it enforces */
    public ApiExceptionHandler(JsonMapper json) {
        this.jsonLimits = json.tokenStreamFactory().streamReadConstraints();
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e,
                                                                  HttpHeaders headers, HttpStatusCode status,
                                                                  WebRequest request) {
        Optional<BodyTooLargeException> tooLarge = BodyTooLargeException.in(e);
        if (tooLarge.isPresent()) {
            return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).body(
                    ProblemDetail.forStatusAndDetail(HttpStatus.CONTENT_TOO_LARGE, tooLarge.get().getMessage()));
        }
        Optional<StreamConstraintsException> limit = causeOfType(e, StreamConstraintsException.class);
        if (limit.isPresent()) {
            return ResponseEntity.badRequest().body(
                    ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, describe(limit.get())));
        }
        return super.handleHttpMessageNotReadable(e, headers, status, request);
    }

    /** Names the limit from the constraint Jackson reports (its message names the getter); never echoes input. */
    private String describe(StreamConstraintsException e) {
        String message = String.valueOf(e.getOriginalMessage());
        if (message.contains("getMaxNestingDepth")) {
            return "The JSON is nested deeper than the limit of " + jsonLimits.getMaxNestingDepth() + " levels.";
        }
        if (message.contains("getMaxStringLength")) {
            return "A JSON string is longer than the limit of " + jsonLimits.getMaxStringLength() + " characters.";
        }
        if (message.contains("getMaxDocumentLength")) {
            return "The JSON document is longer than the limit of " + jsonLimits.getMaxDocumentLength() + " bytes.";
        }
        if (message.contains("getMaxNameLength")) {
            return "A JSON field name is longer than the limit of " + jsonLimits.getMaxNameLength() + " characters.";
        }
        if (message.contains("getMaxNumberLength")) {
            return "A JSON number is longer than the limit of " + jsonLimits.getMaxNumberLength() + " characters.";
        }
        return "The JSON exceeds a limit of the parser.";
    }

    private static <T extends Throwable> Optional<T> causeOfType(Throwable failure, Class<T> type) {
        for (Throwable cause = failure; cause != null && cause.getCause() != cause; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return Optional.of(type.cast(cause));
            }
        }
        return Optional.empty();
    }

    @ExceptionHandler(InvalidJourneyException.class)
    ResponseEntity<ProblemDetail> invalidJourney(InvalidJourneyException e) {
        List<ValidationProblemResponse> errors = e.errors().stream().map(ValidationProblemResponse::of).toList();
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "The journey definition has " + errors.size() + " error(s); see 'errors'.");
        problem.setTitle("Invalid journey definition");
        problem.setProperty("errors", errors);
        return ResponseEntity.badRequest().body(problem);
    }

    @ExceptionHandler(InvalidMigrationException.class)
    ResponseEntity<ProblemDetail> invalidMigration(InvalidMigrationException e) {
        List<ValidationProblemResponse> errors = e.errors().stream().map(ValidationProblemResponse::of).toList();
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "The migration has " + errors.size() + " error(s); see 'errors'. Nothing was published.");
        problem.setTitle("Invalid migration");
        problem.setProperty("errors", errors);
        return ResponseEntity.badRequest().body(problem);
    }

    /** The lifecycle does not allow the action from the journey's status; the detail says what to do instead. */
    @ExceptionHandler(JourneyStateException.class)
    ResponseEntity<ProblemDetail> journeyState(JourneyStateException e) {
        String message = e.getMessage();
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
                Character.toUpperCase(message.charAt(0)) + message.substring(1) + ".");
        problem.setTitle("Not allowed in the journey's status");
        problem.setProperty("journeyStatus", e.status().name());
        return ResponseEntity.status(HttpStatus.CONFLICT).body(problem);
    }

    @ExceptionHandler(InvalidRequestException.class)
    ResponseEntity<ProblemDetail> invalidRequest(InvalidRequestException e) {
        if (e.errors().isEmpty()) {
            return problem(HttpStatus.BAD_REQUEST, e.getMessage());
        }
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
        problem.setTitle("Invalid request");
        problem.setProperty("errors", e.errors());
        return ResponseEntity.badRequest().body(problem);
    }

    @ExceptionHandler(JourneyNotFoundException.class)
    ResponseEntity<ProblemDetail> journeyNotFound(JourneyNotFoundException e) {
        return problem(HttpStatus.NOT_FOUND, "No journey " + e.journeyId() + ".");
    }

    @ExceptionHandler(UnknownNodeException.class)
    ResponseEntity<ProblemDetail> nodeNotFound(UnknownNodeException e) {
        return problem(HttpStatus.NOT_FOUND, "The journey has no node '" + e.nodeId() + "'.");
    }

    @ExceptionHandler(ContactNotFoundException.class)
    ResponseEntity<ProblemDetail> contactNotFound(ContactNotFoundException e) {
        return problem(HttpStatus.NOT_FOUND, "No contact " + e.contactId() + ".");
    }

    @ExceptionHandler(InvalidSegmentException.class)
    ResponseEntity<ProblemDetail> invalidSegment(InvalidSegmentException e) {
        List<ValidationProblemResponse> errors = e.problems().stream()
                .map(p -> new ValidationProblemResponse(p.pointer(), p.code(), p.message())).toList();
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "The segment has " + errors.size() + " problem(s); see 'errors'.");
        problem.setTitle("Invalid segment");
        problem.setProperty("errors", errors);
        return ResponseEntity.badRequest().body(problem);
    }

    /** The key is not echoed: it comes from the path, and a 404 says enough. */
    @ExceptionHandler(SegmentNotFoundException.class)
    ResponseEntity<ProblemDetail> segmentNotFound(SegmentNotFoundException e) {
        return problem(HttpStatus.NOT_FOUND, "No segment with this key.");
    }

    @ExceptionHandler(SegmentKeyTakenException.class)
    ResponseEntity<ProblemDetail> segmentKeyTaken(SegmentKeyTakenException e) {
        return problem(HttpStatus.CONFLICT, e.getMessage() + "; choose another key.");
    }

    @ExceptionHandler(JourneyKeyTakenException.class)
    ResponseEntity<ProblemDetail> keyTaken(JourneyKeyTakenException e) {
        return problem(HttpStatus.CONFLICT, e.getMessage() + "; change its draft with PUT instead.");
    }

    /** The recipe's own key is taken: the detail says to pass overrides.key (more specific than the handler above). */
    @ExceptionHandler(RecipeKeyTakenException.class)
    ResponseEntity<ProblemDetail> recipeKeyTaken(RecipeKeyTakenException e) {
        return problem(HttpStatus.CONFLICT, Character.toUpperCase(e.getMessage().charAt(0))
                + e.getMessage().substring(1) + ".");
    }

    /** The key is not echoed: it comes from the path. */
    @ExceptionHandler(RecipeNotFoundException.class)
    ResponseEntity<ProblemDetail> recipeNotFound(RecipeNotFoundException e) {
        return problem(HttpStatus.NOT_FOUND, "No recipe with this key; GET /api/v1/recipes lists them.");
    }

    @ExceptionHandler(InvalidRecipeOverridesException.class)
    ResponseEntity<ProblemDetail> invalidOverrides(InvalidRecipeOverridesException e) {
        List<ValidationProblemResponse> errors = e.errors().stream().map(ValidationProblemResponse::of).toList();
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "The recipe overrides have " + errors.size() + " problem(s); see 'errors'. Nothing was created.");
        problem.setTitle("Invalid recipe overrides");
        problem.setProperty("errors", errors);
        return ResponseEntity.badRequest().body(problem);
    }

    /** Two writers raced (e.g. two publishes of one journey); one won, the other may retry on fresh data. */
    @ExceptionHandler({StaleDataException.class, DuplicateKeyException.class})
    ResponseEntity<ProblemDetail> stale(RuntimeException e) {
        return problem(HttpStatus.CONFLICT, "The resource was changed by someone else meanwhile; read it and retry.");
    }

    /** The event could not be made durable in time (overload, shutdown): retrying with the same id is safe. */
    @ExceptionHandler(IntakeUnavailableException.class)
    ResponseEntity<ProblemDetail> intakeUnavailable(IntakeUnavailableException e) {
        log.warn("event intake unavailable: {}", e.getMessage());
        ResponseEntity<ProblemDetail> problem = problem(HttpStatus.SERVICE_UNAVAILABLE,
                "The event could not be stored in time; retry it with the same id (a repeat is a duplicate).");
        return ResponseEntity.status(problem.getStatusCode()).header(HttpHeaders.RETRY_AFTER, "1")
                .body(problem.getBody());
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
