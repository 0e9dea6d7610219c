package io.ticketflow.events;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** Work on a held ticket goes on (status IN_PROGRESS). */
@CloudEventType("ticketflow.ticket.resumed.v1")
public record TicketResumed(
        String ticketId,
        String ticketNo,
        long sequence,
        Instant occurredAt,
        @Nullable String agentId) implements LifecycleEvent {

    public TicketResumed {
        requireNonNull(ticketId, "ticketId");
        requireNonNull(ticketNo, "ticketNo");
        requireNonNull(occurredAt, "occurredAt");
    }
}
