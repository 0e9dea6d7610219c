package io.ticketflow.routing.assignment;

import io.ticketflow.events.Department;
import io.ticketflow.events.Priority;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** {@code GET /api/v1/assignments/{ticketNo}}: owner, collaborators, transfers and the history with reasons. */
record AssignmentView(
        String ticketId,
        String ticketNo,
        AssignmentStatus status,
        @Nullable String agentId,
        @Nullable String team,
        Department department,
        Priority priority,
        List<String> tags,
        Instant queuedAt,
        @Nullable Instant assignedAt,
        int assignmentNo,
        @Nullable String reason,
        int transferCount,
        @Nullable String waitingForAgent,
        @Nullable String waitingForTeam,
        @Nullable Instant slaDueAt,
        @Nullable Instant firstTouchDueAt,
        @Nullable Instant touchedAt,
        List<Assignment.Collaborator> collaborators,
        List<Step> history) {

    record Step(Instant at, String action, @Nullable String agentId, @Nullable String reason, @Nullable String by) {
    }

    static AssignmentView of(Assignment a) {
        return new AssignmentView(a.ticketId(), a.ticketNo(), a.status(), a.agentId(), a.team(), a.department(), a.priority(),
                a.tags(), a.queuedAt(), a.assignedAt(), a.assignmentNo(), a.reason(), a.transferCount(),
                a.status() == AssignmentStatus.QUEUED ? a.targetAgentId() : null,
                a.status() == AssignmentStatus.QUEUED ? a.targetTeam() : null,
                a.dueAt(), a.touchDueAt(), a.touchedAt(), a.collaborators(),
                a.history().stream().map(h -> new Step(h.at(), h.action(), h.agentId(), h.reason(), h.by())).toList());
    }
}
