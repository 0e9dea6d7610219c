package io.ticketflow.routing.queue;

import io.ticketflow.events.Department;
import io.ticketflow.events.Priority;
import java.time.Instant;
import java.util.List;

/** A ticket that no agent has taken yet, in its department's queue. */
public record WaitingTicket(
        String ticketId,
        String ticketNo,
        Department department,
        Priority priority,
        List<String> tags,
        Instant queuedAt) {

    public WaitingTicket {
        tags = tags == null ? List.of() : List.copyOf(tags);
    }
}
