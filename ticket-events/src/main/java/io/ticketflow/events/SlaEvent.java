package io.ticketflow.events;

/** Events on {@code ticket.sla}, written only by sla-service. */
public sealed interface SlaEvent extends TicketflowEvent, TicketEvent permits SlaClockStarted, SlaClockMet, SlaClockPaused,
        SlaClockResumed, SlaClockRescheduled, SlaClockStopped, SlaWarningRaised, SlaBreached, TicketEscalated {

    @Override
    default String key() {
        return ticketId();
    }

    @Override
    default String eventSubject() {
        return ticketNo();
    }
}
