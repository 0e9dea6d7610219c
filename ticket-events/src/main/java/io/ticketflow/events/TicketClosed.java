package io.ticketflow.events;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * The ticket is closed: the customer is satisfied, or the reopen window has passed.
 *
 * @param closedBy who closed it, or {@code feedback-service} after a rating of 4-5
 */
@CloudEventType("ticketflow.ticket.closed.v1")
public record TicketClosed(
        String ticketId,
        String ticketNo,
        long sequence,
        Instant occurredAt,
        @Nullable String reason,
        @Nullable String closedBy) implements LifecycleEvent {

    public TicketClosed {
        requireNonNull(ticketId, "ticketId");
        requireNonNull(ticketNo, "ticketNo");
        requireNonNull(occurredAt, "occurredAt");
    }
}
