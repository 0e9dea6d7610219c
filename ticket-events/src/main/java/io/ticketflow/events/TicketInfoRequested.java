package io.ticketflow.events;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The customer must be asked for missing evidence (an order id, an error code, a screenshot)
 * within one working day; the SLA side runs that clock.
 *
 * @param missingInfo what is missing, e.g. {@code orderId}, {@code errorCode}
 */
@CloudEventType("ticketflow.ticket.info-requested.v1")
public record TicketInfoRequested(
        String ticketId,
        String ticketNo,
        long sequence,
        Instant occurredAt,
        List<String> missingInfo) implements LifecycleEvent {

    public TicketInfoRequested {
        requireNonNull(ticketId, "ticketId");
        requireNonNull(ticketNo, "ticketNo");
        requireNonNull(occurredAt, "occurredAt");
        missingInfo = missingInfo == null ? List.of() : List.copyOf(missingInfo);
    }
}
