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
 * @param callbackId       the callback that asked for the reopen, or null
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
        @Nullable String preferredAgentId,
        @Nullable String callbackId) implements LifecycleEvent {

    public TicketReopened {
        requireNonNull(ticketId, "ticketId");
        requireNonNull(ticketNo, "ticketNo");
        requireNonNull(occurredAt, "occurredAt");
        requireNonNull(reason, "reason");
        if (reopenNo < 1) {
            throw new IllegalArgumentException("reopenNo must be at least 1");
        }
    }

    /** The 8-field form used before callbackId existed. */
    public TicketReopened(String ticketId, String ticketNo, long sequence, Instant occurredAt, String reason, int reopenNo, @Nullable String requestedBy, @Nullable String preferredAgentId) {
        this(ticketId, ticketNo, sequence, occurredAt, reason, reopenNo, requestedBy, preferredAgentId, null);
    }
}
