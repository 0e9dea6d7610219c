package io.ticketflow.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.ticketflow.events.EscalationLevel;
import io.ticketflow.events.EscalationRequested;
import io.ticketflow.events.ReassignReason;
import io.ticketflow.events.TicketAssigned;
import io.ticketflow.events.TicketReassigned;
import io.ticketflow.events.TicketTransferred;
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
 * Issue 5's story, black box against the five services: agents and a team are set up over
 * routing's API, a ticket submitted to intake goes to the skilled agent, is transferred with a
 * reason (and the team's lead and supervisor ride along), is reassigned when its agent goes
 * offline, and after the third transfer routing asks for a MAJOR escalation; intake's ticket
 * view follows every owner change. Routing is then stopped while a ticket arrives and, once it
 * is back, the ticket is assigned and the earlier history is still there.
 */
@WithTicketflowSystem
class RoutingStoryIT {

    private static final Duration PATIENCE = Duration.ofSeconds(60);

    static TicketflowSystem system;
    static EventProbe events;

    @BeforeAll
    static void startTheSystem() {
        system = TicketflowSystem.get();
        events = EventProbe.open(system.kafkaBootstrapServers(), List.of(Topics.Names.ROUTING));
    }

    @AfterAll
    static void closeProbe() {
        events.close();
    }

    @Test
    void a_ticket_is_routed_transferred_reassigned_escalated_and_routing_recovers_from_a_restart() {
        String intake = system.url("intake");
        String routing = system.url("routing");
        String unique = UUID.randomUUID().toString().substring(0, 8);
        String skill = "router-" + unique;
        String expert = "expert-" + unique;
        String colleague = "colleague-" + unique;
        String team = "network-team-" + unique;

        // Given a team with its lead and supervisor, an expert and a colleague without the skill
        assertThat(Http.put(routing + "/api/v1/teams/" + team,
                "{\"department\":\"TECH\",\"lead\":\"lead-" + unique + "\",\"supervisor\":\"sup-" + unique + "\"}").status())
                .isEqualTo(200);
        online(routing, expert, team, "{\"" + skill + "\":5}");
        online(routing, colleague, "other-" + unique, "{}");

        // When a customer submits a ticket about the expert's skill, the expert gets it
        String ticketNo = submit(intake, unique, skill);
        TicketAssigned first = events.await(TicketAssigned.class, e -> e.ticketNo().equals(ticketNo));
        assertThat(first.agentId()).isEqualTo(expert);
        assertThat(first.reason()).isEqualTo("skill-match");
        assertThat(first.teamLead()).isEqualTo("lead-" + unique);
        assertThat(first.supervisor()).isEqualTo("sup-" + unique);
        awaitAssignee(intake, ticketNo, expert);

        // A transfer to the colleague needs a reason, and intake's view follows
        assertThat(Http.post(routing + "/api/v1/assignments/" + ticketNo + "/transfer",
                "{\"toAgentId\":\"" + colleague + "\"}").status()).isEqualTo(400);
        Http.Response transferred = Http.post(routing + "/api/v1/assignments/" + ticketNo + "/transfer",
                "{\"toAgentId\":\"" + colleague + "\",\"reason\":\"customer asks for a callback in Cantonese\",\"by\":\"lead-" + unique + "\"}");
        assertThat(transferred.status()).as(transferred.toString()).isEqualTo(200);
        assertThat(events.await(TicketTransferred.class, e -> e.ticketNo().equals(ticketNo)).transferCount()).isEqualTo(1);
        awaitAssignee(intake, ticketNo, colleague);

        // The colleague goes offline: the ticket goes back to someone who can take it
        assertThat(Http.put(routing + "/api/v1/agents/" + colleague + "/presence", "{\"presence\":\"OFFLINE\"}").status()).isEqualTo(200);
        TicketReassigned reassigned = events.await(TicketReassigned.class, e -> e.ticketNo().equals(ticketNo));
        assertThat(reassigned.reason()).isEqualTo(ReassignReason.AGENT_OFFLINE);
        assertThat(reassigned.fromAgentId()).isEqualTo(colleague);
        awaitAssignee(intake, ticketNo, expert);

        // Two more transfers: the third asks for a MAJOR escalation
        assertThat(Http.put(routing + "/api/v1/agents/" + colleague + "/presence", "{\"presence\":\"ONLINE\"}").status()).isEqualTo(200);
        transfer(routing, ticketNo, colleague, "second opinion");
        transfer(routing, ticketNo, expert, "back to the expert");
        EscalationRequested escalation = events.await(EscalationRequested.class, e -> e.ticketNo().equals(ticketNo));
        assertThat(escalation.level()).isEqualTo(EscalationLevel.MAJOR);
        assertThat(escalation.trigger()).isEqualTo("third-transfer");
        awaitAssignee(intake, ticketNo, expert);

        JsonNode history = Http.get(routing + "/api/v1/assignments/" + ticketNo).json();
        assertThat(history.path("transferCount").asInt()).isEqualTo(3);
        List<String> actions = history.path("history").valueStream().map(h -> h.path("action").asText()).toList();
        assertThat(actions).containsSubsequence("ASSIGNED", "TRANSFERRED", "ASSIGNED", "REASSIGNED", "ASSIGNED",
                "TRANSFERRED", "ASSIGNED", "TRANSFERRED", "ASSIGNED");
        assertThat(history.path("history").valueStream().filter(h -> h.path("action").asText().equals("TRANSFERRED"))
                .map(h -> h.path("reason").asText()).toList())
                .containsExactly("customer asks for a callback in Cantonese", "second opinion", "back to the expert");

        // Routing goes down while a ticket arrives; once it is back the ticket is assigned
        system.stop("routing");
        String whileDown = submit(intake, unique + "-2", skill);
        system.startAgain("routing");
        TicketAssigned recovered = events.await(TicketAssigned.class, e -> e.ticketNo().equals(whileDown));
        assertThat(recovered.agentId()).isEqualTo(expert);
        awaitAssignee(intake, whileDown, expert);
        JsonNode afterRestart = Http.get(routing + "/api/v1/assignments/" + ticketNo).json();
        assertThat(afterRestart.path("transferCount").asInt()).isEqualTo(3);
        assertThat(afterRestart.path("agentId").asText()).isEqualTo(expert);
        JsonNode expertView = Http.get(routing + "/api/v1/agents/" + expert).json();
        assertThat(expertView.path("activeTickets").valueStream().map(JsonNode::asText).toList())
                .containsExactlyInAnyOrder(ticketNo, whileDown);
    }

    private static String submit(String intake, String unique, String skill) {
        Http.Response submitted = Http.post(intake + "/api/v1/tickets", """
                {"channel":"WEB","customerId":"c-%s","subject":"Router %s keeps dropping",
                 "description":"The router %s drops the connection every hour","tags":["%s"]}
                """.formatted(unique, unique, unique, skill));
        assertThat(submitted.status()).as(submitted.toString()).isEqualTo(201);
        return submitted.json().path("ticketNo").asText();
    }

    private static void transfer(String routing, String ticketNo, String toAgentId, String reason) {
        Http.Response response = Http.post(routing + "/api/v1/assignments/" + ticketNo + "/transfer",
                "{\"toAgentId\":\"" + toAgentId + "\",\"reason\":\"" + reason + "\"}");
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
    }

    private static void awaitAssignee(String intake, String ticketNo, String agentId) {
        await().atMost(PATIENCE).untilAsserted(() ->
                assertThat(Http.get(intake + "/api/v1/tickets/" + ticketNo).json().path("assignee").asText()).isEqualTo(agentId));
    }

    private static void online(String routing, String agentId, String team, String skills) {
        Http.Response registered = Http.put(routing + "/api/v1/agents/" + agentId, """
                {"name":"Chen Jie","team":"%s","department":"TECH","skills":%s,"capacity":6,"vipCustomers":[]}
                """.formatted(team, skills));
        assertThat(registered.status()).as(registered.toString()).isEqualTo(200);
        assertThat(Http.put(routing + "/api/v1/agents/" + agentId + "/presence", "{\"presence\":\"ONLINE\"}").status()).isEqualTo(200);
    }
}
