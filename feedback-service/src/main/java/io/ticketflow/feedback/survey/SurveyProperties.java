package io.ticketflow.feedback.survey;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code ticketflow.feedback.*} for surveys.
 *
 * @param surveyTtl     how long a customer can answer a survey after the resolution
 * @param publicBaseUrl where customers reach this service; survey links start with it
 */
@Validated
@ConfigurationProperties("ticketflow.feedback")
record SurveyProperties(
        @DefaultValue("P7D") Duration surveyTtl,
        @DefaultValue("http://localhost:8084") URI publicBaseUrl) {

    SurveyProperties {
        if (surveyTtl.isNegative() || surveyTtl.isZero()) {
            throw new IllegalArgumentException("ticketflow.feedback.survey-ttl must be positive");
        }
        if (!publicBaseUrl.isAbsolute() || !("http".equals(publicBaseUrl.getScheme()) || "https".equals(publicBaseUrl.getScheme()))) {
            throw new IllegalArgumentException("ticketflow.feedback.public-base-url must be an absolute http(s) URL");
        }
    }

    /** The customer's link to a survey: {@code <public-base-url>/surveys/<token>}. */
    String linkFor(String token) {
        String base = publicBaseUrl.toString();
        while (base.endsWith("/")) {
            base = base.substring(0, base.length() - 1);
        }
        return base + "/surveys/" + token;
    }
}
