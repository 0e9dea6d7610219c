package io.ticketflow.e2e;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.ticketflow.events.CallbackCompleted;
import io.ticketflow.events.CallbackOpened;
import io.ticketflow.events.CallbackOutcome;
import io.ticketflow.events.RatingReceived;
import io.ticketflow.events.ReopenRequested;
import io.ticketflow.events.RootCause;
import io.ticketflow.events.SurveySent;
import io.ticketflow.events.TicketAssigned;
import io.ticketflow.events.TicketClosed;
import io.ticketflow.events.TicketReopened;
import io.ticketflow.events.TicketResolved;
import io.ticketflow.events.Topics;
import io.ticketflow.testkit.EventProbe;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Issue 7's story, black box against the five services as separate processes: a resolved ticket's
 * customer answers the survey page with 2 stars and an unhappy comment; the team lead calls back,
 * finds a process problem and has the ticket reopened; intake reopens it, the agent resolves it
 * again, the customer rates the new survey 5 stars — a recovery — and intake closes the ticket.
 */
@WithTicketflowSystem
class FeedbackStoryIT {

    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final HttpClient BROWSER = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5)).build();

    static TicketflowSystem system;
    static EventProbe events;

    @BeforeAll
    static void startTheSystem() {
        system = TicketflowSystem.get();
        events = EventProbe.open(system.kafkaBootstrapServers(),
                List.of(Topics.Names.LIFECYCLE, Topics.Names.ROUTING, Topics.Names.FEEDBACK));
    }

    @AfterAll
    static void closeProbe() {
        events.close();
    }

    @Test
    void an_unhappy_customer_is_called_back_the_ticket_reopens_and_the_second_answer_is_a_recovery() {
        String intake = system.url("intake");
        String routing = system.url("routing");
        String feedback = system.url("feedback");
        String unique = UUID.randomUUID().toString().substring(0, 8);
        String agentId = "agent-" + unique;
        String skill = "billing-" + unique;
        String team = "team-" + unique;

        // Given an online agent of a team, and a web ticket routed to them
        assertThat(Http.put(routing + "/api/v1/agents/" + agentId, """
                {"name":"Zhang Min","team":"%s","department":"TECH","skills":{"%s":4},"capacity":3,"vipCustomers":[]}
                """.formatted(team, skill)).status()).isEqualTo(200);
        assertThat(Http.put(routing + "/api/v1/agents/" + agentId + "/presence", "{\"presence\":\"ONLINE\"}").status())
                .isEqualTo(200);
        Http.Response submitted = Http.post(intake + "/api/v1/tickets", """
                {"channel":"WEB","customerId":"c-%s","contact":"13812345678","subject":"Refund not received",
                 "description":"I returned order 12345678 two weeks ago and got no refund","tags":["%s"]}
                """.formatted(unique, skill));
        assertThat(submitted.status()).as(submitted.toString()).isEqualTo(201);
        String ticketNo = submitted.json().get("ticketNo").asText();
        String ticketId = submitted.json().get("id").asText();
        TicketAssigned assigned = events.await(TicketAssigned.class, e -> e.ticketNo().equals(ticketNo));
        assertThat(assigned.team()).isEqualTo(team);

        // When the agent resolves it, a survey is sent whose page shows the ticket and the resolution
        resolve(intake, ticketNo, agentId, "Refund re-issued to the original card");
        SurveySent first = events.await(SurveySent.class, e -> e.ticketNo().equals(ticketNo) && e.resolutionNo() == 1);
        String firstPage = feedback + "/surveys/" + tokenOf(first);
        HttpResponse<String> page = browse(HttpRequest.newBuilder(URI.create(firstPage + "?lang=en")).GET());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains(ticketNo).contains("Refund not received").contains("Refund re-issued to the original card");

        // and the customer answers it from the page: 2 stars and an unhappy comment
        HttpResponse<String> answered = browse(HttpRequest.newBuilder(URI.create(firstPage))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("rating=2&npsScore=3&lang=zh&comment="
                        + URLEncoder.encode("退款太慢了，客服态度差", UTF_8))));
        assertThat(answered.statusCode()).as(answered.body()).isEqualTo(302);
        RatingReceived unhappy = events.await(RatingReceived.class, e -> e.surveyId().equals(first.surveyId()));
        assertThat(unhappy.rating()).isEqualTo(2);
        assertThat(unhappy.npsScore()).isEqualTo(3);
        assertThat(unhappy.negativeShare()).isGreaterThan(0.3);
        assertThat(unhappy.resolutionNo()).isEqualTo(1);
        assertThat(unhappy.recovery()).isFalse();

        // Then a callback opens for the ticket's team, due within working hours, on the lead's list
        CallbackOpened callback = events.await(CallbackOpened.class, e -> e.ticketNo().equals(ticketNo));
        assertThat(callback.team()).isEqualTo(team);
        assertThat(callback.dueAt()).isAfter(callback.openedAt());
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(Http.get(feedback + "/api/v1/callbacks?status=OPEN&team=" + team).json())
                .anySatisfy(c -> assertThat(c.path("callbackId").asText()).isEqualTo(callback.callbackId())));

        // When the lead calls, finds a process problem and asks for the ticket back
        Http.Response completed = Http.post(feedback + "/api/v1/callbacks/" + callback.callbackId() + "/completion", """
                {"calledBy":"lead-%s","reached":true,"rootCause":"PROCESS_DESIGN","factor":"METHOD",
                 "notes":"Refunds wait for a weekly batch","outcome":"REOPEN"}""".formatted(unique));
        assertThat(completed.status()).as(completed.toString()).isEqualTo(200);
        assertThat(completed.json().path("status").asText()).isEqualTo("COMPLETED");
        CallbackCompleted done = events.await(CallbackCompleted.class, e -> e.callbackId().equals(callback.callbackId()));
        assertThat(done.outcome()).isEqualTo(CallbackOutcome.REOPEN);
        assertThat(done.rootCause()).isEqualTo(RootCause.PROCESS_DESIGN);
        events.await(ReopenRequested.class, e -> e.callbackId().equals(callback.callbackId()));

        // Then intake reopens the ticket for that callback, and the reason names the root cause
        TicketReopened reopened = events.await(TicketReopened.class, e -> e.ticketNo().equals(ticketNo));
        assertThat(reopened.callbackId()).isEqualTo(callback.callbackId());
        assertThat(reopened.reason()).contains("PROCESS_DESIGN");
        // and routing sends it straight back to its owner, who is online
        TicketAssigned back = events.await(TicketAssigned.class,
                e -> e.ticketNo().equals(ticketNo) && e.assignmentNo() > assigned.assignmentNo());
        assertThat(back.agentId()).isEqualTo(agentId);
        await().atMost(PATIENCE).untilAsserted(() -> {
            JsonNode view = Http.get(intake + "/api/v1/tickets/" + ticketNo).json();
            assertThat(view.path("reopens").asInt()).isEqualTo(1);
            assertThat(view.path("status").asText()).isEqualTo("ASSIGNED");
            assertThat(view.path("assignee").asText()).isEqualTo(agentId);
        });

        // When the agent resolves it again, a second survey asks about the second resolution
        resolve(intake, ticketNo, agentId, "Refund pushed manually outside the batch");
        assertThat(events.await(TicketResolved.class, e -> e.ticketNo().equals(ticketNo) && e.resolutionNo() == 2)).isNotNull();
        SurveySent second = events.await(SurveySent.class, e -> e.ticketNo().equals(ticketNo) && e.resolutionNo() == 2);
        assertThat(second.link()).isNotEqualTo(first.link());

        // and the customer is happy now: a recovery, and intake closes the ticket
        Http.Response rated = Http.post(feedback + "/api/v1/surveys/" + tokenOf(second), "{\"rating\":5,\"npsScore\":9}");
        assertThat(rated.status()).as(rated.toString()).isEqualTo(200);
        RatingReceived happy = events.await(RatingReceived.class, e -> e.surveyId().equals(second.surveyId()));
        assertThat(happy.resolutionNo()).isEqualTo(2);
        assertThat(happy.recovery()).isTrue();
        events.await(TicketClosed.class, e -> e.ticketNo().equals(ticketNo));

        // and the agent list shows both surveys; the first one's link no longer takes an answer
        JsonNode surveys = Http.get(feedback + "/api/v1/surveys?ticketNo=" + ticketNo).json();
        assertThat(surveys.size()).isEqualTo(2);
        assertThat(surveys.get(0).path("rating").asInt()).isEqualTo(2);
        assertThat(surveys.get(1).path("rating").asInt()).isEqualTo(5);
        assertThat(Http.post(feedback + "/api/v1/surveys/" + tokenOf(first), "{\"rating\":5}").status()).isEqualTo(409);
        assertThat(events.received(CallbackOpened.class, e -> e.ticketId().equals(ticketId))).hasSize(1);
    }

    private static void resolve(String intake, String ticketNo, String agentId, String summary) {
        Http.Response resolved = Http.post(intake + "/api/v1/tickets/" + ticketNo + "/resolution",
                "{\"agentId\":\"" + agentId + "\",\"summary\":\"" + summary + "\",\"rootCause\":\"process\"}");
        assertThat(resolved.status()).as(resolved.toString()).isEqualTo(200);
    }

    private static String tokenOf(SurveySent survey) {
        return survey.link().substring(survey.link().lastIndexOf('/') + 1);
    }

    private static HttpResponse<String> browse(HttpRequest.Builder request) {
        try {
            return BROWSER.send(request.build(), HttpResponse.BodyHandlers.ofString(UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
