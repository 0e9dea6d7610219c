package io.ticketflow.events;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The ticket was escalated one rung up the ladder. Published on {@code ticket.sla} and on the
 * escalation topic of the owning department and of every collaborating department.
 *
 * @param escalationId deterministic: the same trigger always gives the same id
 * @param trigger      why, e.g. {@code breach:FIRST_RESPONSE}, {@code second-breach}, {@code third-transfer},
 *                     {@code p0-system-fault-open-1h}, {@code public-opinion-risk}
 * @param targetRole   who must act: {@code TEAM_LEAD}, {@code SUPERVISOR} or {@code MANAGER}
 * @param targetId     the person in that role when known
 */
@CloudEventType("ticketflow.sla.ticket-escalated.v1")
public record TicketEscalated(
        String ticketId,
        String ticketNo,
        String escalationId,
        EscalationLevel level,
        String trigger,
        String targetRole,
        @Nullable String targetId,
        Department department,
        List<Department> collaboratingDepartments,
        @Nullable String clockId,
        @Nullable SlaMetric metric,
        @Nullable Priority priority,
        @Nullable String ownerAgentId,
        Instant escalatedAt) implements SlaEvent {

    public TicketEscalated {
        requireNonNull(ticketId, "ticketId");
        requireNonNull(ticketNo, "ticketNo");
        requireNonNull(escalationId, "escalationId");
        requireNonNull(level, "level");
        requireNonNull(trigger, "trigger");
        requireNonNull(targetRole, "targetRole");
        requireNonNull(department, "department");
        requireNonNull(escalatedAt, "escalatedAt");
        collaboratingDepartments = collaboratingDepartments == null ? List.of() : List.copyOf(collaboratingDepartments);
    }
}
