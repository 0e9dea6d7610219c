package io.ticketflow.routing.agent;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** The presence kept changing under us (many concurrent changes of one agent): 409, try again. */
class PresenceConflictException extends ErrorResponseException {

    private static final long serialVersionUID = 1L;

    PresenceConflictException(String agentId) {
        super(HttpStatus.CONFLICT, ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
                "The presence of agent " + agentId + " changed concurrently; retry the request"), null);
    }
}
