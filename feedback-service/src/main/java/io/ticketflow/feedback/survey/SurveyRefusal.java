package io.ticketflow.feedback.survey;

import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** Why a survey cannot be shown or answered, as an RFC 9457 problem. The detail never repeats the token. */
final class SurveyRefusal extends ErrorResponseException {

    private static final long serialVersionUID = 1L;

    private SurveyRefusal(HttpStatus status, String type, String title, String detail, String surveyId) {
        super(status, problem(status, type, title, detail, surveyId), null);
    }

    static SurveyRefusal unknown() {
        return new SurveyRefusal(HttpStatus.NOT_FOUND, "survey-not-found", "Survey not found",
                "No survey belongs to this link.", null);
    }

    static SurveyRefusal alreadyAnswered(Survey survey) {
        return new SurveyRefusal(HttpStatus.CONFLICT, "survey-already-answered", "Survey already answered",
                "The survey about ticket " + survey.ticketNo() + " has already been answered.", survey.surveyId());
    }

    static SurveyRefusal expired(Survey survey) {
        return new SurveyRefusal(HttpStatus.GONE, "survey-expired", "Survey expired",
                "The survey about ticket " + survey.ticketNo() + " could be answered until " + survey.expiresAt() + ".",
                survey.surveyId());
    }

    private static ProblemDetail problem(HttpStatus status, String type, String title, String detail, String surveyId) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create("urn:ticketflow:problem:" + type));
        problem.setTitle(title);
        if (surveyId != null) {
            problem.setProperty("surveyId", surveyId);
        }
        return problem;
    }
}
