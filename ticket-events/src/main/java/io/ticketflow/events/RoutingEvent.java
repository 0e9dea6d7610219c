package io.ticketflow.events;

/** Events on {@code ticket.routing}, written only by routing-service. */
public sealed interface RoutingEvent extends TicketflowEvent, TicketEvent permits TicketQueued, TicketAssigned, TicketTransferred, TicketReassigned,
        CollaboratorAdded, CollaboratorProgressReported, EscalationRequested {

    @Override
    default String key() {
        return ticketId();
    }

    @Override
    default String eventSubject() {
        return ticketNo();
    }
}
