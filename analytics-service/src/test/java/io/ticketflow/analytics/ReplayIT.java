package io.ticketflow.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.ticketflow.events.AnswerAccepted;
import io.ticketflow.events.CallbackCompleted;
import io.ticketflow.events.CallbackOpened;
import io.ticketflow.events.CallbackOutcome;
import io.ticketflow.events.Channel;
import io.ticketflow.events.Department;
import io.ticketflow.events.EscalationLevel;
import io.ticketflow.events.Nature;
import io.ticketflow.events.Priority;
import io.ticketflow.events.RatingReceived;
import io.ticketflow.events.RepeatContactDetected;
import io.ticketflow.events.ReplyAuthor;
import io.ticketflow.events.SlaBreached;
import io.ticketflow.events.SlaClockMet;
import io.ticketflow.events.SlaClockStarted;
import io.ticketflow.events.SlaMetric;
import io.ticketflow.events.SurveySent;
import io.ticketflow.events.TicketAssigned;
import io.ticketflow.events.TicketClosed;
import io.ticketflow.events.TicketCreated;
import io.ticketflow.events.TicketEscalated;
import io.ticketflow.events.TicketReopened;
import io.ticketflow.events.TicketReplied;
import io.ticketflow.events.TicketResolved;
import io.ticketflow.events.TicketStatus;
import io.ticketflow.events.TicketTransferred;
import io.ticketflow.events.TicketType;
import io.ticketflow.events.TicketflowEvent;
import io.ticketflow.testkit.RawRecords;
import io.ticketflow.testkit.TestInfrastructure;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * Replay: a second analytics-service, with an empty database and a consumer group of its own,
 * reads every topic from the beginning and must end up with exactly the same figures as the
 * service that consumed the events live — every KPI, every grouping, every bucket, every
 * timeline, the report. The stream includes redeliveries and events overtaking each other.
 */
@AnalyticsServiceTest
class ReplayIT {

    private static final Duration PATIENCE = Duration.ofSeconds(90);
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Instant NOW = Instant.parse("2033-01-20T00:00:00Z");
    private static final String WINDOW = "from=2033-01-01T00:00:00Z&to=2033-02-01T00:00:00Z";

    @LocalServerPort
    int port;

    @Autowired
    TestClock clock;

    @Test
    void replaying_every_topic_into_an_empty_database_gives_exactly_the_same_figures() {
        clock.set(NOW);
        Map<UUID, TicketflowEvent> stream = stream();
        try (RawRecords raw = new RawRecords()) {
            // given the stream consumed live, every event delivered twice
            stream.forEach(raw::publish);
            stream.forEach(raw::publish);
        }
        List<String> ticketNos = stream.values().stream().filter(TicketCreated.class::isInstance)
                .map(e -> ((TicketCreated) e).ticketNo()).toList();
        await().atMost(PATIENCE).untilAsserted(() -> {
            String kpis = get(port, "/api/v1/kpis?" + WINDOW);
            assertThat(kpis).contains("\"ticketsCreated\":4", "\"escalations\":1", "\"callbacksOpened\":1");
            assertThat(get(port, "/api/v1/tickets/" + ticketNos.get(0) + "/timeline")).contains("CallbackCompleted");
        });

        // when a second instance replays every topic from the beginning into an empty database
        String database = "analytics-replay-" + UUID.randomUUID().toString().substring(0, 8);
        try (ConfigurableApplicationContext replay = new SpringApplicationBuilder(AnalyticsApplication.class, ReplayClock.class)
                .run("--server.port=0",
                        "--spring.kafka.bootstrap-servers=" + TestInfrastructure.get().kafkaBootstrapServers(),
                        "--spring.mongodb.uri=" + TestInfrastructure.get().mongoUri(database),
                        "--spring.mongodb.database=" + database,
                        "--spring.kafka.consumer.group-id=" + database,
                        "--management.health.mongodb.enabled=false", "--management.health.mongo.enabled=false")) {
            int replayPort = ((WebServerApplicationContext) replay).getWebServer().getPort();

            // then every figure is the same
            List<String> paths = new ArrayList<>();
            paths.add("/api/v1/kpis?" + WINDOW);
            for (String dimension : List.of("channel", "type", "nature", "priority", "department", "team", "agent")) {
                paths.add("/api/v1/kpis?" + WINDOW + "&groupBy=" + dimension);
            }
            for (String period : List.of("hour", "day")) {
                for (String dimension : List.of("all", "channel", "type", "nature", "priority", "department", "team", "agent", "tag")) {
                    paths.add("/api/v1/buckets?period=" + period + "&dimension=" + dimension + "&" + WINDOW);
                }
            }
            ticketNos.forEach(no -> paths.add("/api/v1/tickets/" + no + "/timeline"));
            paths.add("/api/v1/reports/daily?date=2033-01-10");
            paths.add("/api/v1/reports/monthly?date=2033-01-10&format=csv");
            paths.add("/api/v1/compare?group=team:replay-a&before=2033-01-01T00:00:00Z/2033-01-10T00:00:00Z"
                    + "&after=2033-01-10T00:00:00Z/2033-02-01T00:00:00Z");
            await().atMost(PATIENCE).untilAsserted(() -> {
                for (String path : paths) {
                    assertThat(get(replayPort, path)).as(path).isEqualTo(get(port, path));
                }
            });
        }
    }

    private static Map<UUID, TicketflowEvent> stream() {
        Instant t0 = Instant.parse("2033-01-10T08:00:00Z");
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        String a = "a-" + suffix;
        String b = "b-" + suffix;
        String c = "c-" + suffix;
        String d = "d-" + suffix;
        String noA = "203301-a" + suffix;
        String noB = "203301-b" + suffix;
        String noC = "203301-c" + suffix;
        String noD = "203301-d" + suffix;
        Map<UUID, TicketflowEvent> events = new LinkedHashMap<>();
        // A: answered, breached, escalated, resolved, rated low, called back, reopened, resolved, rated high
        events.put(UUID.randomUUID(), new RatingReceived(a, noA, "s1-" + a, 2, 3, "slow", t0.plusSeconds(9000)));
        events.put(UUID.randomUUID(), created(a, noA, t0, Channel.PHONE, Priority.P1, "payment"));
        events.put(UUID.randomUUID(), new TicketAssigned(a, noA, "agent-a", "replay-a", Department.TECH, 1, "skill", t0.plusSeconds(60)));
        events.put(UUID.randomUUID(), new SlaClockStarted(a, noA, "fr-" + a, SlaMetric.FIRST_RESPONSE, Priority.P1,
                Duration.ofMinutes(30), t0, t0.plusSeconds(1800)));
        events.put(UUID.randomUUID(), new SlaBreached(a, noA, "fr-" + a, SlaMetric.FIRST_RESPONSE, Priority.P1, Department.TECH,
                t0.plusSeconds(1800), t0.plusSeconds(1800), 1));
        events.put(UUID.randomUUID(), new TicketEscalated(a, noA, "esc-" + a, EscalationLevel.MAJOR, "breach", "team-lead",
                "lead-1", Department.TECH, List.of(), "fr-" + a, SlaMetric.FIRST_RESPONSE, Priority.P1, "agent-a",
                t0.plusSeconds(1800)));
        events.put(UUID.randomUUID(), new TicketReplied(a, noA, 2, t0.plusSeconds(2400), ReplyAuthor.AGENT, "agent-a", true, "Hi"));
        events.put(UUID.randomUUID(), new SlaClockMet(a, noA, "fr-" + a, SlaMetric.FIRST_RESPONSE, t0, t0.plusSeconds(1800),
                t0.plusSeconds(2400), false));
        events.put(UUID.randomUUID(), new TicketResolved(a, noA, 3, t0.plusSeconds(7200), "agent-a", "fixed", null, 1));
        events.put(UUID.randomUUID(), new SurveySent(a, noA, "s1-" + a, 1, null, t0.plusSeconds(7300), null));
        events.put(UUID.randomUUID(), new CallbackOpened(a, noA, "cb-" + a, "s1-" + a, 2, "lead-1", t0.plusSeconds(9001),
                t0.plusSeconds(90_000)));
        events.put(UUID.randomUUID(), new CallbackCompleted(a, noA, "cb-" + a, "lead-1", true, null, null, null,
                CallbackOutcome.REOPEN, 1, 2, "lead-1", "replay-a", t0.plusSeconds(9001), t0.plusSeconds(90_000),
                t0.plusSeconds(10_000)));
        events.put(UUID.randomUUID(), new TicketReopened(a, noA, 4, t0.plusSeconds(10_001), "callback", 1, "lead-1", "agent-a"));
        events.put(UUID.randomUUID(), new TicketResolved(a, noA, 5, t0.plusSeconds(12_000), "agent-a", "fixed", null, 2));
        events.put(UUID.randomUUID(), new RatingReceived(a, noA, "s2-" + a, 5, 10, null, t0.plusSeconds(13_000), null, 2, true));
        // B: transferred, resolved fast, closed
        events.put(UUID.randomUUID(), created(b, noB, t0.plusSeconds(600), Channel.WEB, Priority.P2, "login"));
        events.put(UUID.randomUUID(), new TicketAssigned(b, noB, "agent-b", "replay-b", Department.TECH, 1, "skill", t0.plusSeconds(700)));
        events.put(UUID.randomUUID(), new TicketTransferred(b, noB, "agent-b", "agent-c", "replay-c", Department.TECH,
                Department.OPERATIONS, "wrong queue", 1, "agent-b", t0.plusSeconds(800)));
        events.put(UUID.randomUUID(), new TicketResolved(b, noB, 2, t0.plusSeconds(1600), "agent-c", null, null, 1));
        events.put(UUID.randomUUID(), new TicketClosed(b, noB, 3, t0.plusSeconds(90_000), "auto", null));
        // C: a repeat contact, still open; D: another day, untouched
        events.put(UUID.randomUUID(), created(c, noC, t0.plusSeconds(3600), Channel.EMAIL, Priority.P3, "payment"));
        events.put(UUID.randomUUID(), new RepeatContactDetected(c, noC, 2, t0.plusSeconds(3600), a, noA, true, 2, "customer"));
        events.put(UUID.randomUUID(), created(d, noD, t0.plusSeconds(86_400 * 3), Channel.WEB, Priority.P0, "outage"));
        events.put(UUID.randomUUID(), new AnswerAccepted("q-" + suffix, "kb-7", Channel.WEB, null, t0.plusSeconds(100)));
        return events;
    }

    private static TicketCreated created(String id, String no, Instant at, Channel channel, Priority priority, String tag) {
        return new TicketCreated(id, no, 1, at, channel, "c-" + id, null, false, "Subject", null, List.of(tag),
                TicketType.FUNCTION, Nature.COMPLAINT, priority, Department.TECH, TicketStatus.NEW, List.of());
    }

    private static String get(int port, String path) {
        try {
            HttpResponse<String> response = HTTP.send(
                    HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            return response.statusCode() + " " + response.body();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * The replaying instance's clock stands at the same moment as the live one's. Not a
     * {@code @Configuration}, so the live context's component scan does not pick it up.
     */
    static class ReplayClock {

        @Bean
        @Primary
        Clock replayClock() {
            return Clock.fixed(NOW, ZoneOffset.UTC);
        }
    }
}
