package io.ticketflow.events;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A resolved or closed ticket is open again: the customer was not satisfied.
 *
 * @param reopenNo         1 for the first reopen, +1 for each later one
 * @param requestedBy      who asked: the customer, an agent, or {@code feedback-service} after a callback
 * @param preferredAgentId the agent who should take it, or null for its previous owner
 */
@CloudEventType("ticketflow.ticket.reopened.v1")
public record TicketReopened(
        String ticketId,
        String ticketNo,
        long sequence,
        Instant occurredAt,
        String reason,
        int reopenNo,
        @Nullable String requestedBy,
        @Nullable String preferredAgentId) implements LifecycleEvent {

    public TicketReopened {
        requireNonNull(ticketId, "ticketId");
        requireNonNull(ticketNo, "ticketNo");
        requireNonNull(occurredAt, "occurredAt");
        requireNonNull(reason, "reason");
        if (reopenNo < 1) {
            throw new IllegalArgumentException("reopenNo must be at least 1");
        }
    }
}
