package io.ticketflow.intake.web;

import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** A request that Bean Validation cannot judge (a header, say) is bad: 400 with its {@code errors}. */
public class InvalidRequestException extends ErrorResponseException {

    private static final long serialVersionUID = 1L;

    public InvalidRequestException(List<FieldProblem> problems) {
        super(HttpStatus.BAD_REQUEST, problem(problems), null);
    }

    private static ProblemDetail problem(List<FieldProblem> problems) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, ProblemHandler.INVALID_REQUEST);
        problem.setTitle("Invalid request");
        problem.setProperty("errors", List.copyOf(problems));
        return problem;
    }
}
