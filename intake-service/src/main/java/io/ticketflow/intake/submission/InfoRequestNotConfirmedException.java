package io.ticketflow.intake.submission;

import io.ticketflow.events.spring.EventPublishException;

/**
 * Kafka acknowledged a NEEDS_INFO ticket's TicketCreated but not its TicketInfoRequested: the
 * ticket exists, so its Idempotency-Key must stay with it (a retry takes the claim over and
 * republishes the same two events) instead of being released for a new ticket. Still a 503.
 */
class InfoRequestNotConfirmedException extends EventPublishException {

    private static final long serialVersionUID = 1L;

    InfoRequestNotConfirmedException(EventPublishException cause) {
        super("TicketCreated acknowledged, TicketInfoRequested not: " + cause.getMessage(), cause);
    }
}
