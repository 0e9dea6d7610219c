package io.ticketflow.events;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * An agent or lead handed the ticket on to another agent or team, with a reason. A
 * {@link TicketAssigned} (reason {@code transfer}) or {@link TicketQueued} follows for the new owner.
 *
 * @param transferCount how many times this ticket has been transferred, this one included
 * @param toAgentId     the named agent, or null when handed to a team's queue
 * @param toTeam        the team it went to, or null when handed to a named agent only
 */
@CloudEventType("ticketflow.routing.ticket-transferred.v1")
public record TicketTransferred(
        String ticketId,
        String ticketNo,
        @Nullable String fromAgentId,
        @Nullable String toAgentId,
        @Nullable String toTeam,
        Department fromDepartment,
        Department toDepartment,
        String reason,
        int transferCount,
        @Nullable String transferredBy,
        Instant transferredAt) implements RoutingEvent {

    public TicketTransferred {
        requireNonNull(ticketId, "ticketId");
        requireNonNull(ticketNo, "ticketNo");
        requireNonNull(fromDepartment, "fromDepartment");
        requireNonNull(toDepartment, "toDepartment");
        requireNonNull(reason, "reason");
        requireNonNull(transferredAt, "transferredAt");
        if (transferCount < 1) {
            throw new IllegalArgumentException("transferCount must be at least 1");
        }
    }
}
