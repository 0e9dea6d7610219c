package io.ticketflow.routing.agent;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** No agent with this id is registered: 404. */
class UnknownAgentException extends ErrorResponseException {

    private static final long serialVersionUID = 1L;

    UnknownAgentException(String agentId) {
        super(HttpStatus.NOT_FOUND, ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND,
                "No agent " + agentId + " is registered; register it with PUT /api/v1/agents/" + agentId), null);
    }
}
