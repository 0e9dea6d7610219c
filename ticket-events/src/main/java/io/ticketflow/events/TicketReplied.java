package io.ticketflow.events;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * Someone wrote on the ticket. An agent's first reply is the ticket's first response.
 *
 * @param agentId       the replying agent, or null when the customer wrote
 * @param firstResponse true for the first agent reply on the ticket
 * @param message       the reply, masked
 */
@CloudEventType("ticketflow.ticket.replied.v1")
public record TicketReplied(
        String ticketId,
        String ticketNo,
        long sequence,
        Instant occurredAt,
        ReplyAuthor author,
        @Nullable String agentId,
        boolean firstResponse,
        @Nullable String message) implements LifecycleEvent {

    public TicketReplied {
        requireNonNull(ticketId, "ticketId");
        requireNonNull(ticketNo, "ticketNo");
        requireNonNull(occurredAt, "occurredAt");
        requireNonNull(author, "author");
    }
}
