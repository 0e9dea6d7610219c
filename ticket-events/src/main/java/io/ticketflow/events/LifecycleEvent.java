package io.ticketflow.events;

import java.time.Instant;

/** Events on {@code ticket.lifecycle}, written only by intake-service. */
public sealed interface LifecycleEvent extends TicketflowEvent, TicketEvent
        permits TicketCreated, TicketInfoRequested, TicketInfoProvided, TicketReplied, TicketHeld, TicketResumed,
        TicketResolved, TicketReopened, TicketClosed, TicketReclassified, RepeatContactDetected, TicketFlagged {

    /** The ticket's version after this event: 1 for creation, +1 for each change. */
    long sequence();

    /** When the change happened. */
    Instant occurredAt();

    @Override
    default String key() {
        return ticketId();
    }

    @Override
    default String eventSubject() {
        return ticketNo();
    }
}
