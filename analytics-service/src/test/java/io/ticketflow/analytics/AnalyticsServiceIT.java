package io.ticketflow.analytics;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.ticketflow.analytics.facts.RecordOutcome;
import io.ticketflow.analytics.facts.TicketFact;
import io.ticketflow.analytics.facts.TicketFacts;
import io.ticketflow.events.CallbackOpened;
import io.ticketflow.events.Channel;
import io.ticketflow.events.CloudEventHeaders;
import io.ticketflow.events.Department;
import io.ticketflow.events.Envelope;
import io.ticketflow.events.Nature;
import io.ticketflow.events.Priority;
import io.ticketflow.events.RatingReceived;
import io.ticketflow.events.ReplyAuthor;
import io.ticketflow.events.SlaClockMet;
import io.ticketflow.events.SlaClockStarted;
import io.ticketflow.events.SlaMetric;
import io.ticketflow.events.SurveySent;
import io.ticketflow.events.TicketAssigned;
import io.ticketflow.events.TicketCreated;
import io.ticketflow.events.TicketReplied;
import io.ticketflow.events.TicketResolved;
import io.ticketflow.events.TicketStatus;
import io.ticketflow.events.TicketType;
import io.ticketflow.events.TicketflowEvent;
import io.ticketflow.events.Topics;
import io.ticketflow.testkit.EventProbe;
import io.ticketflow.testkit.RawRecords;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * analytics-service as the other services see it: events published to the real broker the way
 * their owners publish them, KPIs read over real HTTP, facts kept in MongoDB. Every scenario
 * works in its own month of 2031, so the scenarios never see each other's tickets.
 */
@AnalyticsServiceTest
class AnalyticsServiceIT {

    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    static RawRecords raw;

    @LocalServerPort
    int port;

    @Autowired
    MeterRegistry meters;

    @Autowired
    TicketFacts facts;

    @Autowired
    TestClock clock;

    @BeforeAll
    static void openProducer() {
        raw = new RawRecords();
    }

    @AfterAll
    static void closeProducer() {
        raw.close();
    }

    @Test
    void a_fixed_stream_gives_exactly_the_hand_computed_kpis_and_a_redelivery_changes_nothing() {
        Instant t0 = Instant.parse("2031-01-10T08:00:00Z");
        String a = UUID.randomUUID().toString();
        String b = UUID.randomUUID().toString();
        // given two tickets: A answered after 600 s, resolved after 3600 s, rated 2, a callback opened; B untouched.
        // Feedback overtakes A's creation, and a later agent reply is delivered before the first one.
        Map<UUID, TicketflowEvent> stream = new LinkedHashMap<>();
        stream.put(UUID.randomUUID(), new RatingReceived(a, "203101-000001", "survey-" + a, 2, 6, "Took too long", t0.plusSeconds(4000)));
        stream.put(UUID.randomUUID(), new CallbackOpened(a, "203101-000001", "callback-" + a, "survey-" + a, 2, "lead-1",
                t0.plusSeconds(4001), t0.plusSeconds(90_000)));
        stream.put(UUID.randomUUID(), created(a, "203101-000001", t0));
        stream.put(UUID.randomUUID(), created(b, "203101-000002", t0.plusSeconds(60)));
        stream.put(UUID.randomUUID(), new TicketAssigned(a, "203101-000001", "agent-1", "billing", Department.TECH, 1,
                "skill-match", t0.plusSeconds(10)));
        stream.put(UUID.randomUUID(), new SlaClockStarted(a, "203101-000001", "clock-" + a, SlaMetric.FIRST_RESPONSE,
                Priority.P1, Duration.ofHours(2), t0, t0.plusSeconds(7200)));
        stream.put(UUID.randomUUID(), new TicketReplied(a, "203101-000001", 3, t0.plusSeconds(900), ReplyAuthor.AGENT,
                "agent-1", false, "Still checking"));
        stream.put(UUID.randomUUID(), new TicketReplied(a, "203101-000001", 2, t0.plusSeconds(600), ReplyAuthor.AGENT,
                "agent-1", true, "We are refunding the payment"));
        stream.put(UUID.randomUUID(), new SlaClockMet(a, "203101-000001", "clock-" + a, SlaMetric.FIRST_RESPONSE, t0,
                t0.plusSeconds(7200), t0.plusSeconds(600), true));
        stream.put(UUID.randomUUID(), new TicketResolved(a, "203101-000001", 4, t0.plusSeconds(3600), "agent-1",
                "Refunded", "tooling", 1));
        stream.put(UUID.randomUUID(), new SurveySent(a, "203101-000001", "survey-" + a, 1, "https://survey/x",
                t0.plusSeconds(3601), null));
        String window = "from=2031-01-01T00:00:00Z&to=2031-02-01T00:00:00Z";
        clock.set(t0.plusSeconds(2 * 3600));
        // computed by hand: B is 1 h 59 min old and NEW; A's rating of 2 with NPS 6 is a detractor
        JsonNode expected = json("""
                {"from":"2031-01-01T00:00:00Z","to":"2031-02-01T00:00:00Z","ticketsCreated":2,"ticketsResolved":1,
                 "ticketsClosed":0,
                 "meanFirstResponseSeconds":600.0,"meanResolutionSeconds":3600.0,
                 "firstResponse":{"count":1,"mean":600.0,"p50":600.0,"p90":600.0},
                 "resolution":{"count":1,"mean":3600.0,"p50":3600.0,"p90":3600.0},
                 "firstResponseSlaAttainment":1.0,
                 "slaAttainment":{"FIRST_RESPONSE":{"count":1,"of":1,"ratio":1.0}},
                 "overdue":{"count":0,"of":2,"ratio":0.0},
                 "firstContactResolution":{"count":1,"of":1,"ratio":1.0},
                 "transfers":{"count":0,"of":2,"ratio":0.0},
                 "reopens":{"count":0,"of":1,"ratio":0.0},
                 "repeatContacts":{"count":0,"of":2,"ratio":0.0},
                 "selfServiceDeflection":{"count":0,"of":2,"ratio":0.0},
                 "csatMean":2.0,"ratings":1,"lowRatingShare":1.0,
                 "nps":{"answers":1,"promoters":0,"detractors":1,"score":-100.0},
                 "callbacksOpened":1,
                 "callbackCompletion":{"count":0,"of":1,"ratio":0.0},
                 "recovery":{"count":0,"of":0,"ratio":null},
                 "escalations":0,
                 "backlog":1,"backlogByStatus":{"NEW":1},
                 "backlogByAge":{"<1h":0,"1-4h":1,"4-24h":0,"1-3d":0,">3d":0}}
                """);

        // when the owning services publish it
        stream.forEach(raw::publish);

        // then the KPIs of the window are exactly the hand-computed ones
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(get("/api/v1/kpis?" + window).json()).isEqualTo(expected));
        // (routing's topic is consumed beside the lifecycle, so its fact may land a moment later)
        await().atMost(PATIENCE).untilAsserted(() -> {
            TicketFact factsOfA = facts.find(a).orElseThrow();
            assertThat(factsOfA.assignee()).isEqualTo("agent-1");
            assertThat(factsOfA.assignmentCount()).isEqualTo(1);
        });

        // when every event is delivered a second time, with the same ce_ids
        double duplicatesBefore = duplicates();
        stream.forEach(raw::publish);

        // then each was recognised as a duplicate, and no figure moved
        await().atMost(PATIENCE).until(() -> duplicates() >= duplicatesBefore + stream.size());
        assertThat(get("/api/v1/kpis?" + window).json()).isEqualTo(expected);
        assertThat(facts.find(a).orElseThrow().assignmentCount()).isEqualTo(1);
    }

    @Test
    void an_event_that_overtakes_its_ticket_creation_is_kept_and_counts_once_the_ticket_arrives() {
        Instant t0 = Instant.parse("2031-04-02T09:00:00Z");
        String ticket = UUID.randomUUID().toString();
        String window = "/api/v1/kpis?from=2031-04-01T00:00:00Z&to=2031-05-01T00:00:00Z";

        // given a rating whose ticket creation has not arrived yet
        raw.publish(UUID.randomUUID(), new RatingReceived(ticket, "203104-000001", "survey-" + ticket, 4, null, null,
                t0.plusSeconds(7200)));

        // then it is recorded, but the ticket is not counted while its creation is unknown
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(facts.find(ticket))
                .hasValueSatisfying(f -> assertThat(f.ratings()).extracting(TicketFact.Rating::rating).containsExactly(4)));
        assertThat(facts.find(ticket).orElseThrow().created()).isFalse();
        assertThat(get(window).json().path("ticketsCreated").asLong()).isZero();
        assertThat(get(window).json().path("ratings").asLong()).isZero();

        // when the creation arrives
        raw.publish(UUID.randomUUID(), created(ticket, "203104-000001", t0));

        // then the ticket counts with its rating
        await().atMost(PATIENCE).untilAsserted(() -> {
            JsonNode kpis = get(window).json();
            assertThat(kpis.path("ticketsCreated").asLong()).isEqualTo(1);
            assertThat(kpis.path("ratings").asLong()).isEqualTo(1);
            assertThat(kpis.path("csatMean").asDouble()).isEqualTo(4.0);
            assertThat(kpis.path("lowRatingShare").asDouble()).isEqualTo(0.0);
            assertThat(kpis.path("meanFirstResponseSeconds").isNull()).isTrue();
        });
    }

    @Test
    void prometheus_shows_the_all_time_figures() {
        Instant t0 = Instant.parse("2031-02-03T10:00:00Z");
        String ticket = UUID.randomUUID().toString();
        String window = "/api/v1/kpis?from=2031-02-01T00:00:00Z&to=2031-03-01T00:00:00Z";

        // given today is the ticket's day, and a ticket answered after 120 s and rated 5 with NPS 10
        clock.set(t0.plusSeconds(3600));
        raw.publish(UUID.randomUUID(), created(ticket, "203102-000001", t0));
        raw.publish(UUID.randomUUID(), new TicketReplied(ticket, "203102-000001", 2, t0.plusSeconds(120), ReplyAuthor.AGENT,
                "agent-2", true, "Done"));
        raw.publish(UUID.randomUUID(), new RatingReceived(ticket, "203102-000001", "survey-" + ticket, 5, 10, null,
                t0.plusSeconds(600)));
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(get(window).json().path("ratings").asLong()).isEqualTo(1));

        // then the gauges show the same all-time figures as the API, under their Prometheus names
        await().atMost(PATIENCE).untilAsserted(() -> {
            JsonNode allTime = get("/api/v1/kpis").json();
            Map<String, Double> gauges = gauges(prometheus());
            assertThat(allTime.path("ticketsCreated").asLong()).isPositive();
            assertThat(gauges).containsEntry("ticketflow_kpi_created_tickets", allTime.path("ticketsCreated").asDouble())
                    .containsEntry("ticketflow_kpi_tickets_resolved", allTime.path("ticketsResolved").asDouble())
                    .containsEntry("ticketflow_kpi_first_response_seconds_mean", allTime.path("meanFirstResponseSeconds").asDouble())
                    .containsEntry("ticketflow_kpi_callbacks_opened", allTime.path("callbacksOpened").asDouble())
                    .containsEntry("ticketflow_kpi_backlog", allTime.path("backlog").asDouble())
                    .containsEntry("ticketflow_kpi_ratings", allTime.path("ratings").asDouble());
        });
        // and today's figures are this ticket's
        await().atMost(PATIENCE).untilAsserted(() -> {
            String scrape = prometheus();
            Map<String, Double> gauges = gauges(scrape);
            assertThat(gauges).containsEntry("ticketflow_kpi_created_today_tickets", 1.0)
                    .containsEntry("ticketflow_kpi_csat_mean", 5.0)
                    .containsEntry("ticketflow_kpi_low_rating_ratio", 0.0)
                    .containsEntry("ticketflow_kpi_nps", 100.0);
            assertThat(scrape).containsPattern("(?m)^ticketflow_kpi_first_response_seconds\\{quantile=\"0.5\"} 120.0$")
                    .containsPattern("(?m)^ticketflow_kpi_first_response_seconds\\{quantile=\"0.9\"} 120.0$")
                    .containsPattern("(?m)^ticketflow_kpi_backlog_tickets\\{priority=\"P1\"} [1-9]")
                    .containsPattern("(?m)^ticketflow_kpi_backlog_by_status_tickets\\{status=\"IN_PROGRESS\"} [1-9]")
                    .containsPattern("(?m)^ticketflow_kpi_sla_attainment_ratio\\{metric=\"FIRST_RESPONSE\"} NaN$")
                    .containsPattern("(?m)^ticketflow_kpi_tickets_at_risk [0-9]")
                    .containsPattern("(?m)^ticketflow_alerts_active\\{kind=\"hot_issue\"} [0-9]")
                    .containsPattern("(?m)^ticketflow_alerts_active\\{kind=\"resolution_anomaly\"} [0-9]");
        });
        assertThat(prometheus())
                .containsPattern("(?m)^ticketflow_analytics_events_total\\{outcome=\"applied\",topic=\"ticket.feedback\"} [1-9]");
    }

    @Test
    void a_poison_record_on_the_sla_topic_is_dead_lettered_and_the_consumer_keeps_going() {
        Instant t0 = Instant.parse("2031-03-05T11:00:00Z");
        String ticket = UUID.randomUUID().toString();
        String window = "/api/v1/kpis?from=2031-03-01T00:00:00Z&to=2031-04-01T00:00:00Z";
        String deadLetters = Topics.deadLetter(Topics.Names.SLA);
        raw.publish(UUID.randomUUID(), created(ticket, "203103-000001", t0));

        try (EventProbe dlt = EventProbe.open(deadLetters)) {
            // given a record on ticket.sla that cannot be read, followed on the same partition by a good one
            RecordHeaders headers = new RecordHeaders();
            headers.add(CloudEventHeaders.TYPE, "ticketflow.sla.clock-met.v1".getBytes(UTF_8));
            headers.add(CloudEventHeaders.ID, UUID.randomUUID().toString().getBytes(UTF_8));
            raw.send(Topics.Names.SLA, ticket, headers, "{not json".getBytes(UTF_8));
            raw.publish(UUID.randomUUID(), new SlaClockMet(ticket, "203103-000001", "clock-" + ticket,
                    SlaMetric.FIRST_RESPONSE, t0, t0.plusSeconds(3600), t0.plusSeconds(5400), false));

            // then the poison lands on the dead-letter topic as it was sent
            ConsumerRecord<String, byte[]> dead = dlt.awaitRecord(deadLetters, r -> ticket.equals(r.key()));
            assertThat(new String(dead.value(), UTF_8)).isEqualTo("{not json");

            // and the good record behind it is applied: a late first response, 0 % attainment
            await().atMost(PATIENCE).untilAsserted(() ->
                    assertThat(get(window).json().path("firstResponseSlaAttainment").asDouble(-1)).isEqualTo(0.0));
        }
    }

    @Test
    void the_first_events_of_a_new_ticket_racing_each_other_are_each_applied_exactly_once() throws Exception {
        String ticket = UUID.randomUUID().toString();
        List<Envelope<TicketflowEvent>> assignments = new ArrayList<>();
        for (int n = 1; n <= 8; n++) {
            assignments.add(Envelope.of(UUID.randomUUID(), "/ticketflow/routing-service", Instant.now(),
                    new TicketAssigned(ticket, "203106-000001", "agent-" + n, null, Department.TECH, n, "override",
                            Instant.parse("2031-06-01T00:00:00Z").plusSeconds(n))));
        }

        // when eight listener threads record the ticket's first events at the same moment, twice over
        List<RecordOutcome> first = recordAllAtOnce(assignments);
        List<RecordOutcome> second = recordAllAtOnce(assignments);

        // then every event counted once: the losers of the insert race were applied as updates
        assertThat(first).containsOnly(RecordOutcome.APPLIED).hasSize(8);
        assertThat(second).containsOnly(RecordOutcome.DUPLICATE).hasSize(8);
        assertThat(facts.find(ticket).orElseThrow().assignmentCount()).isEqualTo(8);
    }

    @Test
    void a_bad_window_is_answered_with_a_problem() {
        Response notAnInstant = get("/api/v1/kpis?from=yesterday");
        assertThat(notAnInstant.status()).isEqualTo(400);
        assertThat(notAnInstant.contentType()).startsWith("application/problem+json");
        assertThat(notAnInstant.json().path("status").asInt()).isEqualTo(400);
        assertThat(notAnInstant.json().path("errors").get(0).path("field").asText()).isEqualTo("from");

        Response backwards = get("/api/v1/kpis?from=2031-02-01T00:00:00Z&to=2031-01-01T00:00:00Z");
        assertThat(backwards.status()).isEqualTo(400);
        assertThat(backwards.contentType()).startsWith("application/problem+json");
        assertThat(backwards.json().path("errors").get(0).path("field").asText()).isEqualTo("from");

        Response unknown = get("/api/v1/nothing-here");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.contentType()).startsWith("application/problem+json");
    }

    @Test
    void the_service_reports_ready_and_documents_its_api() {
        assertThat(get("/actuator/health/readiness").status()).isEqualTo(200);
        assertThat(get("/actuator/health/liveness").status()).isEqualTo(200);
        JsonNode paths = get("/v3/api-docs").json().path("paths");
        for (String path : List.of("/api/v1/kpis", "/api/v1/tickets/{ticketNo}/timeline", "/api/v1/buckets",
                "/api/v1/reports/{period}", "/api/v1/alerts", "/api/v1/compare")) {
            assertThat(paths.has(path)).as(path).isTrue();
        }
    }

    private List<RecordOutcome> recordAllAtOnce(List<Envelope<TicketflowEvent>> envelopes) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(envelopes.size());
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<RecordOutcome>> outcomes = new ArrayList<>();
            for (Envelope<TicketflowEvent> envelope : envelopes) {
                outcomes.add(threads.submit(() -> {
                    start.await();
                    return facts.record(envelope);
                }));
            }
            start.countDown();
            List<RecordOutcome> result = new ArrayList<>();
            for (Future<RecordOutcome> outcome : outcomes) {
                result.add(outcome.get(30, TimeUnit.SECONDS));
            }
            return result;
        } finally {
            threads.shutdownNow();
        }
    }

    private double duplicates() {
        return meters.find("ticketflow.analytics.events").tag("outcome", "duplicate").counters().stream()
                .mapToDouble(Counter::count).sum();
    }

    private static Map<String, Double> gauges(String scrape) {
        Map<String, Double> values = new LinkedHashMap<>();
        Matcher line = Pattern.compile("(?m)^(ticketflow_kpi_[a-z_]+) (\\S+)$").matcher(scrape);
        while (line.find()) {
            values.put(line.group(1), Double.parseDouble(line.group(2)));
        }
        return values;
    }

    private static TicketCreated created(String ticketId, String ticketNo, Instant at) {
        return new TicketCreated(ticketId, ticketNo, 1, at, Channel.WEB, "c-" + ticketId, "138****5678", false,
                "Payment failed", "Payment fails with E1001", List.of("billing"), TicketType.FUNCTION, Nature.COMPLAINT,
                Priority.P1, Department.TECH, TicketStatus.NEW, List.of());
    }

    private Response get(String path) {
        try {
            HttpResponse<String> response = HTTP.send(
                    HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    response.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode json(String text) {
        return JSON.readTree(text);
    }

    private record Response(int status, String contentType, String body) {
        JsonNode json() {
            return JSON.readTree(body);
        }
    }

    /**
     * The Prometheus scrape without the {@code application} label every series carries, so the
     * assertions read as the KPI's own labels.
     */
    private String prometheus() {
        return get("/actuator/prometheus").body().replace("{application=\"analytics-service\"}", "")
                .replace("application=\"analytics-service\",", "");
    }
}
