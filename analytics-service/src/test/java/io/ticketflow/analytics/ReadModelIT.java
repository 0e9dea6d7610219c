package io.ticketflow.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.ticketflow.events.AnswerAccepted;
import io.ticketflow.events.EscalationLevel;
import io.ticketflow.events.TicketEscalated;
import io.ticketflow.events.Channel;
import io.ticketflow.events.Department;
import io.ticketflow.events.Nature;
import io.ticketflow.events.Priority;
import io.ticketflow.events.RatingReceived;
import io.ticketflow.events.ReplyAuthor;
import io.ticketflow.events.SlaBreached;
import io.ticketflow.events.SlaClockMet;
import io.ticketflow.events.SlaClockStarted;
import io.ticketflow.events.SlaMetric;
import io.ticketflow.events.TicketAssigned;
import io.ticketflow.events.TicketCreated;
import io.ticketflow.events.TicketQueued;
import io.ticketflow.events.TicketReplied;
import io.ticketflow.events.TicketResolved;
import io.ticketflow.events.TicketStatus;
import io.ticketflow.events.TicketType;
import io.ticketflow.events.TicketflowEvent;
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
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The read models over HTTP: timeline, grouped KPIs, buckets, reports, alerts and the before/after
 * comparison, fed by events on the real broker. Each scenario lives in its own days of 2032 and
 * uses its own ids, so the scenarios never see each other's tickets.
 */
@AnalyticsServiceTest
class ReadModelIT {

    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    static RawRecords raw;

    @LocalServerPort
    int port;

    @Autowired
    TestClock clock;

    @Autowired
    MeterRegistry meters;

    @BeforeAll
    static void openProducer() {
        raw = new RawRecords();
    }

    @AfterAll
    static void closeProducer() {
        raw.close();
    }

    @Test
    void the_timeline_lists_every_event_in_business_order_with_the_milestones() {
        Instant t0 = Instant.parse("2032-01-05T09:00:00Z");
        String id = UUID.randomUUID().toString();
        String no = "203201-" + id.substring(0, 6);
        // given the ticket's events, delivered out of order across topics
        raw.publish(UUID.randomUUID(), new RatingReceived(id, no, "s-" + id, 5, 10, null, t0.plusSeconds(7200)));
        raw.publish(UUID.randomUUID(), created(id, no, t0, "billing"));
        raw.publish(UUID.randomUUID(), new TicketAssigned(id, no, "agent-1", "team-a", Department.TECH, 1, "skill", t0.plusSeconds(120)));
        raw.publish(UUID.randomUUID(), new TicketQueued(id, no, Department.TECH, Priority.P1, t0.plusSeconds(30)));
        raw.publish(UUID.randomUUID(), new TicketReplied(id, no, 2, t0.plusSeconds(600), ReplyAuthor.AGENT, "agent-1", true,
                "Call me on 13812345678"));
        raw.publish(UUID.randomUUID(), new TicketResolved(id, no, 3, t0.plusSeconds(3600), "agent-1", "done", null, 1));

        // then the timeline reads in business order with the time since creation and since the previous event
        await().atMost(PATIENCE).untilAsserted(() ->
                assertThat(get("/api/v1/tickets/" + no + "/timeline").json().path("events").size()).isEqualTo(6));
        JsonNode timeline = get("/api/v1/tickets/" + no + "/timeline").json();
        assertThat(texts(timeline.path("events"), "event")).containsExactly("TicketCreated", "TicketQueued", "TicketAssigned",
                "TicketReplied", "TicketResolved", "RatingReceived");
        assertThat(longs(timeline.path("events"), "sincePreviousSeconds")).containsExactly(null, 30L, 90L, 480L, 3000L, 3600L);
        assertThat(timeline.path("milestones").toString())
                .isEqualTo("{\"queued\":30,\"assigned\":120,\"firstResponse\":600,\"resolved\":3600}");
        assertThat(timeline.path("status").asText()).isEqualTo("RESOLVED");
        assertThat(timeline.toString()).doesNotContain("13812345678");

        // and an unknown ticket is a 404 problem
        Response unknown = get("/api/v1/tickets/209912-nothing/timeline");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.contentType()).startsWith("application/problem+json");
    }

    @Test
    void kpis_group_by_team_and_agent_and_an_unknown_grouping_is_a_problem() {
        Instant t0 = Instant.parse("2032-02-03T09:00:00Z");
        String team = "team-" + UUID.randomUUID().toString().substring(0, 8);
        String window = "/api/v1/kpis?from=2032-02-03T00:00:00Z&to=2032-02-04T00:00:00Z";
        // given two tickets of one team (agents 1 and 2) and one unassigned
        List<String> ids = List.of(UUID.randomUUID().toString(), UUID.randomUUID().toString(), UUID.randomUUID().toString());
        for (int i = 0; i < 3; i++) {
            raw.publish(UUID.randomUUID(), created(ids.get(i), "203202-00000" + i, t0.plusSeconds(i), "billing"));
        }
        raw.publish(UUID.randomUUID(), new TicketAssigned(ids.get(0), "203202-000000", team + "-agent-1", team, Department.TECH, 1,
                "skill", t0.plusSeconds(60)));
        raw.publish(UUID.randomUUID(), new TicketAssigned(ids.get(1), "203202-000001", team + "-agent-2", team, Department.TECH, 1,
                "skill", t0.plusSeconds(60)));
        raw.publish(UUID.randomUUID(), new TicketResolved(ids.get(0), "203202-000000", 2, t0.plusSeconds(1800), team + "-agent-1",
                null, null, 1));

        // then grouped by team, the team handled 2 and resolved 1
        await().atMost(PATIENCE).untilAsserted(() -> {
            JsonNode byTeam = get(window + "&groupBy=team").json();
            assertThat(byTeam.path("groupBy").asText()).isEqualTo("team");
            assertThat(byTeam.path("groups").path(team).path("ticketsCreated").asLong()).isEqualTo(2);
            assertThat(byTeam.path("groups").path(team).path("ticketsResolved").asLong()).isEqualTo(1);
            assertThat(byTeam.path("groups").path(team).path("meanResolutionSeconds").asDouble()).isEqualTo(1800.0);
            assertThat(byTeam.path("groups").path("(none)").path("ticketsCreated").asLong()).isEqualTo(1);
            assertThat(byTeam.path("ticketsCreated").asLong()).isEqualTo(3);
        });
        JsonNode byAgent = get(window + "&groupBy=agent").json();
        assertThat(byAgent.path("groups").path(team + "-agent-1").path("ticketsResolved").asLong()).isEqualTo(1);
        assertThat(byAgent.path("groups").path(team + "-agent-2").path("backlog").asLong()).isEqualTo(1);

        // and an unknown grouping names the allowed values
        Response colour = get(window + "&groupBy=colour");
        assertThat(colour.status()).isEqualTo(400);
        assertThat(colour.contentType()).startsWith("application/problem+json");
        assertThat(colour.json().path("errors").get(0).path("field").asText()).isEqualTo("groupBy");
        assertThat(colour.json().path("errors").get(0).path("message").asText())
                .contains("channel, type, nature, priority, department, team, agent");
    }

    @Test
    void buckets_count_each_event_once_per_hour_and_day_and_self_service_deflects_tickets() {
        Instant t0 = Instant.parse("2032-03-04T10:15:00Z");
        String tag = "bucket-" + UUID.randomUUID().toString().substring(0, 8);
        // given three tickets tagged alike, two in the 10:00 hour and one at 11:40, and one accepted self-service answer
        Map<UUID, TicketflowEvent> stream = new LinkedHashMap<>();
        stream.put(UUID.randomUUID(), created(UUID.randomUUID().toString(), "203203-000001", t0, tag));
        stream.put(UUID.randomUUID(), created(UUID.randomUUID().toString(), "203203-000002", t0.plusSeconds(600), tag));
        stream.put(UUID.randomUUID(), created(UUID.randomUUID().toString(), "203203-000003", t0.plusSeconds(5100), tag));
        stream.put(UUID.randomUUID(), new AnswerAccepted("q-" + tag, "kb-1", Channel.WEB, null, t0));
        stream.forEach(raw::publish);
        String day = "/api/v1/buckets?period=day&dimension=tag&value=" + tag + "&from=2032-03-04T00:00:00Z&to=2032-03-05T00:00:00Z";
        await().atMost(PATIENCE).untilAsserted(() ->
                assertThat(get(day).json().path(0).path("counts").path("created").asLong()).isEqualTo(3));

        // when every event is delivered again
        stream.forEach(raw::publish);
        // and a marker ticket (at 11:45) follows the redeliveries on the same topic
        raw.publish(UUID.randomUUID(), created(UUID.randomUUID().toString(), "203203-000004", t0.plusSeconds(5400), tag));
        await().atMost(PATIENCE).untilAsserted(() ->
                assertThat(get(day).json().path(0).path("counts").path("created").asLong()).isEqualTo(4));

        // then the duplicates added nothing: 4 = 3 + the marker; by hour 2 and 2
        JsonNode hours = get("/api/v1/buckets?period=hour&dimension=tag&value=" + tag
                + "&from=2032-03-04T00:00:00Z&to=2032-03-05T00:00:00Z").json();
        assertThat(hours.size()).isEqualTo(2);
        assertThat(hours.path(0).path("start").asText()).isEqualTo("2032-03-04T10:00:00Z");
        assertThat(hours.path(0).path("counts").path("created").asLong()).isEqualTo(2);
        assertThat(hours.path(1).path("counts").path("created").asLong()).isEqualTo(2);
        await().atMost(PATIENCE).untilAsserted(() -> {
            JsonNode deflection = get("/api/v1/kpis?from=2032-03-04T00:00:00Z&to=2032-03-05T00:00:00Z")
                    .json().path("selfServiceDeflection");
            assertThat(deflection.path("count").asLong()).isEqualTo(1);
            assertThat(deflection.path("of").asLong()).isEqualTo(5);
            assertThat(deflection.path("ratio").asDouble()).isEqualTo(0.2);
        });

        // and a bad period is a problem
        Response bad = get("/api/v1/buckets?period=week&from=2032-03-04T00:00:00Z&to=2032-03-05T00:00:00Z");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().path("errors").get(0).path("field").asText()).isEqualTo("period");
    }

    @Test
    void a_daily_report_compares_with_the_day_before_and_names_the_top_issues_and_the_worst_breaches() {
        Instant day = Instant.parse("2032-04-06T08:00:00Z");
        Instant dayBefore = Instant.parse("2032-04-05T08:00:00Z");
        clock.set(Instant.parse("2032-04-06T20:00:00Z"));
        String slow = UUID.randomUUID().toString();
        String slower = UUID.randomUUID().toString();
        // given three tickets today (two tagged payment, one login), one yesterday; two first-response breaches today
        raw.publish(UUID.randomUUID(), created(slow, "203204-000001", day, "payment"));
        raw.publish(UUID.randomUUID(), created(slower, "203204-000002", day.plusSeconds(60), "payment"));
        raw.publish(UUID.randomUUID(), created(UUID.randomUUID().toString(), "203204-000003", day.plusSeconds(120), "login"));
        raw.publish(UUID.randomUUID(), created(UUID.randomUUID().toString(), "203204-000004", dayBefore, "payment"));
        raw.publish(UUID.randomUUID(), new SlaClockStarted(slow, "203204-000001", "c-" + slow, SlaMetric.FIRST_RESPONSE, Priority.P1,
                Duration.ofHours(1), day, day.plusSeconds(3600)));
        raw.publish(UUID.randomUUID(), new SlaBreached(slow, "203204-000001", "c-" + slow, SlaMetric.FIRST_RESPONSE, Priority.P1,
                Department.TECH, day.plusSeconds(3600), day.plusSeconds(3600), 1));
        raw.publish(UUID.randomUUID(), new TicketReplied(slow, "203204-000001", 2, day.plusSeconds(4200), ReplyAuthor.AGENT,
                "agent-1", true, "Sorry"));
        raw.publish(UUID.randomUUID(), new SlaClockMet(slow, "203204-000001", "c-" + slow, SlaMetric.FIRST_RESPONSE, day,
                day.plusSeconds(3600), day.plusSeconds(4200), false));
        raw.publish(UUID.randomUUID(), new SlaClockStarted(slower, "203204-000002", "c-" + slower, SlaMetric.FIRST_RESPONSE,
                Priority.P1, Duration.ofHours(1), day.plusSeconds(60), day.plusSeconds(3660)));
        raw.publish(UUID.randomUUID(), new SlaBreached(slower, "203204-000002", "c-" + slower, SlaMetric.FIRST_RESPONSE,
                Priority.P1, Department.TECH, day.plusSeconds(3660), day.plusSeconds(3660), 1));

        // then the daily report has today's and yesterday's figures, the top issues and the breaches, worst first
        await().atMost(PATIENCE).untilAsserted(() -> {
            JsonNode report = get("/api/v1/reports/daily?date=2032-04-06").json();
            assertThat(report.path("current").path("ticketsCreated").asLong()).isEqualTo(3);
            assertThat(report.path("previous").path("ticketsCreated").asLong()).isEqualTo(1);
            assertThat(report.path("worstBreaches").size()).isEqualTo(2);
        });
        JsonNode report = get("/api/v1/reports/daily?date=2032-04-06").json();
        assertThat(report.path("from").asText()).isEqualTo("2032-04-06T00:00:00Z");
        assertThat(report.path("previousFrom").asText()).isEqualTo("2032-04-05T00:00:00Z");
        assertThat(report.path("headline").get(0).toString())
                .isEqualTo("{\"name\":\"ticketsCreated\",\"current\":3.0,\"previous\":1.0,\"change\":2.0}");
        assertThat(report.path("topTags").toString()).isEqualTo(
                "[{\"value\":\"payment\",\"tickets\":2,\"previousTickets\":1},{\"value\":\"login\",\"tickets\":1,\"previousTickets\":0}]");
        assertThat(report.path("topTypes").get(0).path("value").asText()).isEqualTo("FUNCTION");
        // the unanswered breach is overdue until now (20:00 − 09:01), the answered one 10 min
        assertThat(texts(report.path("worstBreaches"), "ticketNo")).containsExactly("203204-000002", "203204-000001");
        assertThat(longs(report.path("worstBreaches"), "overdueSeconds")).containsExactly(39540L, 600L);

        // and the same report as CSV
        Response csv = get("/api/v1/reports/daily?date=2032-04-06&format=csv");
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.contentType()).startsWith("text/csv");
        assertThat(csv.body()).startsWith("section,name,current,previous,change\r\n")
                .contains("headline,ticketsCreated,3,1,2\r\n", "top_tag,payment,2,1,\r\n",
                        "worst_breach,203204-000002 FIRST_RESPONSE,39540,,\r\n");

        // and bad requests are problems
        assertThat(get("/api/v1/reports/yearly").status()).isEqualTo(404);
        Response badDate = get("/api/v1/reports/daily?date=06.04.2032");
        assertThat(badDate.status()).isEqualTo(400);
        assertThat(badDate.json().path("errors").get(0).path("field").asText()).isEqualTo("date");
        assertThat(get("/api/v1/reports/weekly?format=xml").json().path("errors").get(0).path("field").asText())
                .isEqualTo("format");
    }

    @Test
    void a_surge_of_one_tag_raises_a_hot_issue_alert_shown_to_prometheus() {
        Instant hour = Instant.parse("2032-05-07T10:00:00Z");
        String tag = "outage-" + UUID.randomUUID().toString().substring(0, 8);
        clock.set(hour.plusSeconds(1800));
        // given one ticket with the tag in the previous 24 h and four in this hour (the test minimum is 3)
        raw.publish(UUID.randomUUID(), created(UUID.randomUUID().toString(), "203205-000000", hour.minusSeconds(5 * 3600), tag));
        for (int i = 1; i <= 4; i++) {
            raw.publish(UUID.randomUUID(), created(UUID.randomUUID().toString(), "203205-00000" + i, hour.plusSeconds(i * 60), tag));
        }

        // then the tag is a hot issue: 4 this hour against 1/24 per hour
        await().atMost(PATIENCE).untilAsserted(() -> {
            JsonNode alerts = get("/api/v1/alerts").json();
            JsonNode hot = find(alerts, "subject", tag);
            assertThat(hot).isNotNull();
            assertThat(hot.path("kind").asText()).isEqualTo("HOT_ISSUE");
            assertThat(hot.path("currentCount").asLong()).isEqualTo(4);
            assertThat(hot.path("baselineCount").asLong()).isEqualTo(1);
        });
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(prometheus())
                .containsPattern("(?m)^ticketflow_hot_issue_active\\{tag=\"" + tag + "\"} 1.0$")
                .containsPattern("(?m)^ticketflow_alerts_active\\{kind=\"hot_issue\"} [1-9]"));

        // and an hour later, without new tickets, it is no longer hot
        clock.set(hour.plusSeconds(3 * 3600));
        assertThat(find(get("/api/v1/alerts").json(), "subject", tag)).isNull();
    }

    @Test
    void a_team_resolving_a_fifth_slower_than_last_week_raises_an_anomaly() {
        Instant now = Instant.parse("2032-06-15T12:00:00Z");
        String team = "slow-" + UUID.randomUUID().toString().substring(0, 8);
        clock.set(now);
        // given five tickets last week resolved in 100 min and five this week in 125 min
        List<String> lastWeek = tickets(team, now.minus(Duration.ofDays(10)), 6000, "203206-1");
        List<String> thisWeek = tickets(team, now.minus(Duration.ofDays(2)), 7500, "203206-2");

        // then the team is an anomaly, with the counts behind it
        await().atMost(PATIENCE).untilAsserted(() -> {
            JsonNode anomaly = find(get("/api/v1/alerts").json(), "subject", team);
            assertThat(anomaly).isNotNull();
            assertThat(anomaly.path("kind").asText()).isEqualTo("RESOLUTION_ANOMALY");
            assertThat(anomaly.path("current").asDouble()).isEqualTo(7500.0);
            assertThat(anomaly.path("baseline").asDouble()).isEqualTo(6000.0);
            assertThat(anomaly.path("currentCount").asLong()).isEqualTo(5);
            assertThat(anomaly.path("baselineCount").asLong()).isEqualTo(5);
        });
        assertThat(lastWeek).hasSize(5);
        assertThat(thisWeek).hasSize(5);
    }

    @Test
    void a_pilot_team_is_compared_before_and_after_against_the_rest() {
        Instant before = Instant.parse("2032-07-01T08:00:00Z");
        Instant after = Instant.parse("2032-07-20T08:00:00Z");
        String pilot = "pilot-" + UUID.randomUUID().toString().substring(0, 8);
        String rest = "rest-" + UUID.randomUUID().toString().substring(0, 8);
        // given the pilot resolved in 120 min before and 75 min after; the rest in 100 min both times
        tickets(pilot, before, 7200, "203207-1");
        tickets(pilot, after, 4500, "203207-2");
        tickets(rest, before, 6000, "203207-3");
        tickets(rest, after, 6000, "203207-4");
        String query = "/api/v1/compare?group=team:" + pilot + "&baseline=rest"
                + "&before=2032-07-01T00:00:00Z/2032-07-08T00:00:00Z&after=2032-07-20T00:00:00Z/2032-07-27T00:00:00Z";

        // then resolution time is 37.5 % better for the pilot, unchanged for the rest
        await().atMost(PATIENCE).untilAsserted(() -> {
            JsonNode resolution = find(get(query).json().path("figures"), "name", "meanResolutionSeconds");
            assertThat(resolution.path("group").toString()).isEqualTo(
                    "{\"before\":7200.0,\"beforeCount\":5,\"after\":4500.0,\"afterCount\":5,\"improvementPercent\":37.5}");
            assertThat(resolution.path("baseline").path("improvementPercent").asDouble()).isEqualTo(0.0);
            assertThat(resolution.path("baseline").path("afterCount").asLong()).isEqualTo(5);
        });

        // and bad parameters are named
        Response bad = get("/api/v1/compare?group=pilot&before=yesterday&after=2032-07-20T00:00:00Z/2032-07-27T00:00:00Z");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(texts(bad.json().path("errors"), "field")).containsExactly("group", "before");
        Response missing = get("/api/v1/compare?group=team:" + pilot);
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.contentType()).startsWith("application/problem+json");
        assertThat(texts(missing.json().path("errors"), "field")).containsExactly("before");
    }

    @Test
    void breaches_and_escalations_are_counted_for_prometheus_once_however_often_they_are_delivered() {
        Instant t0 = Instant.parse("2032-08-09T09:00:00Z");
        String id = UUID.randomUUID().toString();
        String no = "203208-" + id.substring(0, 6);
        double breachesBefore = counter("ticketflow.kpi.sla.breaches", "department", "logistics");
        double escalationsBefore = counter("ticketflow.kpi.escalations", "department", "logistics");
        UUID breachId = UUID.randomUUID();
        UUID escalationId = UUID.randomUUID();
        SlaBreached breach = new SlaBreached(id, no, "c-" + id, SlaMetric.RESOLUTION, Priority.P2, Department.LOGISTICS,
                t0, t0, 1);
        TicketEscalated escalation = new TicketEscalated(id, no, "e-" + id, EscalationLevel.GENERAL, "breach", "team-lead",
                null, Department.LOGISTICS, List.of(), "c-" + id, SlaMetric.RESOLUTION, Priority.P2, null, t0);

        // given a breach and an escalation, each delivered three times, then a marker on the same partition
        for (int i = 0; i < 3; i++) {
            raw.publish(breachId, breach);
            raw.publish(escalationId, escalation);
        }
        raw.publish(UUID.randomUUID(), new SlaClockMet(id, no, "marker-" + id, SlaMetric.FIRST_RESPONSE, t0, t0, t0, true));

        // then once the marker is applied, each was counted exactly once
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(get("/api/v1/tickets/" + no + "/timeline").json()
                .path("events").toString()).contains("SlaClockMet"));
        assertThat(counter("ticketflow.kpi.sla.breaches", "department", "logistics")).isEqualTo(breachesBefore + 1);
        assertThat(counter("ticketflow.kpi.escalations", "department", "logistics")).isEqualTo(escalationsBefore + 1);
        assertThat(get("/api/v1/tickets/" + no + "/timeline").json().path("events").size()).isEqualTo(3);
        assertThat(prometheus())
                .containsPattern("(?m)^ticketflow_kpi_sla_breaches_total\\{department=\"logistics\",metric=\"RESOLUTION\"} [1-9]")
                .containsPattern("(?m)^ticketflow_kpi_escalations_total\\{department=\"logistics\",level=\"GENERAL\"} [1-9]");
    }

    private double counter(String name, String tag, String value) {
        return meters.find(name).tag(tag, value).counters().stream().mapToDouble(Counter::count).sum();
    }

    /** Five tickets of a team created at {@code start} + i minutes, each resolved {@code seconds} later. */
    private List<String> tickets(String team, Instant start, long seconds, String prefix) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            String id = UUID.randomUUID().toString();
            String no = prefix + "0000" + i + "-" + team;
            Instant at = start.plusSeconds(i * 60L);
            raw.publish(UUID.randomUUID(), created(id, no, at, "general"));
            raw.publish(UUID.randomUUID(), new TicketAssigned(id, no, team + "-agent", team, Department.TECH, 1, "skill", at));
            raw.publish(UUID.randomUUID(), new TicketResolved(id, no, 2, at.plusSeconds(seconds), team + "-agent", null, null, 1));
            ids.add(id);
        }
        return ids;
    }

    private static TicketCreated created(String ticketId, String ticketNo, Instant at, String tag) {
        return new TicketCreated(ticketId, ticketNo, 1, at, Channel.WEB, "c-" + ticketId, "138****5678", false,
                "Payment failed", "Payment fails", List.of(tag), TicketType.FUNCTION, Nature.COMPLAINT,
                Priority.P1, Department.TECH, TicketStatus.NEW, List.of());
    }

    private static JsonNode find(JsonNode array, String field, String value) {
        for (JsonNode node : array) {
            if (value.equals(node.path(field).asText())) {
                return node;
            }
        }
        return null;
    }

    private static List<String> texts(JsonNode array, String field) {
        List<String> values = new ArrayList<>();
        array.forEach(node -> values.add(node.path(field).asText()));
        return values;
    }

    private static List<Long> longs(JsonNode array, String field) {
        List<Long> values = new ArrayList<>();
        array.forEach(node -> values.add(node.path(field).isNull() || node.path(field).isMissingNode() ? null : node.path(field).asLong()));
        return values;
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
