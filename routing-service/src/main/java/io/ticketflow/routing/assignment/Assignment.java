package io.ticketflow.routing.assignment;

import io.ticketflow.events.Department;
import io.ticketflow.events.Priority;
import io.ticketflow.routing.queue.WaitingTicket;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * Routing's record of one ticket in the {@value #COLLECTION} collection, keyed by ticket id. It
 * also carries the ticket's pending events (single-document outbox, not mapped here) and the
 * short claim that lets one worker at a time decide about the ticket.
 *
 * @param createdAt       when the ticket was created in intake (for the created → assigned timer)
 * @param queuedAt        when routing received it; the queue's arrival order
 * @param assignmentNo    0 while never assigned, +1 with each assignment decision
 * @param queuedAnnounced whether {@code TicketQueued} has been emitted for the current wait
 * @param claimUntil      a worker's claim on the ticket lasts until then; the epoch when unclaimed
 */
@Document(Assignment.COLLECTION)
record Assignment(
        @Id String ticketId,
        String ticketNo,
        AssignmentStatus status,
        @Nullable String agentId,
        @Nullable String team,
        Department department,
        Priority priority,
        List<String> tags,
        @Nullable String customerId,
        boolean vip,
        Instant createdAt,
        Instant queuedAt,
        @Nullable Instant assignedAt,
        @Nullable Instant releasedAt,
        int assignmentNo,
        @Nullable String reason,
        boolean queuedAnnounced,
        @Nullable Instant claimUntil,
        @Nullable String claimOwner,
        List<HistoryEntry> history) {

    static final String COLLECTION = "assignments";

    Assignment {
        tags = tags == null ? List.of() : List.copyOf(tags);
        history = history == null ? List.of() : List.copyOf(history);
    }

    RoutableTicket routable() {
        return new RoutableTicket(ticketId, ticketNo, department, priority, tags, customerId);
    }

    WaitingTicket waiting() {
        return new WaitingTicket(ticketId, ticketNo, department, priority, tags, queuedAt);
    }

    /** One step in the ticket's routing history. */
    record HistoryEntry(Instant at, AssignmentStatus action, @Nullable String agentId, @Nullable String reason) {
    }
}
