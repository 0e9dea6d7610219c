package io.ticketflow.events;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A callback found the customer dissatisfied: intake must reopen the ticket and routing send it
 * back to its owner or to the preferred agent.
 *
 * @param preferredAgentId another agent to take it, or null for its previous owner
 */
@CloudEventType("ticketflow.feedback.reopen-requested.v1")
public record ReopenRequested(
        String ticketId,
        String ticketNo,
        String callbackId,
        String reason,
        @Nullable String preferredAgentId,
        @Nullable String requestedBy,
        Instant requestedAt) implements FeedbackEvent {

    public ReopenRequested {
        requireNonNull(ticketId, "ticketId");
        requireNonNull(ticketNo, "ticketNo");
        requireNonNull(callbackId, "callbackId");
        requireNonNull(reason, "reason");
        requireNonNull(requestedAt, "requestedAt");
    }
}
