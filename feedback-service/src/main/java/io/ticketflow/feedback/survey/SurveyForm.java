package io.ticketflow.feedback.survey;

import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The survey page's form as the browser posts it: text fields, checked here so a bad value shows
 * a message next to its field instead of an error page.
 */
record SurveyForm(@Nullable String rating, @Nullable String npsScore, @Nullable String comment) {

    static SurveyForm empty() {
        return new SurveyForm(null, null, null);
    }

    /** Field name → message key, empty when the form is fine. */
    Map<String, String> errors() {
        Map<String, String> errors = new LinkedHashMap<>();
        Integer stars = number(rating);
        if (stars == null || stars < 1 || stars > 5) {
            errors.put("rating", "error.rating");
        }
        if (npsScore != null && !npsScore.isBlank()) {
            Integer nps = number(npsScore);
            if (nps == null || nps < 0 || nps > 10) {
                errors.put("npsScore", "error.npsScore");
            }
        }
        if (comment != null && comment.length() > SurveyAnswer.MAX_COMMENT) {
            errors.put("comment", "error.comment");
        }
        return errors;
    }

    /** The answer; only for a form without {@link #errors()}. */
    SurveyAnswer toAnswer() {
        Integer nps = npsScore == null || npsScore.isBlank() ? null : number(npsScore);
        return new SurveyAnswer(number(rating), nps, comment);
    }

    private static @Nullable Integer number(@Nullable String text) {
        if (text == null || !text.strip().matches("-?\\d{1,3}")) {
            return null;
        }
        return Integer.valueOf(text.strip());
    }
}
