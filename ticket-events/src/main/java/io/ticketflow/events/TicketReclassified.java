package io.ticketflow.events;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * An agent or supervisor changed the ticket's type, nature or priority; SLA clocks are recomputed
 * under the new policy and routing moves it to the new department's queue if that changed.
 */
@CloudEventType("ticketflow.ticket.reclassified.v1")
public record TicketReclassified(
        String ticketId,
        String ticketNo,
        long sequence,
        Instant occurredAt,
        TicketType type,
        Nature nature,
        Priority priority,
        Department department,
        TicketType previousType,
        Priority previousPriority,
        Department previousDepartment,
        String reason,
        @Nullable String changedBy) implements LifecycleEvent {

    public TicketReclassified {
        requireNonNull(ticketId, "ticketId");
        requireNonNull(ticketNo, "ticketNo");
        requireNonNull(occurredAt, "occurredAt");
        requireNonNull(type, "type");
        requireNonNull(nature, "nature");
        requireNonNull(priority, "priority");
        requireNonNull(department, "department");
        requireNonNull(previousType, "previousType");
        requireNonNull(previousPriority, "previousPriority");
        requireNonNull(previousDepartment, "previousDepartment");
        requireNonNull(reason, "reason");
    }
}
