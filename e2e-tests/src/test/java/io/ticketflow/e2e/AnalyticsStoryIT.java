package io.ticketflow.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.ticketflow.events.RatingReceived;
import io.ticketflow.events.TicketAssigned;
import io.ticketflow.events.TicketCreated;
import io.ticketflow.events.Topics;
import io.ticketflow.testkit.EventProbe;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Issue 8's story, black box against the five services: a ticket taken in by intake, assigned by
 * routing, answered and resolved, rated through feedback, shows up in analytics — its timeline
 * in order, the agent's KPIs, today's daily report, the live board and Prometheus.
 */
@WithTicketflowSystem
class AnalyticsStoryIT {

    private static final Duration PATIENCE = Duration.ofSeconds(60);

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
    void a_ticket_from_intake_to_rating_is_counted_timed_and_reported_by_analytics() {
        String intake = system.url("intake");
        String routing = system.url("routing");
        String feedback = system.url("feedback");
        String analytics = system.url("analytics");
        String unique = UUID.randomUUID().toString().substring(0, 8);
        String agentId = "agent-" + unique;
        String skill = "refunds-" + unique;
        Http.Response registered = Http.put(routing + "/api/v1/agents/" + agentId, """
                {"name":"Wang Fang","team":"team-%s","department":"TECH","skills":{"%s":5,"billing":3},"capacity":3,"vipCustomers":[]}
                """.formatted(unique, skill));
        assertThat(registered.status()).as(registered.toString()).isEqualTo(200);
        assertThat(Http.put(routing + "/api/v1/agents/" + agentId + "/presence", "{\"presence\":\"ONLINE\"}").status()).isEqualTo(200);

        // Given a customer's billing ticket, completed with its order id, taken in by intake and assigned by routing
        Http.Response submitted = Http.post(intake + "/api/v1/tickets", """
                {"channel":"APP","customerId":"c-%s","contact":"bob.%s@example.com","subject":"Refund %s not received",
                 "description":"I was promised a refund %s a week ago and nothing arrived","tags":["billing","%s"]}
                """.formatted(unique, unique, unique, unique, skill));
        assertThat(submitted.status()).as(submitted.toString()).isEqualTo(201);
        String ticketNo = submitted.json().path("ticketNo").asText();
        TicketCreated created = events.await(TicketCreated.class, e -> e.ticketNo().equals(ticketNo));
        Http.Response info = Http.post(intake + "/api/v1/tickets/" + ticketNo + "/info", "{\"orderId\":\"98765432\"}");
        assertThat(info.status()).as(info.toString()).isEqualTo(200);
        events.await(TicketAssigned.class, e -> e.ticketNo().equals(ticketNo) && e.agentId().equals(agentId));

        // When the agent answers and resolves it, and the customer rates 4 stars
        assertThat(Http.post(intake + "/api/v1/tickets/" + ticketNo + "/replies",
                "{\"author\":\"AGENT\",\"agentId\":\"" + agentId + "\",\"message\":\"Which bank card did you use?\"}")
                .status()).isEqualTo(200);
        assertThat(Http.post(intake + "/api/v1/tickets/" + ticketNo + "/resolution",
                "{\"agentId\":\"" + agentId + "\",\"summary\":\"Refund re-issued\",\"rootCause\":\"process\"}").status())
                .isEqualTo(200);
        String token = await().atMost(PATIENCE).until(
                () -> Http.get(feedback + "/api/v1/surveys?ticketNo=" + ticketNo).json(), s -> s.size() == 1).get(0).path("token").asText();
        assertThat(Http.post(feedback + "/api/v1/surveys/" + token, "{\"rating\":4}").status()).isEqualTo(200);
        events.await(RatingReceived.class, e -> e.ticketNo().equals(ticketNo));

        // Then analytics tells the ticket's story in order, with its milestones
        JsonNode timeline = await().atMost(PATIENCE).until(
                () -> Http.get(analytics + "/api/v1/tickets/" + ticketNo + "/timeline").json(),
                t -> names(t).contains("RatingReceived") && names(t).contains("TicketResolved"));
        List<String> names = names(timeline);
        assertThat(names.get(0)).isEqualTo("TicketCreated");
        assertThat(names.indexOf("TicketAssigned")).isLessThan(names.indexOf("TicketReplied"));
        assertThat(names.indexOf("TicketReplied")).isLessThan(names.indexOf("TicketResolved"));
        assertThat(names.indexOf("TicketResolved")).isLessThan(names.indexOf("RatingReceived"));
        assertThat(timeline.path("milestones").has("firstResponse")).isTrue();
        assertThat(timeline.path("milestones").has("resolved")).isTrue();
        assertThat(timeline.toString()).doesNotContain("bob." + unique + "@example.com");

        // and the agent's KPIs for the day count it: handled, resolved, answered, rated 4
        LocalDate day = LocalDate.ofInstant(created.occurredAt(), ZoneOffset.UTC);
        String window = "from=" + day.atStartOfDay(ZoneOffset.UTC).toInstant() + "&to="
                + day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        await().atMost(PATIENCE).untilAsserted(() -> {
            JsonNode agent = Http.get(analytics + "/api/v1/kpis?" + window + "&groupBy=agent").json().path("groups").path(agentId);
            assertThat(agent.path("ticketsCreated").asLong()).isEqualTo(1);
            assertThat(agent.path("ticketsResolved").asLong()).isEqualTo(1);
            assertThat(agent.path("firstResponse").path("count").asLong()).isEqualTo(1);
            assertThat(agent.path("csatMean").asDouble()).isEqualTo(4.0);
        });

        // and today's report, the board and Prometheus include it
        JsonNode report = Http.get(analytics + "/api/v1/reports/daily?date=" + day).json();
        assertThat(report.path("current").path("ticketsCreated").asLong()).isPositive();
        // (other stories of the same run tag tickets too: this one's tag is in the top 5 unless five
        // tags have at least as many tickets as its one)
        JsonNode topTags = report.path("topTags");
        assertThat(topTags.size()).isBetween(1, 5);
        if (!topTags.toString().contains(skill)) {
            assertThat(topTags.size()).as(topTags.toString()).isEqualTo(5);
            assertThat(topTags.get(4).path("tickets").asLong()).as(topTags.toString()).isGreaterThanOrEqualTo(1);
        }
        Http.Response csv = Http.get(analytics + "/api/v1/reports/daily?date=" + day + "&format=csv");
        assertThat(csv.body()).startsWith("section,name,current,previous,change");
        Http.Response board = Http.get(analytics + "/board?lang=en");
        assertThat(board.status()).isEqualTo(200);
        assertThat(board.body()).contains("Tickets today", "id=\"volume\"");
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(Http.get(analytics + "/actuator/prometheus").body())
                .containsPattern("(?m)^ticketflow_kpi_created_today_tickets\\{application=\"analytics-service\"} [1-9]")
                .contains("ticketflow_kpi_created_tickets{application=\"analytics-service\"} ")
                .containsPattern("(?m)^ticketflow_kpi_backlog_tickets\\{application=\"analytics-service\",priority=\"P[0-3]\"} ")
                .contains("ticketflow_alerts_active{application=\"analytics-service\",kind=\"hot_issue\"}"));
        assertThat(Instant.now()).isAfter(created.occurredAt());
    }

    private static List<String> names(JsonNode timeline) {
        List<String> names = new ArrayList<>();
        timeline.path("events").forEach(e -> names.add(e.path("event").asText()));
        return names;
    }
}
