package io.ticketflow.feedback;

import static org.assertj.core.api.Assertions.assertThat;

import io.ticketflow.events.CallbackOpened;
import io.ticketflow.events.RatingReceived;
import io.ticketflow.events.SurveySent;
import io.ticketflow.feedback.callback.DefaultWorkingHours;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

/** Customers answer surveys: once, with valid values, and a low rating gets them a call back. */
class SurveyAnswerIT extends FeedbackScenario {

    @Test
    void a_comment_is_measured_against_the_negative_lexicon_and_a_reopened_ticket_rated_well_is_a_recovery() {
        Ticket ticket = newTicket("Parcel lost");
        SurveySent first = surveyedTicket(ticket);
        answer(tokenOf(first), "{\"rating\":2,\"comment\":\"太慢了，态度差\"}").expectStatus().isOk();
        RatingReceived unhappy = feedback.await(RatingReceived.class, r -> r.surveyId().equals(first.surveyId()));
        assertThat(unhappy.negativeShare()).isEqualTo(0.833); // 太慢 and 态度差 cover 5 of 6 characters
        assertThat(unhappy.recovery()).isFalse();

        publish(resolved(ticket, 2)); // reopened after the callback, resolved again
        SurveySent second = awaitSurvey(ticket, 2);
        answer(tokenOf(second), "{\"rating\":5,\"npsScore\":9,\"comment\":\"Fixed now, thanks\"}").expectStatus().isOk();
        RatingReceived recovered = feedback.await(RatingReceived.class, r -> r.surveyId().equals(second.surveyId()));
        assertThat(recovered.resolutionNo()).isEqualTo(2);
        assertThat(recovered.recovery()).isTrue();
        assertThat(recovered.negativeShare()).isEqualTo(0.0);
        assertThat(surveysOf(ticket).get(1)).containsEntry("negativeShare", 0.0).containsEntry("comment", "Fixed now, thanks");
    }

    @Test
    void a_low_rating_is_published_and_opens_a_callback_for_the_team_lead() {
        Ticket ticket = newTicket("Refund missing");
        SurveySent survey = surveyedTicket(ticket);

        answer(tokenOf(survey), "{\"rating\":2,\"npsScore\":6,\"comment\":\"Took far too long\"}")
                .expectStatus().isOk()
                .expectBody(JSON_OBJECT).value(receipt -> assertThat(receipt)
                        .containsOnlyKeys("surveyId", "ticketNo", "status", "rating")
                        .containsEntry("surveyId", survey.surveyId())
                        .containsEntry("ticketNo", ticket.ticketNo())
                        .containsEntry("status", "ANSWERED")
                        .containsEntry("rating", 2));

        RatingReceived rating = feedback.await(RatingReceived.class, r -> r.surveyId().equals(survey.surveyId()));
        assertThat(rating.ticketId()).isEqualTo(ticket.ticketId());
        assertThat(rating.ticketNo()).isEqualTo(ticket.ticketNo());
        assertThat(rating.rating()).isEqualTo(2);
        assertThat(rating.npsScore()).isEqualTo(6);
        assertThat(rating.comment()).isEqualTo("Took far too long");
        assertThat(rating.negativeShare()).isEqualTo(0.0);
        assertThat(rating.resolutionNo()).isEqualTo(1);
        assertThat(rating.recovery()).isFalse();

        CallbackOpened callback = feedback.await(CallbackOpened.class, c -> c.surveyId().equals(survey.surveyId()));
        assertThat(callback.ticketNo()).isEqualTo(ticket.ticketNo());
        assertThat(callback.rating()).isEqualTo(2);
        assertThat(callback.owner()).isEqualTo("team-lead"); // routing never assigned it: the configured owner
        assertThat(callback.team()).isNull();
        assertThat(callback.openedAt()).isEqualTo(rating.ratedAt());
        assertThat(callback.dueAt()).isEqualTo(DefaultWorkingHours.plus(rating.ratedAt(), Duration.ofHours(4)));

        Map<String, Object> listed = callbacks("?status=OPEN").stream()
                .filter(c -> survey.surveyId().equals(c.get("surveyId"))).findFirst().orElseThrow();
        assertThat(listed).containsOnlyKeys("callbackId", "ticketId", "ticketNo", "surveyId", "rating", "owner", "team",
                "status", "openedAt", "dueAt", "secondsLeft", "attempts", "outcome", "calledBy", "reached", "rootCause", "factor",
                "notes", "completedAt");
        assertThat(listed)
                .containsEntry("callbackId", callback.callbackId())
                .containsEntry("ticketId", ticket.ticketId())
                .containsEntry("ticketNo", ticket.ticketNo())
                .containsEntry("rating", 2)
                .containsEntry("owner", "team-lead")
                .containsEntry("status", "OPEN");
        assertThat(((Number) listed.get("secondsLeft")).longValue())
                .isBetween(0L, Duration.between(rating.ratedAt(), callback.dueAt()).toSeconds());

        assertThat(surveysOf(ticket).get(0))
                .containsEntry("status", "ANSWERED")
                .containsEntry("rating", 2)
                .containsEntry("npsScore", 6);
        assertThat(surveysOf(ticket).get(0).get("answeredAt")).isNotNull();
        assertThat(customerView(tokenOf(survey))).containsEntry("status", "ANSWERED").containsEntry("rating", 2);
    }

    @Test
    void a_high_rating_is_published_and_opens_no_callback() {
        Ticket ticket = newTicket("Password reset");
        SurveySent satisfied = surveyedTicket(ticket);
        answer(tokenOf(satisfied), "{\"rating\":5}").expectStatus().isOk();
        RatingReceived five = feedback.await(RatingReceived.class, r -> r.surveyId().equals(satisfied.surveyId()));
        assertThat(five.npsScore()).isNull();
        assertThat(five.comment()).isNull();

        // marker: the same ticket reopened, resolved again and rated 1. Both ratings share a
        // partition, so once the second one's callback is out, the first one has been handled.
        publish(resolved(ticket, 2));
        SurveySent again = awaitSurvey(ticket, 2);
        answer(tokenOf(again), "{\"rating\":1}").expectStatus().isOk();
        feedback.await(CallbackOpened.class, c -> c.surveyId().equals(again.surveyId()));

        assertThat(feedback.received(CallbackOpened.class, c -> c.surveyId().equals(satisfied.surveyId()))).isEmpty();
        assertThat(callbacks("")).noneMatch(c -> satisfied.surveyId().equals(c.get("surveyId")));
    }

    @Test
    void a_survey_is_answered_once() {
        Ticket ticket = newTicket("Wrong invoice");
        SurveySent survey = surveyedTicket(ticket);
        answer(tokenOf(survey), "{\"rating\":3}").expectStatus().isOk();

        answer(tokenOf(survey), "{\"rating\":5,\"comment\":\"changed my mind\"}")
                .expectStatus().isEqualTo(409)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody(JSON_OBJECT).value(p -> assertThat(p)
                        .containsEntry("status", 409)
                        .containsEntry("title", "Survey already answered")
                        .containsEntry("surveyId", survey.surveyId()));

        // marker on the same partition, published after the refusal
        publish(resolved(ticket, 2));
        awaitSurvey(ticket, 2);
        assertThat(feedback.received(RatingReceived.class, r -> r.surveyId().equals(survey.surveyId())))
                .extracting(e -> e.event().rating()).containsExactly(3);
        assertThat(surveysOf(ticket).get(0)).containsEntry("rating", 3);
    }

    @Test
    void bad_answers_are_refused_naming_the_field_and_change_nothing() {
        Ticket ticket = newTicket("Slow app");
        SurveySent survey = surveyedTicket(ticket);
        String token = tokenOf(survey);

        Map<String, String> badAnswers = Map.of(
                "{\"rating\":0}", "rating",
                "{\"rating\":6}", "rating",
                "{\"npsScore\":3}", "rating",
                "{\"rating\":4,\"npsScore\":11}", "npsScore",
                "{\"rating\":4,\"npsScore\":-1}", "npsScore",
                "{\"rating\":4,\"comment\":\"" + "x".repeat(2001) + "\"}", "comment",
                "{\"rating\":\"four\"}", "rating",
                "{\"rating\":2.5}", "rating");
        badAnswers.forEach((body, field) -> answer(token, body)
                .expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody(JSON_OBJECT).value(problem -> {
                    assertThat(problem).containsEntry("status", 400);
                    @SuppressWarnings("unchecked")
                    List<Map<String, Object>> errors = (List<Map<String, Object>>) problem.get("errors");
                    assertThat(errors).as(body).extracting(e -> e.get("field")).containsExactly(field);
                }));
        for (String malformed : List.of("{\"rating\":", "", "not json")) {
            answer(token, malformed)
                    .expectStatus().isBadRequest()
                    .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        }

        assertThat(customerView(token)).containsEntry("status", "SENT").containsEntry("rating", null);

        // the first valid answer still counts, and it is the only rating ever published
        answer(token, "{\"rating\":4}").expectStatus().isOk();
        feedback.await(RatingReceived.class, r -> r.surveyId().equals(survey.surveyId()));
        publish(resolved(ticket, 2));
        awaitSurvey(ticket, 2);
        assertThat(feedback.received(RatingReceived.class, r -> r.surveyId().equals(survey.surveyId())))
                .extracting(e -> e.event().rating()).containsExactly(4);
    }

    @Test
    void personal_data_in_a_comment_is_masked_before_it_is_stored_or_published() {
        Ticket ticket = newTicket("Courier never came");
        SurveySent survey = surveyedTicket(ticket);

        answer(tokenOf(survey), "{\"rating\":1,\"comment\":\"Call me on 13812345678 or mail li.lei@example.com\"}")
                .expectStatus().isOk();

        RatingReceived rating = feedback.await(RatingReceived.class, r -> r.surveyId().equals(survey.surveyId()));
        assertThat(rating.comment())
                .isEqualTo("Call me on 138****5678 or mail l***@example.com")
                .doesNotContain("13812345678");
    }

    @Test
    void the_rating_time_is_the_answer_time() {
        Ticket ticket = newTicket("Late delivery");
        SurveySent survey = surveyedTicket(ticket);
        Instant before = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        answer(tokenOf(survey), "{\"rating\":4}").expectStatus().isOk();
        RatingReceived rating = feedback.await(RatingReceived.class, r -> r.surveyId().equals(survey.surveyId()));
        assertThat(rating.ratedAt()).isBetween(before, Instant.now());
    }
}
