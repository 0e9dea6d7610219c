package io.ticketflow.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.ticketflow.events.CallbackOpened;
import io.ticketflow.events.Envelope;
import io.ticketflow.events.RatingReceived;
import io.ticketflow.events.SlaClockMet;
import io.ticketflow.events.SlaClockStarted;
import io.ticketflow.events.SurveySent;
import io.ticketflow.events.TicketAssigned;
import io.ticketflow.events.TicketCreated;
import io.ticketflow.events.TicketReplied;
import io.ticketflow.events.TicketResolved;
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
 * Issue 3's story, black box over HTTP and Kafka against the five services running as separate
 * processes: a support agent comes online, a customer's ticket is taken in, routed, clocked,
 * answered and resolved; the customer rates it 2 stars, a callback opens, and the KPIs move.
 */
@WithTicketflowSystem
class CustomerStoryIT {

    private static final Duration PATIENCE = Duration.ofSeconds(60);

    static TicketflowSystem system;
    static EventProbe events;

    @BeforeAll
    static void startTheSystem() {
        system = TicketflowSystem.get();
        events = EventProbe.open(system.kafkaBootstrapServers(),
                List.of(Topics.Names.LIFECYCLE, Topics.Names.ROUTING, Topics.Names.SLA, Topics.Names.FEEDBACK));
    }

    @AfterAll
    static void closeProbe() {
        events.close();
    }

    @Test
    void a_two_star_ticket_goes_round_the_whole_loop_and_moves_the_kpis() {
        String intake = system.url("intake");
        String routing = system.url("routing");
        String sla = system.url("sla");
        String feedback = system.url("feedback");
        String analytics = system.url("analytics");
        String unique = UUID.randomUUID().toString().substring(0, 8);
        String agentId = "agent-" + unique;
        String skill = "billing-" + unique;

        JsonNode kpisBefore = Http.get(analytics + "/api/v1/kpis").json();

        // Given an agent with the billing skill who is online
        Http.Response registered = Http.put(routing + "/api/v1/agents/" + agentId, """
                {"name":"Li Wei","team":"billing-team","department":"TECH","skills":{"%s":4},"capacity":3,"vipCustomers":[]}
                """.formatted(skill));
        assertThat(registered.status()).as(registered.toString()).isEqualTo(200);
        Http.Response online = Http.put(routing + "/api/v1/agents/" + agentId + "/presence", "{\"presence\":\"ONLINE\"}");
        assertThat(online.status()).as(online.toString()).isEqualTo(200);

        // When a customer submits a billing ticket through the web channel
        Http.Response submitted = Http.post(intake + "/api/v1/tickets", """
                {"channel":"WEB","customerId":"c-%s","contact":"13812345678","subject":"Payment failed",
                 "description":"Payment fails with error E1001 when I pay for order 12345678","tags":["%s"]}
                """.formatted(unique, skill));

        // Then it is accepted at once with a ticket number
        assertThat(submitted.status()).as(submitted.toString()).isEqualTo(201);
        String ticketNo = submitted.json().get("ticketNo").asText();
        String ticketId = submitted.json().get("id").asText();
        assertThat(ticketNo).matches("\\d{6}-\\d{6}");
        assertThat(submitted.raw().headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith(ticketNo));

        // and the ticket was published with its envelope and no clear phone number
        Envelope<TicketCreated> created = events.awaitEnvelope(TicketCreated.class, e -> e.ticketNo().equals(ticketNo), PATIENCE);
        assertThat(created.source()).isEqualTo("/ticketflow/intake-service");
        assertThat(created.event().contactMasked()).isEqualTo("138****5678");

        // and routed to the agent, which the ticket view shows
        TicketAssigned assigned = events.await(TicketAssigned.class, e -> e.ticketNo().equals(ticketNo));
        assertThat(assigned.agentId()).isEqualTo(agentId);
        await().atMost(PATIENCE).untilAsserted(() ->
                assertThat(Http.get(intake + "/api/v1/tickets/" + ticketNo).json().path("assignee").asText()).isEqualTo(agentId));
        assertThat(Http.get(intake + "/api/v1/tickets/" + ticketNo).json().path("contact").asText()).isEqualTo("138****5678");
        assertThat(Http.get(routing + "/api/v1/assignments/" + ticketNo).json().path("agentId").asText()).isEqualTo(agentId);

        // and its first-response clock is running
        SlaClockStarted clock = events.await(SlaClockStarted.class,
                e -> e.ticketNo().equals(ticketNo) && e.metric().name().equals("FIRST_RESPONSE"));
        assertThat(clock.dueAt()).isAfter(created.event().occurredAt());
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(firstResponseClock(sla, ticketNo).path("state").asText()).isEqualTo("RUNNING"));

        // When the agent replies, the first-response clock is met in time
        Http.Response replied = Http.post(intake + "/api/v1/tickets/" + ticketNo + "/replies",
                "{\"author\":\"AGENT\",\"agentId\":\"" + agentId + "\",\"message\":\"We are refunding the payment.\"}");
        assertThat(replied.status()).as(replied.toString()).isEqualTo(200);
        assertThat(events.await(TicketReplied.class, e -> e.ticketNo().equals(ticketNo)).firstResponse()).isTrue();
        SlaClockMet met = events.await(SlaClockMet.class, e -> e.ticketNo().equals(ticketNo) && e.metric().name().equals("FIRST_RESPONSE"));
        assertThat(met.onTime()).isTrue();
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(firstResponseClock(sla, ticketNo).path("state").asText()).isEqualTo("MET"));

        // When the agent resolves it, the customer gets a survey
        Http.Response resolved = Http.post(intake + "/api/v1/tickets/" + ticketNo + "/resolution",
                "{\"agentId\":\"" + agentId + "\",\"summary\":\"Refunded the duplicate charge\",\"rootCause\":\"tooling\"}");
        assertThat(resolved.status()).as(resolved.toString()).isEqualTo(200);
        assertThat(resolved.json().path("status").asText()).isEqualTo("RESOLVED");
        events.await(TicketResolved.class, e -> e.ticketNo().equals(ticketNo));
        SurveySent survey = events.await(SurveySent.class, e -> e.ticketNo().equals(ticketNo));
        JsonNode surveys = await().atMost(PATIENCE).until(
                () -> Http.get(feedback + "/api/v1/surveys?ticketNo=" + ticketNo).json(), list -> list.size() == 1);
        String token = surveys.get(0).path("token").asText();
        assertThat(survey.link()).endsWith(token);

        // When the customer rates it 2 stars, a callback opens
        Http.Response rated = Http.post(feedback + "/api/v1/surveys/" + token, "{\"rating\":2,\"comment\":\"Took too long\"}");
        assertThat(rated.status()).as(rated.toString()).isEqualTo(200);
        assertThat(events.await(RatingReceived.class, e -> e.ticketNo().equals(ticketNo)).rating()).isEqualTo(2);
        CallbackOpened callback = events.await(CallbackOpened.class, e -> e.ticketNo().equals(ticketNo));
        assertThat(callback.rating()).isEqualTo(2);
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(Http.get(feedback + "/api/v1/callbacks").json())
                .anySatisfy(c -> assertThat(c.path("ticketNo").asText()).isEqualTo(ticketNo)));

        // And the KPIs have moved by exactly this ticket
        await().atMost(PATIENCE).untilAsserted(() -> {
            JsonNode kpis = Http.get(analytics + "/api/v1/kpis").json();
            assertThat(kpis.path("ticketsCreated").asLong()).isEqualTo(kpisBefore.path("ticketsCreated").asLong() + 1);
            assertThat(kpis.path("ticketsResolved").asLong()).isEqualTo(kpisBefore.path("ticketsResolved").asLong() + 1);
            assertThat(kpis.path("ratings").asLong()).isEqualTo(kpisBefore.path("ratings").asLong() + 1);
            assertThat(kpis.path("callbacksOpened").asLong()).isEqualTo(kpisBefore.path("callbacksOpened").asLong() + 1);
            assertThat(kpis.path("meanFirstResponseSeconds").isNumber()).isTrue();
            assertThat(kpis.path("csatMean").isNumber()).isTrue();
        });
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(Http.get(analytics + "/actuator/prometheus").body())
                .containsPattern("(?m)^ticketflow_kpi_created_tickets(\\{[^}]*\\})? [1-9]"));

        // And every event of the story went out once, from its owning service
        assertThat(events.received(TicketCreated.class, e -> e.ticketId().equals(ticketId))).hasSize(1);
        assertThat(events.received(TicketAssigned.class, e -> e.ticketId().equals(ticketId)))
                .hasSize(1).allSatisfy(e -> assertThat(e.source()).isEqualTo("/ticketflow/routing-service"));
        assertThat(events.received(SurveySent.class, e -> e.ticketId().equals(ticketId)))
                .hasSize(1).allSatisfy(e -> assertThat(e.source()).isEqualTo("/ticketflow/feedback-service"));
        assertThat(events.received(CallbackOpened.class, e -> e.ticketId().equals(ticketId))).hasSize(1);

        // And after intake restarts, the ticket is still there
        system.restart("intake");
        JsonNode afterRestart = Http.get(intake + "/api/v1/tickets/" + ticketNo).json();
        assertThat(afterRestart.path("status").asText()).isEqualTo("RESOLVED");
        assertThat(afterRestart.path("assignee").asText()).isEqualTo(agentId);
    }

    @Test
    void a_bad_submission_gets_a_problem_and_creates_nothing() {
        String intake = system.url("intake");
        String unique = UUID.randomUUID().toString().substring(0, 8);
        Http.Response bad = Http.post(intake + "/api/v1/tickets",
                "{\"channel\":\"FAX\",\"customerId\":\"c-" + unique + "\",\"description\":\"\"}");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.raw().headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).contains("application/problem+json"));
        assertThat(Http.get(intake + "/api/v1/tickets?customerId=c-" + unique).json().path("total").asLong()).isZero();

        // a good submission afterwards is published; the bad one never was
        Http.Response good = Http.post(intake + "/api/v1/tickets",
                "{\"channel\":\"APP\",\"customerId\":\"c-ok-" + unique + "\",\"description\":\"How do I change my address?\"}");
        assertThat(good.status()).as(good.toString()).isEqualTo(201);
        events.await(TicketCreated.class, e -> ("c-ok-" + unique).equals(e.customerId()));
        assertThat(events.received(TicketCreated.class, e -> ("c-" + unique).equals(e.customerId()))).isEmpty();
    }

    private static JsonNode firstResponseClock(String sla, String ticketNo) {
        Http.Response response = Http.get(sla + "/api/v1/sla/tickets/" + ticketNo);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        for (JsonNode clock : response.json().path("clocks")) {
            if (clock.path("metric").asText().equals("FIRST_RESPONSE")) {
                return clock;
            }
        }
        throw new AssertionError("no FIRST_RESPONSE clock in " + response.body());
    }
}
