package io.ticketflow.events;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * The customer answered a survey.
 *
 * @param rating   1–5 stars; 1–3 opens a callback
 * @param npsScore 0–10, or null when not given
 * @param comment  the customer's comment, masked, or null
 */
@CloudEventType("ticketflow.feedback.rating-received.v1")
public record RatingReceived(
        String ticketId,
        String ticketNo,
        String surveyId,
        int rating,
        @Nullable Integer npsScore,
        @Nullable String comment,
        Instant ratedAt) implements FeedbackEvent {

    public RatingReceived {
        requireNonNull(ticketId, "ticketId");
        requireNonNull(ticketNo, "ticketNo");
        requireNonNull(surveyId, "surveyId");
        requireNonNull(ratedAt, "ratedAt");
        if (rating < 1 || rating > 5) {
            throw new IllegalArgumentException("rating must be 1-5");
        }
        if (npsScore != null && (npsScore < 0 || npsScore > 10)) {
            throw new IllegalArgumentException("npsScore must be 0-10");
        }
    }
}
