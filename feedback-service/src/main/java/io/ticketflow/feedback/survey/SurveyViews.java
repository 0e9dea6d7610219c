package io.ticketflow.feedback.survey;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** The JSON shapes of the survey API. */
final class SurveyViews {

    private SurveyViews() {
    }

    /** A survey as agents see it, in {@code GET /api/v1/surveys?ticketNo=}. */
    record AgentView(
            String surveyId,
            String ticketId,
            String ticketNo,
            int resolutionNo,
            String token,
            String link,
            Survey.SurveyDelivery delivery,
            Survey.@Nullable MailStatus mailStatus,
            SurveyStatus status,
            Instant sentAt,
            Instant expiresAt,
            @Nullable Instant answeredAt,
            @Nullable Integer rating,
            @Nullable Integer npsScore,
            @Nullable Double negativeShare,
            @Nullable String comment) {

        static AgentView of(Survey survey, Instant now) {
            return new AgentView(survey.surveyId(), survey.ticketId(), survey.ticketNo(), survey.resolutionNo(),
                    survey.token(), survey.link(), survey.delivery(), survey.mailStatus(), survey.statusAt(now),
                    survey.sentAt(), survey.expiresAt(), survey.answeredAt(), survey.rating(), survey.npsScore(),
                    survey.negativeShare(), survey.comment());
        }
    }

    /** A survey as its customer sees it behind the link. */
    record CustomerView(
            String surveyId,
            String ticketNo,
            @Nullable String subject,
            @Nullable String summary,
            SurveyStatus status,
            Instant expiresAt,
            @Nullable Integer rating) {

        static CustomerView of(Survey survey, Instant now) {
            return new CustomerView(survey.surveyId(), survey.ticketNo(), survey.subject(), survey.summary(),
                    survey.statusAt(now), survey.expiresAt(), survey.rating());
        }
    }

    /** The reply to an accepted answer. */
    record Receipt(String surveyId, String ticketNo, SurveyStatus status, int rating) {

        static Receipt of(Survey answered) {
            return new Receipt(answered.surveyId(), answered.ticketNo(), answered.status(),
                    answered.rating() == null ? 0 : answered.rating());
        }
    }

    /**
     * The body of {@code POST /api/v1/surveys/{token}}.
     *
     * @param rating   1–5, required
     * @param npsScore 0–10, optional
     * @param comment  at most 2000 characters, optional; stored and published masked
     */
    record AnswerRequest(
            @NotNull(message = "is required")
            @Min(value = 1, message = "must be between 1 and 5")
            @Max(value = 5, message = "must be between 1 and 5")
            Integer rating,
            @Min(value = 0, message = "must be between 0 and 10")
            @Max(value = 10, message = "must be between 0 and 10")
            @Nullable Integer npsScore,
            @Size(max = SurveyAnswer.MAX_COMMENT, message = "must be at most 2000 characters")
            @Nullable String comment) {

        SurveyAnswer toAnswer() {
            return new SurveyAnswer(rating, npsScore, comment);
        }
    }
}
