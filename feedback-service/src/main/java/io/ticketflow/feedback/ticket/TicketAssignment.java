package io.ticketflow.feedback.ticket;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * Who holds a ticket, from routing's latest {@code TicketAssigned}: the callback of a dissatisfied
 * customer goes to this agent's team lead.
 *
 * @param assignmentNo routing's count; a lower one arriving late never overwrites a higher one
 */
@Document(TicketAssignment.COLLECTION)
public record TicketAssignment(
        @Id String ticketId,
        String ticketNo,
        String agentId,
        @Nullable String team,
        @Nullable String teamLead,
        int assignmentNo,
        Instant assignedAt) {

    static final String COLLECTION = "assignments";

    public TicketAssignment {
        requireNonNull(ticketId, "ticketId");
        requireNonNull(ticketNo, "ticketNo");
        requireNonNull(agentId, "agentId");
        requireNonNull(assignedAt, "assignedAt");
    }
}
