package io.ticketflow.intake.submission;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** The Idempotency-Key was used before with a different body: 422. */
public class IdempotencyKeyReusedException extends ErrorResponseException {

    private static final long serialVersionUID = 1L;

    IdempotencyKeyReusedException() {
        super(HttpStatus.UNPROCESSABLE_CONTENT, problem(), null);
    }

    private static ProblemDetail problem() {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT,
                "This Idempotency-Key was already used with a different request body.");
        problem.setTitle("Idempotency-Key reused");
        return problem;
    }
}
