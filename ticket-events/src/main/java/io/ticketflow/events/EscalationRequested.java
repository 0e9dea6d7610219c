package io.ticketflow.events;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * Routing saw something that calls for an escalation, e.g. the third transfer of an unsolved
 * ticket; sla-service turns the hint into a {@link TicketEscalated} at the suggested level.
 *
 * @param trigger why, e.g. {@code third-transfer}
 */
@CloudEventType("ticketflow.routing.escalation-requested.v1")
public record EscalationRequested(
        String ticketId,
        String ticketNo,
        EscalationLevel level,
        String trigger,
        Department department,
        @Nullable String requestedBy,
        Instant requestedAt) implements RoutingEvent {

    public EscalationRequested {
        requireNonNull(ticketId, "ticketId");
        requireNonNull(ticketNo, "ticketNo");
        requireNonNull(level, "level");
        requireNonNull(trigger, "trigger");
        requireNonNull(department, "department");
        requireNonNull(requestedAt, "requestedAt");
    }
}
