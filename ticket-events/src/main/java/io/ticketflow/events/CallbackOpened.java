package io.ticketflow.events;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A low rating (1–3) opened a callback: someone must call the customer back and find the cause.
 *
 * @param owner who must call back (a team lead by default)
 */
@CloudEventType("ticketflow.feedback.callback-opened.v1")
public record CallbackOpened(
        String ticketId,
        String ticketNo,
        String callbackId,
        String surveyId,
        int rating,
        @Nullable String owner,
        Instant openedAt,
        @Nullable Instant dueAt) implements FeedbackEvent {

    public CallbackOpened {
        requireNonNull(ticketId, "ticketId");
        requireNonNull(ticketNo, "ticketNo");
        requireNonNull(callbackId, "callbackId");
        requireNonNull(surveyId, "surveyId");
        requireNonNull(openedAt, "openedAt");
    }
}
