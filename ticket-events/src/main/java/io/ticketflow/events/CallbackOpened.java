package io.ticketflow.events;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A low rating (1–3) opened a callback: someone must call the customer back and find the cause.
 *
 * @param owner who must call back (a team lead by default)
 * @param team  the team of the agent who resolved the ticket
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
        @Nullable Instant dueAt,
        @Nullable String team) implements FeedbackEvent {

    public CallbackOpened {
        requireNonNull(ticketId, "ticketId");
        requireNonNull(ticketNo, "ticketNo");
        requireNonNull(callbackId, "callbackId");
        requireNonNull(surveyId, "surveyId");
        requireNonNull(openedAt, "openedAt");
    }

    /** The 8-field form used before team existed. */
    public CallbackOpened(String ticketId, String ticketNo, String callbackId, String surveyId, int rating, @Nullable String owner, Instant openedAt, @Nullable Instant dueAt) {
        this(ticketId, ticketNo, callbackId, surveyId, rating, owner, openedAt, dueAt, null);
    }
}
