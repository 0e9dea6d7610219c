package io.ticketflow.events;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * The ticket now belongs to an agent.
 *
 * @param assignmentNo 1 for the first assignment of the ticket, +1 for each later decision
 * @param reason       why this agent, e.g. {@code skill-match}, {@code vip-dedicated}, {@code override}
 */
@CloudEventType("ticketflow.ticket.assigned.v1")
public record TicketAssigned(
        String ticketId,
        String ticketNo,
        String agentId,
        @Nullable String team,
        Department department,
        int assignmentNo,
        @Nullable String reason,
        Instant assignedAt) implements RoutingEvent {

    public TicketAssigned {
        requireNonNull(ticketId, "ticketId");
        requireNonNull(ticketNo, "ticketNo");
        requireNonNull(agentId, "agentId");
        requireNonNull(department, "department");
        requireNonNull(assignedAt, "assignedAt");
    }
}
