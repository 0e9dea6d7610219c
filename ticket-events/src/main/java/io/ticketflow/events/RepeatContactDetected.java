package io.ticketflow.events;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The same customer came back with the same issue: within 24 hours the ticket is flagged for the
 * quality department; within 30 days it counts as a repeat consultation.
 *
 * @param earlierTicketId  the ticket this one repeats
 * @param within24h        true when the earlier ticket is less than 24 hours old (quality follow-up)
 * @param contactsIn30Days how many tickets of this customer on this issue in 30 days, this one included
 * @param matchedOn        what made them the same issue, e.g. {@code orderId}, {@code type+subject}
 */
@CloudEventType("ticketflow.ticket.repeat-detected.v1")
public record RepeatContactDetected(
        String ticketId,
        String ticketNo,
        long sequence,
        Instant occurredAt,
        String earlierTicketId,
        String earlierTicketNo,
        boolean within24h,
        int contactsIn30Days,
        String matchedOn) implements LifecycleEvent {

    public RepeatContactDetected {
        requireNonNull(ticketId, "ticketId");
        requireNonNull(ticketNo, "ticketNo");
        requireNonNull(occurredAt, "occurredAt");
        requireNonNull(earlierTicketId, "earlierTicketId");
        requireNonNull(earlierTicketNo, "earlierTicketNo");
        requireNonNull(matchedOn, "matchedOn");
    }
}
