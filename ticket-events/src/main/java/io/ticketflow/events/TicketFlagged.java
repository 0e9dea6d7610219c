package io.ticketflow.events;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A flag was raised on or cleared from the ticket, e.g. a public-opinion risk, which sla-service
 * escalates straight to CRITICAL.
 *
 * @param raised true when the flag was raised, false when cleared
 */
@CloudEventType("ticketflow.ticket.flagged.v1")
public record TicketFlagged(
        String ticketId,
        String ticketNo,
        long sequence,
        Instant occurredAt,
        TicketFlag flag,
        boolean raised,
        String reason,
        @Nullable String flaggedBy) implements LifecycleEvent {

    public TicketFlagged {
        requireNonNull(ticketId, "ticketId");
        requireNonNull(ticketNo, "ticketNo");
        requireNonNull(occurredAt, "occurredAt");
        requireNonNull(flag, "flag");
        requireNonNull(reason, "reason");
    }
}
