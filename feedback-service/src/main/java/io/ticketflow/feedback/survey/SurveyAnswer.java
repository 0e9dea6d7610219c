package io.ticketflow.feedback.survey;

import io.ticketflow.events.PersonalData;
import org.jspecify.annotations.Nullable;

/**
 * A customer's answer to a survey. The comment is masked on the way in, so no clear phone
 * number or address is ever stored or published.
 *
 * @param rating   1–5 stars
 * @param npsScore 0–10, or null
 * @param comment  masked, or null when none was given
 */
record SurveyAnswer(int rating, @Nullable Integer npsScore, @Nullable String comment) {

    static final int MAX_COMMENT = 2000;

    SurveyAnswer {
        if (rating < 1 || rating > 5) {
            throw new IllegalArgumentException("rating must be 1-5");
        }
        if (npsScore != null && (npsScore < 0 || npsScore > 10)) {
            throw new IllegalArgumentException("npsScore must be 0-10");
        }
        if (comment != null && comment.length() > MAX_COMMENT) {
            throw new IllegalArgumentException("comment must be at most " + MAX_COMMENT + " characters");
        }
        comment = comment == null || comment.isBlank() ? null : PersonalData.maskText(comment.strip());
    }
}
