package io.ticketflow.events;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A cross-team ticket got a collaborating department; its primary owner stays. Each collaborator
 * must report progress within the policy's interval (2 h by default), which sla-service watches.
 *
 * @param primaryAgentId the ticket's primary owner at the time, or null when it waits in a queue
 */
@CloudEventType("ticketflow.routing.collaborator-added.v1")
public record CollaboratorAdded(
        String ticketId,
        String ticketNo,
        Department department,
        @Nullable String team,
        @Nullable String primaryAgentId,
        Department primaryDepartment,
        @Nullable String reason,
        @Nullable String addedBy,
        Instant addedAt) implements RoutingEvent {

    public CollaboratorAdded {
        requireNonNull(ticketId, "ticketId");
        requireNonNull(ticketNo, "ticketNo");
        requireNonNull(department, "department");
        requireNonNull(primaryDepartment, "primaryDepartment");
        requireNonNull(addedAt, "addedAt");
    }
}
