package io.ticketflow.events;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A satisfaction survey went to the customer after a resolution.
 *
 * @param link         where the customer answers it
 * @param resolutionNo the resolution this survey asks about
 */
@CloudEventType("ticketflow.feedback.survey-sent.v1")
public record SurveySent(
        String ticketId,
        String ticketNo,
        String surveyId,
        int resolutionNo,
        @Nullable String link,
        Instant sentAt,
        @Nullable Instant expiresAt) implements FeedbackEvent {

    public SurveySent {
        requireNonNull(ticketId, "ticketId");
        requireNonNull(ticketNo, "ticketNo");
        requireNonNull(surveyId, "surveyId");
        requireNonNull(sentAt, "sentAt");
    }
}
