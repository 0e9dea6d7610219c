package io.ticketflow.routing.queue;

import io.ticketflow.events.Department;
import io.ticketflow.events.Priority;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A ticket that no agent has taken yet, in its department's queue.
 *
 * @param expedite VIP or reopened: served before the other tickets of its priority
 * @param dueAt    its earliest SLA due time, null while {@code ticket.sla} has not told
 */
public record WaitingTicket(
        String ticketId,
        String ticketNo,
        Department department,
        Priority priority,
        List<String> tags,
        Instant queuedAt,
        boolean expedite,
        @Nullable Instant dueAt) {

    public WaitingTicket {
        tags = tags == null ? List.of() : List.copyOf(tags);
    }
}
