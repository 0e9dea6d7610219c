package io.ticketflow.events;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/**
 * Routing took the ticket away from its agent without anyone asking: the agent went offline or
 * did not touch a new assignment in time. A {@link TicketAssigned} or {@link TicketQueued} follows.
 */
@CloudEventType("ticketflow.routing.ticket-reassigned.v1")
public record TicketReassigned(
        String ticketId,
        String ticketNo,
        String fromAgentId,
        ReassignReason reason,
        Department department,
        Instant reassignedAt) implements RoutingEvent {

    public TicketReassigned {
        requireNonNull(ticketId, "ticketId");
        requireNonNull(ticketNo, "ticketNo");
        requireNonNull(fromAgentId, "fromAgentId");
        requireNonNull(reason, "reason");
        requireNonNull(department, "department");
        requireNonNull(reassignedAt, "reassignedAt");
    }
}
