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
 * @param negativeShare share 0–1 of the comment's words found in the negative lexicon, or null without a comment
 * @param resolutionNo  the resolution the survey asked about (null from producers older than this field)
 * @param recovery      true when a reopened ticket is now rated 4–5 (null from producers older than this field)
 */
@CloudEventType("ticketflow.feedback.rating-received.v1")
public record RatingReceived(
        String ticketId,
        String ticketNo,
        String surveyId,
        int rating,
        @Nullable Integer npsScore,
        @Nullable String comment,
        Instant ratedAt,
        @Nullable Double negativeShare,
        @Nullable Integer resolutionNo,
        @Nullable Boolean recovery) implements FeedbackEvent {

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

    /** The 7-field form used before negativeShare, resolutionNo, recovery existed. */
    public RatingReceived(String ticketId, String ticketNo, String surveyId, int rating, @Nullable Integer npsScore, @Nullable String comment, Instant ratedAt) {
        this(ticketId, ticketNo, surveyId, rating, npsScore, comment, ratedAt, null, null, null);
    }

    /** True when a reopened ticket is now rated 4–5; false when not, or when the producer did not say. */
    public boolean recovered() {
        return Boolean.TRUE.equals(recovery);
    }
}
