package io.ticketflow.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** routing-service's HTTP API as a test drives it: real HTTP against the running server. */
final class RoutingApi {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final RestTestClient http;

    RoutingApi(int port) {
        http = RestTestClient.bindToServer().baseUrl("http://localhost:" + port).build();
    }

    /** A registration body like the one in the API description. */
    static Map<String, Object> agentBody(String department, Map<String, Integer> skills, int capacity, List<String> vipCustomers) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", "Li Wei");
        body.put("team", department.toLowerCase() + "-team");
        body.put("department", department);
        body.put("skills", skills);
        body.put("capacity", capacity);
        body.put("vipCustomers", vipCustomers);
        return body;
    }

    RestTestClient.ResponseSpec putAgent(String agentId, Object body) {
        return http.put().uri("/api/v1/agents/{id}", agentId).contentType(MediaType.APPLICATION_JSON).body(body).exchange();
    }

    RestTestClient.ResponseSpec putPresence(String agentId, Object body) {
        return http.put().uri("/api/v1/agents/{id}/presence", agentId).contentType(MediaType.APPLICATION_JSON).body(body).exchange();
    }

    /** Registers an agent and returns the view. */
    JsonNode register(String agentId, String department, Map<String, Integer> skills, int capacity, List<String> vipCustomers) {
        return read(putAgent(agentId, agentBody(department, skills, capacity, vipCustomers)).expectStatus().isOk());
    }

    /** Sets presence and returns the view. */
    JsonNode presence(String agentId, String presence) {
        return read(putPresence(agentId, Map.of("presence", presence)).expectStatus().isOk());
    }

    JsonNode agents() {
        return read(http.get().uri("/api/v1/agents").exchange().expectStatus().isOk());
    }

    /** One agent from the roster listing. */
    JsonNode agent(String agentId) {
        return agents().valueStream().filter(a -> a.get("agentId").asString().equals(agentId)).findFirst()
                .orElseThrow(() -> new AssertionError("no agent " + agentId + " in GET /api/v1/agents"));
    }

    boolean hasAgent(String agentId) {
        return agents().valueStream().anyMatch(a -> a.get("agentId").asString().equals(agentId));
    }

    RestTestClient.ResponseSpec getAssignment(String ticketNo) {
        return http.get().uri("/api/v1/assignments/{no}", ticketNo).exchange();
    }

    JsonNode assignment(String ticketNo) {
        return read(getAssignment(ticketNo).expectStatus().isOk());
    }

    JsonNode queue() {
        return read(http.get().uri("/api/v1/queue").exchange().expectStatus().isOk());
    }

    /** Ticket numbers waiting in a department, in the order the queue shows them. */
    List<String> waitingIn(String department) {
        return queue().get("departments").get(department).valueStream().map(e -> e.get("ticketNo").asString()).toList();
    }

    RestTestClient.ResponseSpec post(String path, Object body) {
        return http.post().uri(path).contentType(MediaType.APPLICATION_JSON).body(body).exchange();
    }

    RestTestClient.ResponseSpec postEmpty(String path) {
        return http.post().uri(path).exchange();
    }

    RestTestClient.ResponseSpec putTeam(String teamId, Object body) {
        return http.put().uri("/api/v1/teams/{id}", teamId).contentType(MediaType.APPLICATION_JSON).body(body).exchange();
    }

    RestTestClient.ResponseSpec getTeam(String teamId) {
        return http.get().uri("/api/v1/teams/{id}", teamId).exchange();
    }

    /** Creates a team and returns it. */
    JsonNode team(String teamId, String department, String lead, String supervisor) {
        return read(putTeam(teamId, Map.of("department", department, "lead", lead, "supervisor", supervisor))
                .expectStatus().isOk());
    }

    /** Registers an agent of a team, ONLINE. */
    JsonNode onlineMember(String agentId, String team, String department, Map<String, Integer> skills, int capacity) {
        Map<String, Object> body = agentBody(department, skills, capacity, List.of());
        body.put("team", team);
        read(putAgent(agentId, body).expectStatus().isOk());
        return presence(agentId, "ONLINE");
    }

    static JsonNode read(RestTestClient.ResponseSpec response) {
        byte[] body = response.expectBody().returnResult().getResponseBody();
        assertThat(body).isNotNull();
        return JSON.readTree(body);
    }
}
