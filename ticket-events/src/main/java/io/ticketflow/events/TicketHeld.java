package io.ticketflow.events;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The ticket waits on the customer or a third party (status PENDING).
 *
 * @param note why, masked
 */
@CloudEventType("ticketflow.ticket.held.v1")
public record TicketHeld(
        String ticketId,
        String ticketNo,
        long sequence,
        Instant occurredAt,
        HoldReason reason,
        @Nullable String agentId,
        @Nullable String note) implements LifecycleEvent {

    public TicketHeld {
        requireNonNull(ticketId, "ticketId");
        requireNonNull(ticketNo, "ticketNo");
        requireNonNull(occurredAt, "occurredAt");
        requireNonNull(reason, "reason");
    }
}
