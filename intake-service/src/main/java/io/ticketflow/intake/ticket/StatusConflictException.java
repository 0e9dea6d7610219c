package io.ticketflow.intake.ticket;

import io.ticketflow.events.TicketStatus;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** The ticket's status does not allow the command (a reply on a resolved ticket, a second resolution): 409. */
public class StatusConflictException extends ErrorResponseException {

    private static final long serialVersionUID = 1L;

    StatusConflictException(String ticketNo, TicketStatus status, String command) {
        this(problem(ticketNo, status, "Ticket " + ticketNo + " is " + status + " and cannot take a " + command + "."));
    }

    private StatusConflictException(ProblemDetail problem) {
        super(HttpStatus.CONFLICT, problem, null);
    }

    /** A conflict explained in the caller's words (e.g. the reopen window has passed). */
    static StatusConflictException because(String ticketNo, TicketStatus status, String detail) {
        return new StatusConflictException(problem(ticketNo, status, detail));
    }

    private static ProblemDetail problem(String ticketNo, TicketStatus status, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, detail);
        problem.setTitle("Not allowed in this status");
        problem.setProperty("ticketNo", ticketNo);
        problem.setProperty("status", status);
        return problem;
    }
}
