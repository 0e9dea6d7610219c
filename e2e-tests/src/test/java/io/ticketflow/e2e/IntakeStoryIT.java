package io.ticketflow.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.ticketflow.events.AnswerAccepted;
import io.ticketflow.events.RepeatContactDetected;
import io.ticketflow.events.TicketClosed;
import io.ticketflow.events.TicketHeld;
import io.ticketflow.events.TicketInfoProvided;
import io.ticketflow.events.TicketInfoRequested;
import io.ticketflow.events.TicketReopened;
import io.ticketflow.events.TicketResumed;
import io.ticketflow.events.Topics;
import io.ticketflow.testkit.EventProbe;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Issue 4's story, black box against the five services: an incomplete ticket is taken in as
 * NEEDS_INFO and completed, waits on the customer and resumes when they answer, is resolved and
 * rated 5 stars, so it closes and its resolution becomes a knowledge-base answer that deflects the
 * next customer's question; the same customer coming back with the same order is flagged as a
 * repeat; a dissatisfied customer reopens a resolved ticket.
 */
@WithTicketflowSystem
class IntakeStoryIT {

    private static final Duration PATIENCE = Duration.ofSeconds(60);

    static TicketflowSystem system;
    static EventProbe events;

    @BeforeAll
    static void startTheSystem() {
        system = TicketflowSystem.get();
        events = EventProbe.open(system.kafkaBootstrapServers(),
                List.of(Topics.Names.LIFECYCLE, Topics.Names.FEEDBACK, Topics.Names.SELF_SERVICE));
    }

    @AfterAll
    static void closeProbe() {
        events.close();
    }

    @Test
    void an_incomplete_ticket_is_completed_held_answered_closed_by_a_five_star_rating_and_deflects_the_next_question() {
        String intake = system.url("intake");
        String routing = system.url("routing");
        String feedback = system.url("feedback");
        String unique = UUID.randomUUID().toString().substring(0, 8);
        String agentId = "agent-" + unique;
        String skill = "refunds-" + unique;
        String customer = "c-" + unique;
        online(routing, agentId, skill);

        // Given a billing ticket without the order id its category needs
        Http.Response submitted = Http.post(intake + "/api/v1/tickets", """
                {"channel":"APP","customerId":"%s","contact":"alice.%s@example.com","subject":"Refund %s not received",
                 "description":"I was promised a refund %s a week ago and nothing arrived","tags":["billing","%s"]}
                """.formatted(customer, unique, unique, unique, skill));
        assertThat(submitted.status()).as(submitted.toString()).isEqualTo(201);
        String ticketNo = submitted.json().path("ticketNo").asText();
        assertThat(submitted.json().path("status").asText()).isEqualTo("NEEDS_INFO");
        assertThat(submitted.json().path("missingInfo")).anySatisfy(m -> assertThat(m.asText()).isEqualTo("orderId"));
        assertThat(events.await(TicketInfoRequested.class, e -> e.ticketNo().equals(ticketNo)).missingInfo()).contains("orderId");

        // When the customer provides it, the ticket is complete
        Http.Response info = Http.post(intake + "/api/v1/tickets/" + ticketNo + "/info", "{\"orderId\":\"98765432\"}");
        assertThat(info.status()).as(info.toString()).isEqualTo(200);
        assertThat(events.await(TicketInfoProvided.class, e -> e.ticketNo().equals(ticketNo)).stillMissing()).isEmpty();
        await().atMost(PATIENCE).untilAsserted(() ->
                assertThat(Http.get(intake + "/api/v1/tickets/" + ticketNo).json().path("assignee").asText()).isEqualTo(agentId));

        // The agent answers, then waits on the customer; the customer's reply resumes the work
        assertThat(Http.post(intake + "/api/v1/tickets/" + ticketNo + "/replies",
                "{\"author\":\"AGENT\",\"agentId\":\"" + agentId + "\",\"message\":\"Which bank card did you use?\"}").status()).isEqualTo(200);
        Http.Response held = Http.post(intake + "/api/v1/tickets/" + ticketNo + "/hold",
                "{\"reason\":\"WAITING_FOR_CUSTOMER\",\"agentId\":\"" + agentId + "\"}");
        assertThat(held.status()).as(held.toString()).isEqualTo(200);
        assertThat(held.json().path("status").asText()).isEqualTo("PENDING");
        events.await(TicketHeld.class, e -> e.ticketNo().equals(ticketNo));
        assertThat(Http.post(intake + "/api/v1/tickets/" + ticketNo + "/replies",
                "{\"author\":\"CUSTOMER\",\"message\":\"The Visa card\"}").status()).isEqualTo(200);
        events.await(TicketResumed.class, e -> e.ticketNo().equals(ticketNo));
        await().atMost(PATIENCE).untilAsserted(() ->
                assertThat(Http.get(intake + "/api/v1/tickets/" + ticketNo).json().path("status").asText()).isEqualTo("IN_PROGRESS"));

        // Resolved and rated 5 stars: the ticket closes
        String summary = "Refund " + unique + " re-issued to the Visa card; it arrives within 3 working days";
        assertThat(Http.post(intake + "/api/v1/tickets/" + ticketNo + "/resolution",
                "{\"agentId\":\"" + agentId + "\",\"summary\":\"" + summary + "\",\"rootCause\":\"process\"}").status()).isEqualTo(200);
        String token = await().atMost(PATIENCE).until(
                () -> Http.get(feedback + "/api/v1/surveys?ticketNo=" + ticketNo).json(), s -> s.size() == 1).get(0).path("token").asText();
        assertThat(Http.post(feedback + "/api/v1/surveys/" + token, "{\"rating\":5}").status()).isEqualTo(200);
        assertThat(events.await(TicketClosed.class, e -> e.ticketNo().equals(ticketNo)).closedBy()).isEqualTo("feedback-service");
        await().atMost(PATIENCE).untilAsserted(() ->
                assertThat(Http.get(intake + "/api/v1/tickets/" + ticketNo).json().path("status").asText()).isEqualTo("CLOSED"));

        // Its resolution now answers the next customer's question, who needs no ticket
        JsonNode answers = await().atMost(PATIENCE).until(() -> Http.post(intake + "/api/v1/answers",
                "{\"question\":\"refund " + unique + " not received\",\"channel\":\"WEB\"}").json(),
                a -> a.path("answers").size() > 0 && a.path("answers").get(0).path("answer").asText().contains(unique));
        String questionId = answers.path("questionId").asText();
        String articleId = answers.path("answers").get(0).path("articleId").asText();
        Http.Response accepted = Http.post(intake + "/api/v1/answers/" + questionId + "/acceptance", "{\"articleId\":\"" + articleId + "\"}");
        assertThat(accepted.status()).as(accepted.toString()).isBetween(200, 204);
        assertThat(events.await(AnswerAccepted.class, e -> e.questionId().equals(questionId)).articleId()).isEqualTo(articleId);
    }

    @Test
    void the_same_customer_with_the_same_order_within_a_day_is_flagged_as_a_repeat() {
        String intake = system.url("intake");
        String unique = UUID.randomUUID().toString().substring(0, 8);
        String body = """
                {"channel":"WEB","customerId":"c-%s","subject":"Parcel for order 55%s missing",
                 "description":"My parcel for order 55%s never arrived","tags":["logistics"]}
                """.formatted(unique, digits(unique), digits(unique));
        Http.Response first = Http.post(intake + "/api/v1/tickets", body);
        Http.Response second = Http.post(intake + "/api/v1/tickets", body);
        assertThat(first.status()).as(first.toString()).isEqualTo(201);
        assertThat(second.status()).as(second.toString()).isEqualTo(201);
        String firstNo = first.json().path("ticketNo").asText();
        String secondNo = second.json().path("ticketNo").asText();

        RepeatContactDetected repeat = events.await(RepeatContactDetected.class, e -> e.ticketNo().equals(secondNo));
        assertThat(repeat.earlierTicketNo()).isEqualTo(firstNo);
        assertThat(repeat.within24h()).isTrue();
    }

    @Test
    void a_dissatisfied_customer_reopens_a_resolved_ticket_and_an_illegal_step_changes_nothing() {
        String intake = system.url("intake");
        String unique = UUID.randomUUID().toString().substring(0, 8);
        Http.Response submitted = Http.post(intake + "/api/v1/tickets",
                "{\"channel\":\"CHAT\",\"customerId\":\"c-" + unique + "\",\"description\":\"How do I reset my password " + unique + "?\"}");
        assertThat(submitted.status()).as(submitted.toString()).isEqualTo(201);
        String ticketNo = submitted.json().path("ticketNo").asText();

        Http.Response closeTooEarly = Http.post(intake + "/api/v1/tickets/" + ticketNo + "/close", "{\"reason\":\"done\",\"closedBy\":\"a-x\"}");
        assertThat(closeTooEarly.status()).isEqualTo(409);

        assertThat(Http.post(intake + "/api/v1/tickets/" + ticketNo + "/resolution",
                "{\"agentId\":\"a-x\",\"summary\":\"Sent the reset link\"}").status()).isEqualTo(200);
        Http.Response reopened = Http.post(intake + "/api/v1/tickets/" + ticketNo + "/reopen",
                "{\"reason\":\"The link does not work\",\"requestedBy\":\"customer\"}");
        assertThat(reopened.status()).as(reopened.toString()).isEqualTo(200);
        assertThat(reopened.json().path("status").asText()).isEqualTo("REOPENED");
        assertThat(events.await(TicketReopened.class, e -> e.ticketNo().equals(ticketNo)).reopenNo()).isEqualTo(1);
        assertThat(Http.get(intake + "/api/v1/tickets/" + ticketNo).json().path("history").toString())
                .contains("TicketReopened");
    }

    private static void online(String routing, String agentId, String skill) {
        Http.Response registered = Http.put(routing + "/api/v1/agents/" + agentId, """
                {"name":"Zhou Li","team":"refund-team","department":"TECH","skills":{"%s":5,"billing":3},"capacity":3,"vipCustomers":[]}
                """.formatted(skill));
        assertThat(registered.status()).as(registered.toString()).isEqualTo(200);
        assertThat(Http.put(routing + "/api/v1/agents/" + agentId + "/presence", "{\"presence\":\"ONLINE\"}").status()).isEqualTo(200);
    }

    private static String digits(String unique) {
        return unique.chars().map(c -> '0' + Math.abs(c) % 10).collect(StringBuilder::new, StringBuilder::appendCodePoint,
                StringBuilder::append).toString();
    }
}
