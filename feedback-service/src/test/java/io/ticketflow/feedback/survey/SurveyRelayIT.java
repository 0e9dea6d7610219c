package io.ticketflow.feedback.survey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.ticketflow.events.Envelope;
import io.ticketflow.events.SurveySent;
import io.ticketflow.feedback.FeedbackScenario;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;

/** The outbox relay finishes what a crash interrupted. */
class SurveyRelayIT extends FeedbackScenario {

    @Autowired
    MongoTemplate mongo;

    @Test
    void a_survey_stored_but_never_published_is_published_by_the_relay() {
        // given a survey written a while ago whose SurveySent never reached Kafka (the process died in between)
        Ticket ticket = newTicket("interrupted");
        String token = SurveyToken.generate(new SecureRandom());
        Instant longAgo = Instant.now().minus(Duration.ofMinutes(10));
        Survey stranded = Survey.sendFor(resolved(ticket, 1, longAgo), "interrupted", token,
                "http://localhost:8084/surveys/" + token, Duration.ofDays(7), Survey.SurveyDelivery.LINK, longAgo);
        mongo.insert(stranded);

        // then the relay publishes it with its deterministic id, and clears it from the outbox
        Envelope<SurveySent> sent = feedback.awaitEnvelope(SurveySent.class, s -> s.surveyId().equals(stranded.surveyId()), Duration.ofSeconds(30));
        assertThat(sent.id()).isEqualTo(Survey.sentEventId(stranded.surveyId()));
        assertThat(sent.event().link()).isEqualTo(stranded.link());
        await().atMost(Duration.ofSeconds(10))
                .until(() -> mongo.findById(stranded.surveyId(), Survey.class).pending().isEmpty());
        assertThat(surveysOf(ticket)).extracting(s -> s.get("status")).containsExactly("SENT");

        // and operators can see that the relay had work to do
        String metrics = http.get().uri("/actuator/prometheus").exchange()
                .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
        assertThat(metrics.lines().filter(l -> l.startsWith("ticketflow_feedback_outbox_relayed_total{")
                && l.contains("collection=\"surveys\"")))
                .singleElement().satisfies(l -> assertThat(Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).isPositive());
    }
}
