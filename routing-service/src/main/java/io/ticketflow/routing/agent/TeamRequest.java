package io.ticketflow.routing.agent;

import io.ticketflow.events.Department;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/** Body of {@code PUT /api/v1/teams/{teamId}}. */
public record TeamRequest(
        @Nullable @Size(max = 200) String name,
        @Nullable Department department,
        @NotBlank @Size(max = 100) String lead,
        @NotBlank @Size(max = 100) String supervisor) {
}
