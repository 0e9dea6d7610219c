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
 * @param queueNo         how many waits have been announced with {@code TicketQueued}; part of its event id
 * @param transferCount   transfers so far; the third one asks for a MAJOR escalation
 * @param targetAgentId   while waiting after a transfer or override: only this agent may take it
 * @param targetTeam      while waiting after a transfer to a team: only members of this team may take it
 * @param excludedAgentId the agent who missed the first-touch window; not chosen again for this wait
 * @param preferredAgentId after a reopen: the agent who gets it back if online with room
 * @param nextReason      the reason the next {@code TicketAssigned} carries ({@code transfer}, {@code override} …)
 * @param movedFromAgentId the agent the ticket was last taken from; a reservation still held by them is given back, not reused
 * @param expedite        VIP or reopened: ahead of the other waiting tickets of the same priority
 * @param dueAt           the earliest SLA due time (first response or resolution) known from {@code ticket.sla}
 * @param touchDueAt      the first-touch deadline of the current assignment; null once touched
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
        List<HistoryEntry> history,
        int queueNo,
        int transferCount,
        @Nullable String targetAgentId,
        @Nullable String targetTeam,
        @Nullable String excludedAgentId,
        @Nullable String preferredAgentId,
        @Nullable String nextReason,
        @Nullable String movedFromAgentId,
        boolean expedite,
        @Nullable Instant dueAt,
        @Nullable Instant touchDueAt,
        @Nullable Instant touchedAt,
        int reopenNo,
        List<Collaborator> collaborators) {

    static final String COLLECTION = "assignments";

    Assignment {
        tags = tags == null ? List.of() : List.copyOf(tags);
        history = history == null ? List.of() : List.copyOf(history);
        collaborators = collaborators == null ? List.of() : List.copyOf(collaborators);
    }

    RoutableTicket routable() {
        return new RoutableTicket(ticketId, ticketNo, department, priority, tags, customerId);
    }

    WaitingTicket waiting() {
        return new WaitingTicket(ticketId, ticketNo, department, priority, tags, queuedAt, expedite, dueAt);
    }

    /** The collaborating department, if it is one. */
    java.util.Optional<Collaborator> collaborator(Department collaborating) {
        return collaborators.stream().filter(c -> c.department() == collaborating).findFirst();
    }

    /**
     * One step in the ticket's routing history.
     *
     * @param action QUEUED, ASSIGNED, RELEASED, TRANSFERRED, OVERRIDDEN, REASSIGNED, REOPENED,
     *               RECLASSIFIED, COLLABORATOR_ADDED, COLLABORATOR_PROGRESS, ACKNOWLEDGED
     * @param by     who asked for it, when a person did
     */
    record HistoryEntry(Instant at, String action, @Nullable String agentId, @Nullable String reason, @Nullable String by) {
    }

    /** A department that works on the ticket beside its primary owner. */
    record Collaborator(Department department, @Nullable String team, @Nullable String reason, @Nullable String addedBy,
            Instant addedAt, int reports, @Nullable Instant lastReportAt, boolean finished) {
    }
}
