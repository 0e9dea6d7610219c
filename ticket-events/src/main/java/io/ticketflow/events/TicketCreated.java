package io.ticketflow.events;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import org.jspecify.annotations.Nullable;
import java.util.List;

/**
 * A channel's submission was accepted and numbered. Personal data is already masked here:
 * {@code contactMasked} and {@code description} never carry a clear phone number or address.
 *
 * @param customerId   the customer's id in the customer's own system (not personal data), or null
 * @param contactMasked the masked contact, e.g. {@code 138****5678}, or null
 * @param status        {@code NEW}, or {@code NEEDS_INFO} when {@code missingInfo} is not empty
 */
@CloudEventType("ticketflow.ticket.created.v1")
public record TicketCreated(
        String ticketId,
        String ticketNo,
        long sequence,
        Instant occurredAt,
        Channel channel,
        @Nullable String customerId,
        @Nullable String contactMasked,
        boolean vip,
        @Nullable String subject,
        @Nullable String description,
        List<String> tags,
        TicketType type,
        Nature nature,
        Priority priority,
        Department department,
        TicketStatus status,
        List<String> missingInfo) implements LifecycleEvent {

    public TicketCreated {
        requireNonNull(ticketId, "ticketId");
        requireNonNull(ticketNo, "ticketNo");
        requireNonNull(occurredAt, "occurredAt");
        requireNonNull(channel, "channel");
        requireNonNull(type, "type");
        requireNonNull(nature, "nature");
        requireNonNull(priority, "priority");
        requireNonNull(department, "department");
        requireNonNull(status, "status");
        tags = tags == null ? List.of() : List.copyOf(tags);
        missingInfo = missingInfo == null ? List.of() : List.copyOf(missingInfo);
    }
}
