package io.ticketflow.routing.assignment;

import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** The problems the assignment commands answer with (RFC 9457). */
final class RoutingProblems {

    private RoutingProblems() {
    }

    /** Routing has not seen this ticket (yet): 404. */
    static ErrorResponseException unknownTicket() {
        return new ErrorResponseException(HttpStatus.NOT_FOUND, ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND,
                "Routing knows no ticket with this number"), null);
    }

    /** The ticket's state does not allow this now: 409. */
    static ErrorResponseException conflict(String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, detail);
        problem.setTitle("Conflict");
        return new ErrorResponseException(HttpStatus.CONFLICT, problem, null);
    }

    /** A field names something that does not exist: 400 naming the field. */
    static ErrorResponseException invalid(String field, String message) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "The request has invalid fields.");
        problem.setTitle("Invalid request");
        problem.setProperty("errors", List.of(Map.of("field", field, "message", message)));
        return new ErrorResponseException(HttpStatus.BAD_REQUEST, problem, null);
    }

    /** Something that does not exist in the path: 404. */
    static ErrorResponseException notFound(String detail) {
        return new ErrorResponseException(HttpStatus.NOT_FOUND, ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, detail), null);
    }
}
