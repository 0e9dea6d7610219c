package io.ticketflow.intake.ticket;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** No ticket has this number: 404. */
public class TicketNotFoundException extends ErrorResponseException {

    private static final long serialVersionUID = 1L;

    TicketNotFoundException(String ticketNo) {
        super(HttpStatus.NOT_FOUND, problem(ticketNo), null);
    }

    private static ProblemDetail problem(String ticketNo) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "No ticket " + ticketNo + ".");
        problem.setTitle("Ticket not found");
        problem.setProperty("ticketNo", ticketNo);
        return problem;
    }
}
