package io.ticketflow.events;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * The ticket was resolved. A ticket resolved again after a reopen has a higher {@code resolutionNo}.
 *
 * @param summary      the resolution summary, masked; archived to the knowledge base when the customer is satisfied
 * @param resolutionNo 1 for the first resolution, 2 after one reopen, …
 */
@CloudEventType("ticketflow.ticket.resolved.v1")
public record TicketResolved(
        String ticketId,
        String ticketNo,
        long sequence,
        Instant occurredAt,
        @Nullable String agentId,
        @Nullable String summary,
        @Nullable String rootCause,
        int resolutionNo) implements LifecycleEvent {

    public TicketResolved {
        requireNonNull(ticketId, "ticketId");
        requireNonNull(ticketNo, "ticketNo");
        requireNonNull(occurredAt, "occurredAt");
        if (resolutionNo < 1) {
            throw new IllegalArgumentException("resolutionNo must be at least 1");
        }
    }
}
