package io.ticketflow.feedback;

import static org.assertj.core.api.Assertions.assertThat;

import io.ticketflow.events.CallbackOpened;
import io.ticketflow.events.RatingReceived;
import io.ticketflow.events.SurveySent;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

/** The callback work list, fed by feedback's own ratings. */
class CallbackIT extends FeedbackScenario {

    @Test
    void callbacks_are_listed_soonest_due_first() {
        SurveySent first = surveyedTicket(newTicket("first"));
        answer(tokenOf(first), "{\"rating\":1}").expectStatus().isOk();
        feedback.await(CallbackOpened.class, c -> c.surveyId().equals(first.surveyId()));
        SurveySent second = surveyedTicket(newTicket("second"));
        answer(tokenOf(second), "{\"rating\":3}").expectStatus().isOk();
        feedback.await(CallbackOpened.class, c -> c.surveyId().equals(second.surveyId()));

        List<Map<String, Object>> open = callbacks("?status=OPEN");
        // outside working hours both are due at the next opening; ties keep a stable order
        assertThat(open).extracting(c -> c.get("surveyId")).contains(first.surveyId(), second.surveyId());
        assertThat(open).extracting(c -> Instant.parse((String) c.get("dueAt"))).isSortedAccordingTo(Comparator.naturalOrder());
        assertThat(open).allSatisfy(c -> assertThat(c).containsEntry("status", "OPEN"));
        assertThat(callbacks("")).extracting(c -> c.get("surveyId")).contains(first.surveyId(), second.surveyId());
    }

    @Test
    void a_redelivered_rating_opens_one_callback() {
        Ticket ticket = newTicket("redelivered");
        SurveySent survey = surveyedTicket(ticket);
        answer(tokenOf(survey), "{\"rating\":2}").expectStatus().isOk();
        RatingReceived rating = feedback.await(RatingReceived.class, r -> r.surveyId().equals(survey.surveyId()));
        feedback.await(CallbackOpened.class, c -> c.surveyId().equals(survey.surveyId()));

        // the rating arrives again, as after a rebalance; then a marker on the same partition
        intake.publish(UUID.randomUUID(), rating);
        publish(resolved(ticket, 2));
        SurveySent marker = awaitSurvey(ticket, 2);
        answer(tokenOf(marker), "{\"rating\":1}").expectStatus().isOk();
        feedback.await(CallbackOpened.class, c -> c.surveyId().equals(marker.surveyId()));

        assertThat(feedback.received(CallbackOpened.class, c -> c.surveyId().equals(survey.surveyId()))).hasSize(1);
        assertThat(callbacks("?status=OPEN")).filteredOn(c -> survey.surveyId().equals(c.get("surveyId"))).hasSize(1);
    }

    @Test
    void an_unknown_status_is_a_bad_request() {
        http.get().uri("/api/v1/callbacks?status=DONE").exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody(JSON_OBJECT).value(problem -> assertThat(problem.get("errors")).asString().contains("status"));
    }
}
