package io.ticketflow.events;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A collaborating department reported progress on a shared ticket; {@code finished} ends its part.
 *
 * @param note the progress note, masked
 */
@CloudEventType("ticketflow.routing.collaborator-progress.v1")
public record CollaboratorProgressReported(
        String ticketId,
        String ticketNo,
        Department department,
        @Nullable String reportedBy,
        @Nullable String note,
        boolean finished,
        Instant reportedAt) implements RoutingEvent {

    public CollaboratorProgressReported {
        requireNonNull(ticketId, "ticketId");
        requireNonNull(ticketNo, "ticketNo");
        requireNonNull(department, "department");
        requireNonNull(reportedAt, "reportedAt");
    }
}
