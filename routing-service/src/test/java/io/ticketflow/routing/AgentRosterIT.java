package io.ticketflow.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.ticketflow.events.AgentPresenceChanged;
import io.ticketflow.events.Envelope;
import io.ticketflow.events.EventIds;
import io.ticketflow.events.Presence;
import io.ticketflow.events.Topics;
import io.ticketflow.routing.agent.Agent;
import io.ticketflow.routing.outbox.Outbox;
import io.ticketflow.testkit.EventProbe;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.test.web.servlet.client.RestTestClient;
import tools.jackson.databind.JsonNode;

/** The roster API: registration, presence and its events, and what bad input does (nothing). */
@RoutingServiceTest
class AgentRosterIT {

    @LocalServerPort
    int port;

    @Autowired
    MongoTemplate mongo;

    RoutingApi api;

    @BeforeEach
    void client() {
        api = new RoutingApi(port);
    }

    @Test
    void registering_creates_an_offline_agent_and_registering_again_updates_the_profile_but_keeps_presence() {
        String agentId = Tickets.unique("li.wei");

        JsonNode created = api.register(agentId, "CUSTOMER_SERVICE", Map.of("Billing", 4, "payment", 3), 5, List.of("c-vip-1"));

        assertThat(created.get("agentId").asString()).isEqualTo(agentId);
        assertThat(created.get("name").asString()).isEqualTo("Li Wei");
        assertThat(created.get("team").asString()).isEqualTo("customer_service-team");
        assertThat(created.get("department").asString()).isEqualTo("CUSTOMER_SERVICE");
        assertThat(created.get("skills").propertyStream().map(e -> e.getKey() + "=" + e.getValue().asInt()))
                .containsExactly("billing=4", "payment=3");
        assertThat(created.get("capacity").asInt()).isEqualTo(5);
        assertThat(created.get("load").asInt()).isZero();
        assertThat(created.get("presence").asString()).isEqualTo("OFFLINE");
        assertThat(created.get("activeTickets").size()).isZero();
        assertThat(created.get("lastAssignedAt").isNull()).isTrue();

        api.presence(agentId, "AWAY");
        JsonNode updated = api.register(agentId, "TECH", Map.of("network", 2), 8, List.of());

        assertThat(updated.get("department").asString()).isEqualTo("TECH");
        assertThat(updated.get("skills").propertyStream().map(Map.Entry::getKey)).containsExactly("network");
        assertThat(updated.get("capacity").asInt()).isEqualTo(8);
        assertThat(updated.get("presence").asString()).isEqualTo("AWAY");
        assertThat(api.agent(agentId)).isEqualTo(updated);
    }

    @Test
    void a_presence_change_publishes_agent_presence_changed_keyed_by_agent_and_repeating_it_publishes_nothing_more() {
        String agentId = Tickets.unique("a");
        api.register(agentId, "TECH", Map.of(), 3, List.of());

        try (EventProbe presence = EventProbe.open(Topics.Names.AGENT_PRESENCE)) {
            api.presence(agentId, "ONLINE");
            api.presence(agentId, "ONLINE");
            api.presence(agentId, "OFFLINE");

            Envelope<AgentPresenceChanged> offline = presence.awaitEnvelope(AgentPresenceChanged.class,
                    e -> e.agentId().equals(agentId) && e.presence() == Presence.OFFLINE, EventProbe.DEFAULT_TIMEOUT);
            assertThat(offline.id()).isEqualTo(EventIds.of("agent-presence", agentId, 2L));
            assertThat(presence.received(AgentPresenceChanged.class, e -> e.agentId().equals(agentId)))
                    .extracting(e -> e.event().presence()).containsExactly(Presence.ONLINE, Presence.OFFLINE);
            assertThat(presence.records()).filteredOn(r -> agentId.equals(r.key())).hasSize(2);
        }
        assertThat(api.agent(agentId).get("presence").asString()).isEqualTo("OFFLINE");
    }

    @Test
    void bad_input_is_a_400_or_404_problem_and_changes_nothing_and_publishes_nothing() {
        String agentId = Tickets.unique("a");
        String newcomerId = Tickets.unique("n");
        api.register(agentId, "TECH", Map.of("network", 3), 4, List.of());
        JsonNode before = api.agent(agentId);

        try (EventProbe presence = EventProbe.open(Topics.Names.AGENT_PRESENCE)) {
            assertInvalid(api.putAgent(agentId, body(Map.of("network", 7), 4)), "skills[network]");
            assertInvalid(api.putAgent(agentId, body(Map.of("network", 0), 4)), "skills[network]");
            assertInvalid(api.putAgent(newcomerId, body(Map.of("network", 7), 4)), "skills[network]");
            assertInvalid(api.putAgent(agentId, body(Map.of("network", 3), -1)), "capacity");
            assertInvalid(api.putAgent(agentId, body(Map.of("network", 3), 101)), "capacity");
            assertInvalid(api.putAgent(agentId, body(Map.of("bad tag!", 3), 4)), "skills");
            assertInvalid(api.putAgent(agentId, body(Map.of("Network", 3, "network", 2), 4)), "skillTagsDistinct");
            Map<String, Object> sales = RoutingApi.agentBody("SALES", Map.of("network", 3), 4, List.of());
            assertInvalid(api.putAgent(agentId, sales), "department");
            Map<String, Object> nameless = RoutingApi.agentBody("TECH", Map.of("network", 3), 4, List.of());
            nameless.remove("name");
            assertInvalid(api.putAgent(agentId, nameless), "name");
            assertInvalid(api.putAgent("x".repeat(65), body(Map.of("network", 3), 4)), "agentId");
            assertProblem(api.putAgent(agentId, "{\"name\": \"Li Wei\", \"capacity\": "), 400);
            assertInvalid(api.putPresence(agentId, Map.of("presence", "SLEEPING")), "presence");
            assertInvalid(api.putPresence(agentId, Map.of()), "presence");
            assertProblem(api.putPresence(agentId, "not json"), 400);
            assertProblem(api.putPresence(newcomerId, Map.of("presence", "ONLINE")), 404)
                    .jsonPath("$.detail").value(detail -> assertThat((String) detail).contains(newcomerId));

            assertThat(api.agent(agentId)).isEqualTo(before);
            assertThat(api.hasAgent(newcomerId)).isFalse();

            // the first presence event of this agent is the one a valid request causes: the bad ones published nothing
            api.presence(agentId, "ONLINE");
            presence.await(AgentPresenceChanged.class, e -> e.agentId().equals(agentId));
            assertThat(presence.received(AgentPresenceChanged.class, e -> e.agentId().equals(agentId)))
                    .extracting(e -> e.event().presence()).containsExactly(Presence.ONLINE);
        }
    }

    @Test
    void an_event_left_pending_by_a_crash_is_published_by_the_relay_with_its_id() {
        String agentId = Tickets.unique("a");
        api.register(agentId, "RND", Map.of(), 2, List.of());
        UUID eventId = UUID.randomUUID();
        AgentPresenceChanged leftBehind = new AgentPresenceChanged(agentId, Presence.AWAY, Instant.parse("2026-11-23T09:00:00Z"));

        try (EventProbe presence = EventProbe.open(Topics.Names.AGENT_PRESENCE)) {
            // as if the instance died between its Mongo update and the publish
            mongo.updateFirst(Query.query(Criteria.where("_id").is(agentId)),
                    new Update().push(Outbox.FIELD, Outbox.pending(eventId, leftBehind)), Agent.COLLECTION);

            Envelope<AgentPresenceChanged> relayed = presence.awaitEnvelope(AgentPresenceChanged.class,
                    e -> e.agentId().equals(agentId), EventProbe.DEFAULT_TIMEOUT);
            assertThat(relayed.id()).isEqualTo(eventId);
            assertThat(relayed.event()).isEqualTo(leftBehind);
        }
        await().atMost(EventProbe.DEFAULT_TIMEOUT).untilAsserted(() -> assertThat(
                mongo.findById(agentId, Document.class, Agent.COLLECTION).getList(Outbox.FIELD, Object.class))
                .isEmpty());
    }

    @Test
    void the_roster_file_is_loaded_at_start_with_its_teams_agents_skills_and_the_presence_of_agents_it_created() {
        JsonNode first = api.agent("yaml-agent-1");
        assertThat(first.get("name").asString()).isEqualTo("Zhang Min");
        assertThat(first.get("team").asString()).isEqualTo("yaml-team");
        assertThat(first.get("department").asString()).isEqualTo("LOGISTICS");
        assertThat(first.get("skills").get("yaml-freight").asInt()).isEqualTo(4);
        assertThat(first.get("skills").get("customs").asInt()).isEqualTo(2);
        assertThat(first.get("capacity").asInt()).isEqualTo(4);
        assertThat(first.get("presence").asString()).isEqualTo("AWAY");
        assertThat(first.get("vipCustomers").valueStream().map(JsonNode::asString)).containsExactly("c-yaml-vip");
        assertThat(api.agent("yaml-agent-2").get("presence").asString()).isEqualTo("OFFLINE");

        JsonNode team = RoutingApi.read(api.getTeam("yaml-team").expectStatus().isOk());
        assertThat(team.get("lead").asString()).isEqualTo("yaml-lead");
        assertThat(team.get("supervisor").asString()).isEqualTo("yaml-supervisor");
        assertThat(team.get("department").asString()).isEqualTo("LOGISTICS");
    }

    @Test
    void a_team_is_created_and_replaced_over_http_and_bad_team_input_is_a_problem_that_changes_nothing() {
        String teamId = Tickets.unique("team");
        JsonNode created = api.team(teamId, "TECH", "lead-1", "sup-1");
        assertThat(created.get("teamId").asString()).isEqualTo(teamId);
        JsonNode replaced = api.team(teamId, "TECH", "lead-2", "sup-1");
        assertThat(replaced.get("lead").asString()).isEqualTo("lead-2");

        assertInvalid(api.putTeam(teamId, Map.of("department", "TECH", "supervisor", "sup-9")), "lead");
        assertInvalid(api.putTeam(teamId, Map.of("department", "SALES", "lead", "l", "supervisor", "s")), "department");
        assertInvalid(api.putTeam("bad team!", Map.of("lead", "l", "supervisor", "s")), "teamId");
        assertProblem(api.getTeam(Tickets.unique("no-team")), 404);

        JsonNode after = RoutingApi.read(api.getTeam(teamId).expectStatus().isOk());
        assertThat(after.get("lead").asString()).isEqualTo("lead-2");
        assertThat(after.get("supervisor").asString()).isEqualTo("sup-1");
    }

    private static void assertInvalid(RestTestClient.ResponseSpec response, String field) {
        assertProblem(response, 400)
                .jsonPath("$.errors[*].field").value(fields -> assertThat((List<?>) fields)
                        .anySatisfy(f -> assertThat((String) f).startsWith(field)));
    }

    private static RestTestClient.BodyContentSpec assertProblem(RestTestClient.ResponseSpec response, int status) {
        return response.expectStatus().isEqualTo(status)
                .expectHeader().contentTypeCompatibleWith("application/problem+json")
                .expectBody().jsonPath("$.status").isEqualTo(status);
    }

    /** A TECH registration that differs only in skills and capacity. */
    private static Map<String, Object> body(Map<String, Integer> skills, int capacity) {
        return RoutingApi.agentBody("TECH", skills, capacity, List.of());
    }
}
