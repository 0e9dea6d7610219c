package io.ticketflow.events;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A callback task ended. SATISFIED closes the ticket; REOPEN is followed by {@link ReopenRequested};
 * UNREACHABLE means every allowed attempt failed.
 *
 * @param rootCause the cause on the sources' dimensions, or null when the customer was not reached
 * @param factor    the optional people / machine / material / method / environment factor
 * @param notes     the caller's notes, masked
 */
@CloudEventType("ticketflow.feedback.callback-completed.v1")
public record CallbackCompleted(
        String ticketId,
        String ticketNo,
        String callbackId,
        String calledBy,
        boolean reached,
        @Nullable RootCause rootCause,
        @Nullable RootCauseFactor factor,
        @Nullable String notes,
        CallbackOutcome outcome,
        int attempts,
        int rating,
        @Nullable String owner,
        @Nullable String team,
        Instant openedAt,
        @Nullable Instant dueAt,
        Instant completedAt) implements FeedbackEvent {

    public CallbackCompleted {
        requireNonNull(ticketId, "ticketId");
        requireNonNull(ticketNo, "ticketNo");
        requireNonNull(callbackId, "callbackId");
        requireNonNull(calledBy, "calledBy");
        requireNonNull(outcome, "outcome");
        requireNonNull(openedAt, "openedAt");
        requireNonNull(completedAt, "completedAt");
    }
}
