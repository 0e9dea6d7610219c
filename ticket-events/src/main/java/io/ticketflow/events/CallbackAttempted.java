package io.ticketflow.events;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * Someone called the customer back and did not reach them; the task stays open while retries remain.
 *
 * @param willRetry true when another attempt is allowed
 */
@CloudEventType("ticketflow.feedback.callback-attempted.v1")
public record CallbackAttempted(
        String ticketId,
        String ticketNo,
        String callbackId,
        int attemptNo,
        String calledBy,
        boolean willRetry,
        @Nullable String notes,
        Instant attemptedAt) implements FeedbackEvent {

    public CallbackAttempted {
        requireNonNull(ticketId, "ticketId");
        requireNonNull(ticketNo, "ticketNo");
        requireNonNull(callbackId, "callbackId");
        requireNonNull(calledBy, "calledBy");
        requireNonNull(attemptedAt, "attemptedAt");
    }
}
