package io.ticketflow.events;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/** No agent could take the ticket yet; it waits in its department's queue. */
@CloudEventType("ticketflow.ticket.queued.v1")
public record TicketQueued(
        String ticketId,
        String ticketNo,
        Department department,
        Priority priority,
        Instant queuedAt) implements RoutingEvent {

    public TicketQueued {
        requireNonNull(ticketId, "ticketId");
        requireNonNull(ticketNo, "ticketNo");
        requireNonNull(department, "department");
        requireNonNull(priority, "priority");
        requireNonNull(queuedAt, "queuedAt");
    }
}
