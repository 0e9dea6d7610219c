package io.ticketflow.events;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The customer sent (some of) the missing evidence.
 *
 * @param provided     what arrived
 * @param stillMissing what is still missing; empty means the ticket is complete and OPEN
 * @param note         the customer's words, masked
 */
@CloudEventType("ticketflow.ticket.info-provided.v1")
public record TicketInfoProvided(
        String ticketId,
        String ticketNo,
        long sequence,
        Instant occurredAt,
        List<String> provided,
        List<String> stillMissing,
        @Nullable String note) implements LifecycleEvent {

    public TicketInfoProvided {
        requireNonNull(ticketId, "ticketId");
        requireNonNull(ticketNo, "ticketNo");
        requireNonNull(occurredAt, "occurredAt");
        provided = provided == null ? List.of() : List.copyOf(provided);
        stillMissing = stillMissing == null ? List.of() : List.copyOf(stillMissing);
    }
}
