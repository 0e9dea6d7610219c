package io.ticketflow.events;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * The ticket now belongs to an agent.
 *
 * @param assignmentNo 1 for the first assignment of the ticket, +1 for each later decision
 * @param reason       why this agent, e.g. {@code skill-match}, {@code vip-dedicated}, {@code override}
 *
 * @param teamLead     the lead of the agent's team, who gets GENERAL escalations and callbacks
 * @param supervisor   the supervisor of the agent's team, who gets MAJOR escalations
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
        Instant assignedAt,
        @Nullable String teamLead,
        @Nullable String supervisor) implements RoutingEvent {

    public TicketAssigned {
        requireNonNull(ticketId, "ticketId");
        requireNonNull(ticketNo, "ticketNo");
        requireNonNull(agentId, "agentId");
        requireNonNull(department, "department");
        requireNonNull(assignedAt, "assignedAt");
    }

    /** The 8-field form used before teamLead, supervisor existed. */
    public TicketAssigned(String ticketId, String ticketNo, String agentId, @Nullable String team, Department department, int assignmentNo, @Nullable String reason, Instant assignedAt) {
        this(ticketId, ticketNo, agentId, team, department, assignmentNo, reason, assignedAt, null, null);
    }
}
