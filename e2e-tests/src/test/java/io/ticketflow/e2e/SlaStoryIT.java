package io.ticketflow.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.ticketflow.events.EscalationLevel;
import io.ticketflow.events.SlaBreached;
import io.ticketflow.events.SlaClockMet;
import io.ticketflow.events.SlaClockPaused;
import io.ticketflow.events.SlaClockResumed;
import io.ticketflow.events.SlaClockStarted;
import io.ticketflow.events.SlaMetric;
import io.ticketflow.events.TicketEscalated;
import io.ticketflow.events.Topics;
import io.ticketflow.testkit.EventProbe;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Issue 6's story, black box against the five services: with a first-response policy shortened to
 * seconds over sla-service's API, a ticket taken in by intake and assigned by routing breaches its
 * first response; sla-service escalates it to the team lead on ticket.sla and on the owning
 * department's escalation topic (read here by a plain consumer, as a department would); the late
 * agent reply meets the clock late; holding the ticket on the customer pauses the resolution clock
 * and the customer's answer resumes it. The shipped policy table is put back afterwards.
 */
@WithTicketflowSystem
class SlaStoryIT {

    private static final Duration PATIENCE = Duration.ofSeconds(60);

    static TicketflowSystem system;
    static EventProbe events;

    @BeforeAll
    static void startTheSystem() {
        system = TicketflowSystem.get();
        events = EventProbe.open(system.kafkaBootstrapServers(), List.of(Topics.Names.SLA));
    }

    @AfterAll
    static void closeProbe() {
        events.close();
    }

    @Test
    void a_ticket_that_misses_its_first_response_is_escalated_to_its_department_and_its_clocks_follow_the_ticket() {
        String intake = system.url("intake");
        String routing = system.url("routing");
        String sla = system.url("sla");
        String unique = UUID.randomUUID().toString().substring(0, 8);
        String agentId = "agent-" + unique;
        String skill = "login-" + unique;
        JsonNode shipped = Http.get(sla + "/api/v1/sla/policies").json();
        assertThat(shipped.path("policies").size()).isGreaterThan(8);
        Http.Response shortened = Http.put(sla + "/api/v1/sla/policies", policyTable("PT3S"));
        assertThat(shortened.status()).as(shortened.toString()).isEqualTo(200);
        try {
            Http.Response registered = Http.put(routing + "/api/v1/agents/" + agentId, """
                    {"name":"Wang Fang","team":"app-team","department":"TECH","skills":{"%s":5},"capacity":3,"vipCustomers":[]}
                    """.formatted(skill));
            assertThat(registered.status()).as(registered.toString()).isEqualTo(200);
            assertThat(Http.put(routing + "/api/v1/agents/" + agentId + "/presence", "{\"presence\":\"ONLINE\"}").status()).isEqualTo(200);

            // Given a ticket taken in by intake
            Http.Response submitted = Http.post(intake + "/api/v1/tickets", """
                    {"channel":"CHAT","customerId":"c-%s","description":"How do I reset my password %s?","tags":["%s"]}
                    """.formatted(unique, unique, skill));
            assertThat(submitted.status()).as(submitted.toString()).isEqualTo(201);
            assertThat(submitted.json().path("status").asText()).as(submitted.toString()).isNotEqualTo("NEEDS_INFO");
            String ticketNo = submitted.json().path("ticketNo").asText();
            SlaClockStarted firstResponse = events.await(SlaClockStarted.class,
                    e -> e.ticketNo().equals(ticketNo) && e.metric() == SlaMetric.FIRST_RESPONSE);
            assertThat(firstResponse.budget()).isEqualTo(Duration.ofSeconds(3));

            // When nobody answers within the policy, the clock breaches at its deadline and the ticket is escalated
            SlaBreached breach = events.await(SlaBreached.class, e -> e.clockId().equals(firstResponse.clockId()));
            assertThat(breach.dueAt()).isEqualTo(firstResponse.dueAt());
            assertThat(breach.breachNo()).isEqualTo(1);
            TicketEscalated escalated = events.await(TicketEscalated.class, e -> e.ticketNo().equals(ticketNo));
            assertThat(escalated.level()).isEqualTo(EscalationLevel.GENERAL);
            assertThat(escalated.targetRole()).isEqualTo("TEAM_LEAD");
            ConsumerRecord<String, byte[]> onDepartmentTopic = awaitOnEscalationTopic(escalated);
            assertThat(new String(onDepartmentTopic.headers().lastHeader("ce_id").value(), StandardCharsets.UTF_8))
                    .isEqualTo(escalated.escalationId());
            JsonNode view = Http.get(sla + "/api/v1/sla/tickets/" + ticketNo).json();
            assertThat(view.path("clocks")).anySatisfy(c -> {
                assertThat(c.path("metric").asText()).isEqualTo("FIRST_RESPONSE");
                assertThat(c.path("breached").asBoolean()).isTrue();
            });

            // The agent's late answer meets the clock late
            assertThat(Http.post(intake + "/api/v1/tickets/" + ticketNo + "/replies",
                    "{\"author\":\"AGENT\",\"agentId\":\"" + agentId + "\",\"message\":\"Which phone model do you use?\"}").status())
                    .isEqualTo(200);
            SlaClockMet met = events.await(SlaClockMet.class, e -> e.clockId().equals(firstResponse.clockId()));
            assertThat(met.onTime()).isFalse();

            // Waiting on the customer pauses the resolution clock; the customer's answer resumes it
            Http.Response held = Http.post(intake + "/api/v1/tickets/" + ticketNo + "/hold",
                    "{\"reason\":\"WAITING_FOR_CUSTOMER\",\"agentId\":\"" + agentId + "\"}");
            assertThat(held.status()).as(held.toString()).isEqualTo(200);
            SlaClockPaused paused = events.await(SlaClockPaused.class,
                    e -> e.ticketNo().equals(ticketNo) && e.metric() == SlaMetric.RESOLUTION);
            assertThat(Http.post(intake + "/api/v1/tickets/" + ticketNo + "/replies",
                    "{\"author\":\"CUSTOMER\",\"message\":\"An iPhone 15\"}").status()).isEqualTo(200);
            SlaClockResumed resumed = events.await(SlaClockResumed.class, e -> e.clockId().equals(paused.clockId()));
            assertThat(resumed.pausedTotal()).isPositive();
            await().atMost(PATIENCE).untilAsserted(() -> assertThat(Http.get(sla + "/api/v1/sla/at-risk?limit=1000").json())
                    .anySatisfy(r -> assertThat(r.path("clockId").asText()).isEqualTo(paused.clockId())));
        } finally {
            assertThat(Http.put(sla + "/api/v1/sla/policies", policyTable("PT15M")).status()).isEqualTo(200);
        }
    }

    /** The shipped table with every first response set to {@code p0FirstResponse} for P0 and, when shortened, for all. */
    private static String policyTable(String firstResponse) {
        boolean shipped = "PT15M".equals(firstResponse);
        String p1 = shipped ? "{\"time\":\"PT2H\"}" : "{\"time\":\"" + firstResponse + "\"}";
        String p2 = shipped ? "{\"time\":\"PT4H\"}" : "{\"time\":\"" + firstResponse + "\"}";
        String p3 = shipped ? "{\"workingDays\":1}" : "{\"time\":\"" + firstResponse + "\"}";
        return """
                {"calendar":"default",
                 "firstResponse":{"P0":{"time":"%s"},"P1":%s,"P2":%s,"P3":%s},
                 "nextResponse":{"P0":{"time":"PT15M"},"P1":{"time":"PT2H"},"P2":{"time":"PT4H"},"P3":{"workingDays":1}},
                 "resolution":{"P0":{"time":"PT24H"},"P1":{"time":"PT8H"},"P2":{"time":"PT8H"},"P3":{"workingDays":3}},
                 "needsInfoFollowUp":{"workingDays":1},"collaboratorProgress":{"time":"PT2H"},
                 "callback":{"time":"PT4H","mode":"WORKING"},"p0EmergencyHandling":{"time":"PT1H"},
                 "departmentAnswers":{"LOGISTICS":{"time":"PT1H"},"RND":{"time":"PT24H"}}}
                """.formatted(firstResponse, p1, p2, p3);
    }

    private static ConsumerRecord<String, byte[]> awaitOnEscalationTopic(TicketEscalated escalated) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, system.kafkaBootstrapServers());
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "department-" + escalated.department().id() + "-" + UUID.randomUUID());
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(Topics.escalations(escalated.department()).name()));
            List<ConsumerRecord<String, byte[]>> found = new ArrayList<>();
            await().atMost(PATIENCE).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> {
                    if (escalated.ticketId().equals(r.key())) {
                        found.add(r);
                    }
                });
                return !found.isEmpty();
            });
            return found.get(0);
        }
    }
}
