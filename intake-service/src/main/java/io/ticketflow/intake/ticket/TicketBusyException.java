package io.ticketflow.intake.ticket;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** Another command holds the ticket's lease: 409, the client retries. */
public class TicketBusyException extends ErrorResponseException {

    private static final long serialVersionUID = 1L;

    TicketBusyException(String ticketNo) {
        super(HttpStatus.CONFLICT, problem(ticketNo), null);
    }

    private static ProblemDetail problem(String ticketNo) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
                "ticket is being changed, retry");
        problem.setTitle("Ticket busy");
        problem.setProperty("ticketNo", ticketNo);
        return problem;
    }
}
