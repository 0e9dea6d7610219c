package io.ticketflow.feedback;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.ticketflow.events.CloudEventHeaders;
import io.ticketflow.events.SurveySent;
import io.ticketflow.events.TicketResolved;
import io.ticketflow.events.Topics;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

/** A resolution sends a survey: what is published, what agents and customers see, and what goes wrong. */
class SurveyIT extends FeedbackScenario {

    @Test
    void a_resolved_ticket_gets_a_survey_whose_link_agents_can_list() {
        Ticket ticket = newTicket("Payment fails, call me on 13812345678");
        publish(created(ticket));
        TicketResolved resolution = resolved(ticket, 1);
        publish(resolution);

        SurveySent sent = awaitSurvey(ticket, 1);
        assertThat(sent.ticketNo()).isEqualTo(ticket.ticketNo());
        assertThat(sent.link()).matches("http://localhost:8084/surveys/[A-Za-z0-9_-]{43}");
        Instant resolvedAt = resolution.occurredAt().truncatedTo(ChronoUnit.MILLIS);
        assertThat(sent.sentAt()).isEqualTo(resolvedAt);
        assertThat(sent.expiresAt()).isEqualTo(resolvedAt.plus(Duration.ofDays(7)));

        List<Map<String, Object>> surveys = surveysOf(ticket);
        assertThat(surveys).hasSize(1);
        Map<String, Object> survey = surveys.get(0);
        assertThat(survey).containsOnlyKeys("surveyId", "ticketId", "ticketNo", "resolutionNo", "token", "link", "delivery",
                "mailStatus", "status", "sentAt", "expiresAt", "answeredAt", "rating", "npsScore", "negativeShare", "comment");
        assertThat(survey)
                .containsEntry("surveyId", sent.surveyId())
                .containsEntry("ticketId", ticket.ticketId())
                .containsEntry("ticketNo", ticket.ticketNo())
                .containsEntry("resolutionNo", 1)
                .containsEntry("token", tokenOf(sent))
                .containsEntry("link", sent.link())
                .containsEntry("delivery", "LINK") // a web ticket: the web or app shows the link
                .containsEntry("mailStatus", null)
                .containsEntry("status", "SENT")
                .containsEntry("answeredAt", null)
                .containsEntry("rating", null)
                .containsEntry("npsScore", null);
        assertThat(Instant.parse((String) survey.get("sentAt"))).isEqualTo(sent.sentAt());
        assertThat(Instant.parse((String) survey.get("expiresAt"))).isEqualTo(sent.expiresAt());

        Map<String, Object> customer = customerView(tokenOf(sent));
        assertThat(customer).containsOnlyKeys("surveyId", "ticketNo", "subject", "summary", "status", "expiresAt", "rating");
        assertThat(customer)
                .containsEntry("surveyId", sent.surveyId())
                .containsEntry("ticketNo", ticket.ticketNo())
                .containsEntry("subject", "Payment fails, call me on 138****5678")
                .containsEntry("summary", "Reset the payment channel")
                .containsEntry("status", "SENT")
                .containsEntry("rating", null);
    }

    @Test
    void a_resolution_of_a_ticket_feedback_never_saw_created_is_surveyed_too() {
        Ticket ticket = newTicket("never seen");
        publish(resolved(ticket, 1));

        SurveySent sent = awaitSurvey(ticket, 1);
        assertThat(sent.ticketNo()).isEqualTo(ticket.ticketNo());
        assertThat(customerView(tokenOf(sent))).containsEntry("subject", null).containsEntry("status", "SENT");
    }

    @Test
    void a_redelivered_resolution_sends_one_survey_and_a_reopened_ticket_is_surveyed_again() {
        Ticket ticket = newTicket("Order stuck");
        publish(created(ticket));
        TicketResolved first = resolved(ticket, 1);
        UUID eventId = UUID.randomUUID();
        intake.publish(eventId, first);
        intake.publish(eventId, first);
        publish(resolved(ticket, 1)); // intake retried with a new id: still the same resolution
        publish(resolved(ticket, 2)); // the ticket was reopened and resolved again
        // same key, same partition: once resolution 2 is surveyed, every copy of resolution 1 was handled
        SurveySent second = awaitSurvey(ticket, 2);

        assertThat(feedback.received(SurveySent.class, s -> s.ticketId().equals(ticket.ticketId()) && s.resolutionNo() == 1))
                .hasSize(1);
        assertThat(surveysOf(ticket)).extracting(s -> s.get("resolutionNo")).containsExactly(1, 2);
        assertThat(surveysOf(ticket).get(1)).containsEntry("surveyId", second.surveyId());
    }

    @Test
    void a_poison_record_goes_to_the_dead_letter_topic_and_surveys_keep_coming() {
        String poisonKey = "poison-" + UUID.randomUUID();
        RecordHeaders headers = new RecordHeaders();
        headers.add(CloudEventHeaders.TYPE, "ticketflow.ticket.resolved.v1".getBytes(UTF_8));
        headers.add(CloudEventHeaders.ID, UUID.randomUUID().toString().getBytes(UTF_8));
        intake.send(Topics.Names.LIFECYCLE, poisonKey, headers, "{\"ticketNo\": 13812345678".getBytes(UTF_8));

        ConsumerRecord<String, byte[]> dead = feedback.awaitRecord(Topics.deadLetter(Topics.Names.LIFECYCLE),
                r -> poisonKey.equals(r.key()));
        assertThat(new String(dead.value(), UTF_8)).isEqualTo("{\"ticketNo\": 13812345678");

        Ticket after = newTicket("after the poison");
        assertThat(surveyedTicket(after).ticketNo()).isEqualTo(after.ticketNo());
    }

    @Test
    void an_unknown_link_is_not_found() {
        String wellFormed = "A".repeat(43);
        for (String token : List.of(wellFormed, "nope")) {
            http.get().uri("/api/v1/surveys/{token}", token).exchange()
                    .expectStatus().isNotFound()
                    .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody(JSON_OBJECT).value(p -> assertThat(p).containsEntry("status", 404)
                            .containsEntry("title", "Survey not found"));
            answer(token, "{\"rating\":4}")
                    .expectStatus().isNotFound()
                    .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        }
    }

    @Test
    void an_expired_survey_cannot_be_answered_and_shows_as_expired() {
        Ticket ticket = newTicket("Old ticket");
        publish(created(ticket));
        publish(resolved(ticket, 1, Instant.now().minus(Duration.ofDays(8))));
        SurveySent sent = awaitSurvey(ticket, 1);

        answer(tokenOf(sent), "{\"rating\":1}")
                .expectStatus().isEqualTo(410)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody(JSON_OBJECT).value(p -> assertThat(p).containsEntry("title", "Survey expired")
                        .containsEntry("surveyId", sent.surveyId()));

        assertThat(surveysOf(ticket).get(0)).containsEntry("status", "EXPIRED").containsEntry("rating", null);
        assertThat(customerView(tokenOf(sent))).containsEntry("status", "EXPIRED");
    }

    @Test
    void listing_surveys_needs_a_ticket_number() {
        http.get().uri("/api/v1/surveys").exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody(JSON_OBJECT).value(problem -> assertThat(problem.get("errors")).asString().contains("ticketNo"));
        assertThat(surveysOf(newTicket("no surveys"))).isEmpty();
    }
}
