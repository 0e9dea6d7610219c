package io.ticketflow.routing.assignment;

import io.ticketflow.events.Department;
import io.ticketflow.events.Priority;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** {@code GET /api/v1/assignments/{ticketNo}}. */
record AssignmentView(
        String ticketId,
        String ticketNo,
        AssignmentStatus status,
        @Nullable String agentId,
        Department department,
        Priority priority,
        List<String> tags,
        Instant queuedAt,
        @Nullable Instant assignedAt,
        int assignmentNo,
        List<Step> history) {

    record Step(Instant at, AssignmentStatus action, @Nullable String agentId, @Nullable String reason) {
    }

    static AssignmentView of(Assignment a) {
        return new AssignmentView(a.ticketId(), a.ticketNo(), a.status(), a.agentId(), a.department(), a.priority(),
                a.tags(), a.queuedAt(), a.assignedAt(), a.assignmentNo(),
                a.history().stream().map(h -> new Step(h.at(), h.action(), h.agentId(), h.reason())).toList());
    }
}
