package io.ticketflow.intake.ticket;

/** Writers kept changing the ticket under this one; the caller retries (a listener, through its error handler). */
public class ConcurrentTicketUpdateException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    ConcurrentTicketUpdateException(String ticketNo) {
        super("ticket " + ticketNo + " kept changing while being written");
    }
}
