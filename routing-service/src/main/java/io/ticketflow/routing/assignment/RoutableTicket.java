package io.ticketflow.routing.assignment;

import io.ticketflow.events.Department;
import io.ticketflow.events.Priority;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * What matching needs to know about a ticket.
 *
 * @param tags       issue tags, lowercased and without duplicates
 * @param customerId the customer, for the VIP dedicated agent
 */
public record RoutableTicket(
        String ticketId,
        String ticketNo,
        Department department,
        Priority priority,
        List<String> tags,
        @Nullable String customerId) {

    public RoutableTicket {
        tags = tags == null ? List.of() : tags.stream()
                .filter(t -> t != null && !t.isBlank())
                .map(t -> t.strip().toLowerCase(Locale.ROOT))
                .distinct()
                .toList();
    }
}
