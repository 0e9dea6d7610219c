package io.ticketflow.intake.ticket;

import io.ticketflow.events.CallbackCompleted;
import io.ticketflow.events.RatingReceived;
import io.ticketflow.events.ReopenRequested;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * What feedback-service's findings mean for the ticket: a dissatisfied callback reopens it; a
 * rating of 4-5 on a resolved ticket, or a callback that found the customer satisfied, closes
 * it. Each decision is taken once, keyed on the callback or the survey (remembered on the ticket
 * with the event that carried it out), so a redelivered request, under the same or another
 * {@code ce_id}, changes nothing. Requests about tickets intake does not know are ignored.
 */
@Component
public class CustomerFeedback {

    private static final Logger log = LoggerFactory.getLogger(CustomerFeedback.class);

    private final TicketCommands commands;

    CustomerFeedback(TicketCommands commands) {
        this.commands = commands;
    }

    /**
     * Reopens the ticket once per callback.
     *
     * @throws TicketBusyException while a command holds the ticket (a transient failure: retried)
     */
    public void reopenRequested(ReopenRequested request) {
        try {
            commands.reopenRequested(request);
        } catch (TicketNotFoundException unknown) {
            log.info("reopen request for an unknown ticket ignored ticketNo={} callbackId={}", request.ticketNo(),
                    request.callbackId());
        }
    }

    /**
     * Closes a resolved ticket once per callback that found the customer satisfied.
     *
     * @throws TicketBusyException while a command holds the ticket (a transient failure: retried)
     */
    public void callbackCompleted(CallbackCompleted completed) {
        try {
            commands.callbackCompleted(completed);
        } catch (TicketNotFoundException unknown) {
            log.info("callback outcome for an unknown ticket ignored ticketNo={} callbackId={}", completed.ticketNo(),
                    completed.callbackId());
        }
    }

    /**
     * Closes a resolved ticket once per survey when the customer is satisfied.
     *
     * @throws TicketBusyException while a command holds the ticket (a transient failure: retried)
     */
    public void ratingReceived(RatingReceived rating) {
        try {
            commands.ratingReceived(rating);
        } catch (TicketNotFoundException unknown) {
            log.info("rating for an unknown ticket ignored ticketNo={} surveyId={}", rating.ticketNo(), rating.surveyId());
        }
    }
}
