package io.ticketflow.sla;

import static org.assertj.core.api.Assertions.assertThat;

import io.ticketflow.testkit.TicketflowServiceTest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.Import;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

/** The HTTP API that needs no events: the what-if calculator, the policy table, problem details. */
@TicketflowServiceTest
@Import(SlaTestConfiguration.class)
class SlaApiIT {

    private static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() { };

    @LocalServerPort
    int port;

    RestTestClient http;

    @org.springframework.beans.factory.annotation.Autowired
    org.springframework.data.mongodb.core.MongoTemplate mongo;

    @BeforeEach
    void open() {
        http = RestTestClient.bindToServer().baseUrl("http://localhost:" + port).build();
    }

    @Test
    void what_if_one_working_day_from_saturday_1am_in_shanghai_is_due_at_monday_closing() {
        Map<String, Object> due = postDue("default", """
                {"start":"2026-11-20T17:00:00Z","budget":"PT9H","mode":"WORKING"}""", 200);

        assertThat(due).containsOnly(Map.entry("due", "2026-11-23T10:00:00Z"));
    }

    @Test
    void what_if_with_pauses_adds_back_the_paused_working_time() {
        // Monday 10:00 Shanghai + 4 working hours, paused 11:00-12:30 -> 15:30
        Map<String, Object> due = postDue("default", """
                {"start":"2026-11-23T02:00:00Z","budget":"PT4H","mode":"WORKING",
                 "pauses":[{"from":"2026-11-23T03:00:00Z","to":"2026-11-23T04:30:00Z"}]}""", 200);
        assertThat(due).containsOnly(Map.entry("due", "2026-11-23T07:30:00Z"));

        Map<String, Object> problem = postDue("default", """
                {"start":"2026-11-23T02:00:00Z","budget":"PT4H","mode":"WORKING",
                 "pauses":[{"from":"2026-11-23T05:00:00Z","to":"2026-11-23T04:30:00Z"}]}""", 400);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> errors = (List<Map<String, Object>>) problem.get("errors");
        assertThat(errors).extracting(e -> e.get("field")).containsExactly("pauses[0].ordered");
    }

    @Test
    void a_department_calendar_is_saved_over_the_api_and_used_by_the_what_if() {
        Map<String, Object> saved = http.put().uri("/api/v1/sla/calendars/{id}", "quality")
                .contentType(MediaType.APPLICATION_JSON)
                .body("""
                        {"zone":"Asia/Shanghai","openingHours":{"SATURDAY":"10:00-14:00"},"standardDay":"10:00-14:00",
                         "holidays":["2026-11-28"],"makeUpDays":[]}""")
                .exchange().expectStatus().isOk().expectBody(JSON).returnResult().getResponseBody();
        assertThat(saved).containsEntry("id", "quality").containsEntry("workingDay", "PT4H");

        // Friday: the next opening is Saturday 5 Dec, the 28th being a holiday... from Friday 27th
        Map<String, Object> due = postDue("quality", """
                {"start":"2026-11-27T02:00:00Z","budget":"PT1H","mode":"WORKING"}""", 200);
        assertThat(due).containsOnly(Map.entry("due", "2026-12-05T03:00:00Z"));

        http.put().uri("/api/v1/sla/calendars/{id}", "quality").contentType(MediaType.APPLICATION_JSON)
                .body("""
                        {"zone":"Mars/Olympus","openingHours":{"MONDAY":"09:00-18:00"}}""")
                .exchange().expectStatus().isBadRequest();
        http.get().uri("/api/v1/sla/calendars/quality").exchange().expectStatus().isOk()
                .expectBody(JSON).value(body -> assertThat(body).containsEntry("zone", "Asia/Shanghai"));
    }

    @Test
    void the_policy_table_is_replaced_over_the_api_and_a_bad_table_changes_nothing() {
        String table = """
                {"calendar":"default",
                 "firstResponse":{"P0":{"time":"PT10M"},"P1":{"time":"PT2H"},"P2":{"time":"PT4H"},"P3":{"workingDays":1}},
                 "resolution":{"P0":{"time":"PT24H"},"P1":{"time":"PT8H"},"P2":{"time":"PT8H"},"P3":{"workingDays":3}},
                 "departmentAnswers":{"LOGISTICS":{"time":"PT1H"},"RND":{"time":"PT24H"}}}""";
        try {
            http.put().uri("/api/v1/sla/policies").contentType(MediaType.APPLICATION_JSON).body(table)
                    .exchange().expectStatus().isOk();
            assertThat(policies()).contains(policy("FIRST_RESPONSE", "P0", "PT10M", null, "CALENDAR"));

            Map<String, Object> problem = http.put().uri("/api/v1/sla/policies").contentType(MediaType.APPLICATION_JSON)
                    .body("""
                            {"calendar":"default","firstResponse":{"P0":{"time":"PT10M"}},"resolution":{}}""")
                    .exchange().expectStatus().isBadRequest().expectBody(JSON).returnResult().getResponseBody();
            assertThat((String) problem.get("detail")).contains("no FIRST_RESPONSE policy for P1");
            assertThat(policies()).contains(policy("FIRST_RESPONSE", "P0", "PT10M", null, "CALENDAR"));
        } finally {
            http.put().uri("/api/v1/sla/policies").contentType(MediaType.APPLICATION_JSON)
                    .body(table.replace("PT10M", "PT15M")).exchange().expectStatus().isOk();
        }
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> policies() {
        return (List<Map<String, Object>>) http.get().uri("/api/v1/sla/policies").exchange().expectStatus().isOk()
                .expectBody(JSON).returnResult().getResponseBody().get("policies");
    }

    @Test
    void what_if_in_calendar_time_just_adds() {
        Map<String, Object> due = postDue("default", """
                {"start":"2026-11-20T17:00:00Z","budget":"PT2H","mode":"CALENDAR"}""", 200);

        assertThat(due).containsOnly(Map.entry("due", "2026-11-20T19:00:00Z"));
    }

    @Test
    void what_if_with_missing_or_invalid_fields_is_a_400_problem_listing_them() {
        Map<String, Object> problem = postDue("default", """
                {"start":"2026-11-20T17:00:00Z","budget":"PT0S"}""", 400);

        assertThat(problem).containsEntry("status", 400).containsKey("title");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> errors = (List<Map<String, Object>>) problem.get("errors");
        assertThat(errors).extracting(e -> e.get("field")).containsExactlyInAnyOrder("budget", "mode");
    }

    @Test
    void what_if_with_malformed_json_or_an_unreadable_value_is_a_400_problem() {
        assertThat(postDue("default", "{\"start\":", 400)).containsEntry("status", 400);
        assertThat(postDue("default", """
                {"start":"2026-11-20T17:00:00Z","budget":"two hours","mode":"WORKING"}""", 400)).containsEntry("status", 400);
        assertThat(postDue("default", """
                {"start":"2026-11-20T17:00:00Z","budget":"PT2H","mode":"SOMETIMES"}""", 400)).containsEntry("status", 400);
    }

    @Test
    void what_if_on_an_unknown_calendar_is_a_404_problem() {
        Map<String, Object> problem = postDue("mars", """
                {"start":"2026-11-20T17:00:00Z","budget":"PT9H","mode":"WORKING"}""", 404);

        assertThat(problem).containsEntry("status", 404);
        assertThat((String) problem.get("detail")).contains("mars");
    }

    @Test
    void an_unknown_ticket_is_a_404_problem() {
        Map<String, Object> problem = http.get().uri("/api/v1/sla/tickets/{ticketNo}", "209912-999999")
                .exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody(JSON).returnResult().getResponseBody();

        assertThat(problem).containsEntry("status", 404).containsEntry("instance", "/api/v1/sla/tickets/209912-999999");
        assertThat((String) problem.get("detail")).contains("209912-999999");
    }

    @Test
    void the_policy_table_shows_the_seed_values() {
        Map<String, Object> table = http.get().uri("/api/v1/sla/policies")
                .exchange()
                .expectStatus().isOk()
                .expectBody(JSON).returnResult().getResponseBody();

        assertThat(table).containsEntry("calendar", "default");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> policies = (List<Map<String, Object>>) table.get("policies");
        assertThat(policies).hasSize(18);
        assertThat(policies).contains(
                policy("FIRST_RESPONSE", "P0", "PT15M", null, "CALENDAR"),
                policy("FIRST_RESPONSE", "P1", "PT2H", null, "CALENDAR"),
                policy("FIRST_RESPONSE", "P3", "PT9H", 1, "WORKING"),
                policy("RESOLUTION", "P2", "PT8H", null, "CALENDAR"),
                policy("RESOLUTION", "P3", "PT27H", 3, "WORKING"),
                policy("NEXT_RESPONSE", "P2", "PT4H", null, "CALENDAR"),
                policy("NEEDS_INFO_FOLLOW_UP", null, "PT9H", 1, "WORKING"),
                policy("COLLABORATOR_PROGRESS", null, "PT2H", null, "CALENDAR"),
                policy("CALLBACK", null, "PT4H", null, "WORKING"));
        assertThat(policies).contains(scoped("RESOLUTION", "P0", "emergency-handling", "PT1H"),
                scoped("RESOLUTION", null, "answer:logistics", "PT1H"), scoped("RESOLUTION", null, "answer:rnd", "PT24H"));
    }

    @Test
    void the_calendars_are_listed_with_their_hours_and_working_day() {
        List<Map<String, Object>> calendars = http.get().uri("/api/v1/sla/calendars")
                .exchange()
                .expectStatus().isOk()
                .expectBody(new ParameterizedTypeReference<List<Map<String, Object>>>() { })
                .returnResult().getResponseBody();

        Map<String, Object> calendar = calendars.get(0);
        assertThat(calendar).containsEntry("id", "default")
                .containsEntry("zone", "Asia/Shanghai")
                .containsEntry("standardDay", "09:00-18:00")
                .containsEntry("workingDay", "PT9H")
                .containsEntry("holidays", List.of("2026-10-01", "2026-10-02", "2026-10-05", "2026-10-06", "2026-10-07", "2027-01-01"))
                .containsEntry("makeUpDays", List.of("2026-10-10"))
                .containsEntry("openingHours", Map.of("MONDAY", "09:00-18:00", "TUESDAY", "09:00-18:00",
                        "WEDNESDAY", "09:00-18:00", "THURSDAY", "09:00-18:00", "FRIDAY", "09:00-18:00"));
        http.get().uri("/api/v1/sla/calendars/default").exchange().expectStatus().isOk();
        http.get().uri("/api/v1/sla/calendars/mars").exchange().expectStatus().isNotFound();
    }

    @Test
    void a_clock_stored_by_an_older_release_without_a_version_still_reads() {
        // given a running clock as the walking skeleton stored it: no version, no warnings, no nextFireAt
        String ticketNo = "202611-" + java.util.UUID.randomUUID().toString().substring(0, 6);
        org.bson.Document old = new org.bson.Document("_id", java.util.UUID.randomUUID().toString())
                .append("ticketId", java.util.UUID.randomUUID().toString()).append("ticketNo", ticketNo)
                .append("metric", "FIRST_RESPONSE").append("round", 1).append("priority", "P1")
                .append("calendar", "default").append("budget", "PT2H").append("mode", "CALENDAR")
                .append("startedAt", java.util.Date.from(java.time.Instant.parse("2026-11-23T08:00:00Z")))
                .append("dueAt", java.util.Date.from(java.time.Instant.parse("2026-11-23T10:00:00Z")))
                .append("state", "RUNNING");
        mongo.getCollection("clocks").insertOne(old);

        // then the ticket's clocks and the at-risk list answer, with the old clock in them
        http.get().uri("/api/v1/sla/tickets/{no}", ticketNo).exchange().expectStatus().isOk()
                .expectBody(String.class).value(body -> assertThat(body).contains("FIRST_RESPONSE", "RUNNING"));
        http.get().uri("/api/v1/sla/at-risk").exchange().expectStatus().isOk()
                .expectBody(String.class).value(body -> assertThat(body).contains(ticketNo));
    }

    @Test
    void health_probes_metrics_and_the_api_document_are_served() {
        http.get().uri("/actuator/health/liveness").exchange().expectStatus().isOk();
        http.get().uri("/actuator/health/readiness").exchange().expectStatus().isOk();
        http.get().uri("/actuator/prometheus").exchange().expectStatus().isOk()
                .expectBody(String.class).value(body -> assertThat(body).contains("jvm_memory_used_bytes"));
        http.get().uri("/v3/api-docs").exchange().expectStatus().isOk()
                .expectBody(String.class).value(body -> assertThat(body).contains("/api/v1/sla/calendars/{id}/due"));
    }

    private static Map<String, Object> policy(String metric, String priority, String budget, Integer workingDays, String mode) {
        Map<String, Object> policy = new LinkedHashMap<>();
        policy.put("metric", metric);
        policy.put("priority", priority);
        policy.put("scope", null);
        policy.put("budget", budget);
        policy.put("workingDays", workingDays);
        policy.put("mode", mode);
        return policy;
    }

    private static Map<String, Object> scoped(String metric, String priority, String scope, String budget) {
        Map<String, Object> policy = policy(metric, priority, budget, null, "CALENDAR");
        policy.put("scope", scope);
        return policy;
    }

    private Map<String, Object> postDue(String calendar, String body, int status) {
        return http.post().uri("/api/v1/sla/calendars/{id}/due", calendar)
                .contentType(MediaType.APPLICATION_JSON)
                .body(body)
                .exchange()
                .expectStatus().isEqualTo(status)
                .expectBody(JSON).returnResult().getResponseBody();
    }
}
