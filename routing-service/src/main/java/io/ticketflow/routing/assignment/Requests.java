package io.ticketflow.routing.assignment;

import io.ticketflow.events.Department;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/** Bodies of the assignment commands. Who asks ({@code by}) is carried, not yet checked (issue 11). */
final class Requests {

    static final String ID = "[A-Za-z0-9._-]{1,100}";

    private Requests() {
    }

    /** {@code POST /api/v1/assignments/{ticketNo}/transfer}: exactly one of {@code toAgentId} and {@code toTeam}. */
    record Transfer(
            @Nullable @Pattern(regexp = ID) String toAgentId,
            @Nullable @Pattern(regexp = ID) String toTeam,
            @NotBlank @Size(max = 500) String reason,
            @Nullable @Size(max = 100) String by) {

        @AssertTrue(message = "name exactly one of toAgentId and toTeam")
        boolean isOneTarget() {
            return (toAgentId == null) != (toTeam == null);
        }
    }

    /** {@code POST /api/v1/assignments/{ticketNo}/override}. */
    record SupervisorOverride(
            @NotBlank @Pattern(regexp = ID) String agentId,
            @NotBlank @Size(max = 500) String reason,
            @Nullable @Size(max = 100) String by) {
    }

    /** {@code POST /api/v1/assignments/{ticketNo}/collaborators}. */
    record Collaborator(
            @NotNull Department department,
            @Nullable @Pattern(regexp = ID) String team,
            @NotBlank @Size(max = 500) String reason,
            @Nullable @Size(max = 100) String by) {
    }

    /** {@code POST /api/v1/assignments/{ticketNo}/collaborators/{department}/progress}. */
    record Progress(
            @Nullable @Size(max = 100) String by,
            @NotBlank @Size(max = 2000) String note,
            boolean finished) {
    }

    /** {@code POST /api/v1/assignments/{ticketNo}/acknowledgement}; the agent, when given, must be the owner. */
    record Acknowledgement(@Nullable @Pattern(regexp = ID) String agentId) {
    }
}
