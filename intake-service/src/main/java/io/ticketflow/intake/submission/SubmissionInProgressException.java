package io.ticketflow.intake.submission;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** Another request with the same Idempotency-Key is still being processed: 409, retry shortly. */
public class SubmissionInProgressException extends ErrorResponseException {

    private static final long serialVersionUID = 1L;

    SubmissionInProgressException() {
        super(HttpStatus.CONFLICT, problem(), null);
    }

    private static ProblemDetail problem() {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
                "A request with this Idempotency-Key is still being processed; retry shortly.");
        problem.setTitle("Submission in progress");
        return problem;
    }
}
