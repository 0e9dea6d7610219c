package io.ticketflow.sla;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.ticketflow.events.CloudEventHeaders;
import io.ticketflow.events.Envelope;
import io.ticketflow.events.EventIds;
import io.ticketflow.events.Priority;
import io.ticketflow.events.SlaClockMet;
import io.ticketflow.events.SlaClockStarted;
import io.ticketflow.events.SlaMetric;
import io.ticketflow.events.TicketCreated;
import io.ticketflow.events.Topics;
import io.ticketflow.sla.calendar.BusinessCalendars;
import io.ticketflow.sla.clock.ClockStore;
import io.ticketflow.sla.clock.SlaClock;
import io.ticketflow.sla.policy.PolicyBook;
import io.ticketflow.testkit.EventProbe;
import io.ticketflow.testkit.RawRecords;
import io.ticketflow.testkit.TicketflowServiceTest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.Import;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.web.servlet.client.RestTestClient;

/** The clocks driven by ticket.lifecycle, as intake publishes it, observed on ticket.sla and over HTTP. */
@TicketflowServiceTest
@Import(SlaTestConfiguration.class)
class SlaClocksIT {

    private static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() { };

    @LocalServerPort
    int port;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    ClockStore store;

    @Autowired
    PolicyBook policies;

    @Autowired
    BusinessCalendars calendars;

    @Autowired
    Clock clock;

    RestTestClient http;
    RawRecords intake;
    EventProbe sla;

    @BeforeEach
    void open() {
        http = RestTestClient.bindToServer().baseUrl("http://localhost:" + port).build();
        intake = new RawRecords();
        sla = EventProbe.open(Topics.Names.SLA);
    }

    @AfterEach
    void close() {
        sla.close();
        intake.close();
    }

    @Test
    void a_new_p1_ticket_starts_a_two_hour_first_response_clock_that_an_agent_reply_meets_on_time() {
        Tickets ticket = Tickets.fresh();
        Instant createdAt = clock.instant().truncatedTo(ChronoUnit.SECONDS);

        intake.publish(UUID.randomUUID(), ticket.created(Priority.P1, createdAt));

        SlaClockStarted started = sla.await(SlaClockStarted.class,
                e -> e.ticketId().equals(ticket.ticketId()) && e.metric() == SlaMetric.FIRST_RESPONSE);
        assertThat(started.ticketNo()).isEqualTo(ticket.ticketNo());
        assertThat(started.clockId()).isEqualTo(EventIds.of("sla-clock", ticket.ticketId(), SlaMetric.FIRST_RESPONSE, 1).toString());
        assertThat(started.priority()).isEqualTo(Priority.P1);
        assertThat(started.budget()).isEqualTo(Duration.ofHours(2));
        assertThat(started.startedAt()).isEqualTo(createdAt);
        assertThat(started.dueAt()).isEqualTo(createdAt.plus(Duration.ofHours(2)));
        Envelope<SlaClockStarted> envelope = sla.awaitEnvelope(SlaClockStarted.class,
                e -> e.clockId().equals(started.clockId()), EventProbe.DEFAULT_TIMEOUT);
        assertThat(envelope.id()).isEqualTo(EventIds.of("sla-clock-started", started.clockId()));
        assertThat(envelope.source()).isEqualTo("/ticketflow/sla-service");
        assertThat(envelope.subject()).isEqualTo(ticket.ticketNo());
        SlaClockStarted resolution = sla.await(SlaClockStarted.class,
                e -> e.ticketId().equals(ticket.ticketId()) && e.metric() == SlaMetric.RESOLUTION);
        assertThat(resolution.dueAt()).isEqualTo(createdAt.plus(Duration.ofHours(8)));

        Map<String, Object> running = firstResponseClock(ticket);
        assertThat(running).containsOnlyKeys("clockId", "metric", "scope", "round", "state", "priority", "budget", "mode",
                "calendar", "startedAt", "dueAt", "pausedSince", "pausedSeconds", "remainingSeconds", "breached", "warnings",
                "metAt", "onTime", "endedAt", "endReason");
        assertThat(running).containsEntry("clockId", started.clockId())
                .containsEntry("state", "RUNNING")
                .containsEntry("priority", "P1")
                .containsEntry("budget", "PT2H")
                .containsEntry("mode", "CALENDAR")
                .containsEntry("startedAt", createdAt.toString())
                .containsEntry("dueAt", createdAt.plus(Duration.ofHours(2)).toString())
                .containsEntry("metAt", null)
                .containsEntry("onTime", null);
        assertThat(((Number) running.get("remainingSeconds")).longValue()).isBetween(6_000L, 7_200L);

        Instant repliedAt = createdAt.plus(Duration.ofMinutes(30));
        intake.publish(UUID.randomUUID(), ticket.agentReply(repliedAt));

        Envelope<SlaClockMet> met = sla.awaitEnvelope(SlaClockMet.class,
                e -> e.clockId().equals(started.clockId()), EventProbe.DEFAULT_TIMEOUT);
        assertThat(met.id()).isEqualTo(EventIds.of("sla-clock-met", started.clockId()));
        assertThat(met.event().onTime()).isTrue();
        assertThat(met.event().metAt()).isEqualTo(repliedAt);
        assertThat(met.event().dueAt()).isEqualTo(started.dueAt());
        assertThat(firstResponseClock(ticket)).containsEntry("state", "MET")
                .containsEntry("metAt", repliedAt.toString())
                .containsEntry("onTime", true)
                .containsEntry("remainingSeconds", null);
        assertThat(store.byId(started.clockId()).orElseThrow().pendingEvents()).isEmpty();
    }

    @Test
    void a_reply_after_the_deadline_meets_the_clock_late() {
        Tickets ticket = Tickets.fresh();
        Instant createdAt = Instant.parse("2026-11-23T01:00:00Z");
        intake.publish(UUID.randomUUID(), ticket.created(Priority.P1, createdAt));

        intake.publish(UUID.randomUUID(), ticket.agentReply(createdAt.plus(Duration.ofHours(3))));

        SlaClockMet met = sla.await(SlaClockMet.class,
                e -> e.ticketId().equals(ticket.ticketId()) && e.metric() == SlaMetric.FIRST_RESPONSE);
        assertThat(met.onTime()).isFalse();
        assertThat(met.metAt()).isEqualTo(Instant.parse("2026-11-23T04:00:00Z"));
        assertThat(met.dueAt()).isEqualTo(Instant.parse("2026-11-23T03:00:00Z"));
        assertThat(firstResponseClock(ticket)).containsEntry("state", "MET").containsEntry("onTime", false);
    }

    @Test
    void a_customer_reply_leaves_the_clock_running_and_resolution_stops_both_clocks() {
        Tickets ticket = Tickets.fresh();
        Instant createdAt = Instant.parse("2026-11-23T01:00:00Z");
        intake.publish(UUID.randomUUID(), ticket.created(Priority.P2, createdAt));
        intake.publish(UUID.randomUUID(), ticket.customerReply(createdAt.plus(Duration.ofMinutes(10))));

        intake.publish(UUID.randomUUID(), ticket.resolved(createdAt.plus(Duration.ofHours(5))));

        SlaClockMet resolution = sla.await(SlaClockMet.class,
                e -> e.ticketId().equals(ticket.ticketId()) && e.metric() == SlaMetric.RESOLUTION);
        assertThat(resolution.onTime()).isTrue();
        // the first response was due after 4 h; the customer's own reply did not count, the resolution did
        SlaClockMet firstResponse = sla.await(SlaClockMet.class,
                e -> e.ticketId().equals(ticket.ticketId()) && e.metric() == SlaMetric.FIRST_RESPONSE);
        assertThat(firstResponse.metAt()).isEqualTo(createdAt.plus(Duration.ofHours(5)));
        assertThat(firstResponse.onTime()).isFalse();
    }

    @Test
    void a_ticket_created_delivered_twice_or_with_a_new_event_id_starts_each_clock_once() {
        Tickets ticket = Tickets.fresh();
        TicketCreated created = ticket.created(Priority.P0, Instant.parse("2026-11-23T01:00:00Z"));
        UUID eventId = UUID.randomUUID();

        intake.publish(eventId, created);
        intake.publish(eventId, created);
        intake.publish(UUID.randomUUID(), created);
        // a redelivered reply stops nothing twice
        UUID replyId = UUID.randomUUID();
        intake.publish(replyId, ticket.agentReply(Instant.parse("2026-11-23T01:10:00Z")));
        intake.publish(replyId, ticket.agentReply(Instant.parse("2026-11-23T01:10:00Z")));
        // the marker: same key, so the listener has handled everything above once it is out
        intake.publish(UUID.randomUUID(), ticket.resolved(Instant.parse("2026-11-23T02:00:00Z")));
        sla.await(SlaClockMet.class, e -> e.ticketId().equals(ticket.ticketId()) && e.metric() == SlaMetric.RESOLUTION);

        // at-least-once delivery may repeat a record; what counts is one event id per decision
        List<Envelope<SlaClockStarted>> started = distinct(sla.received(SlaClockStarted.class, e -> e.ticketId().equals(ticket.ticketId())));
        assertThat(started).extracting(e -> e.event().metric())
                .containsExactlyInAnyOrder(SlaMetric.FIRST_RESPONSE, SlaMetric.RESOLUTION, SlaMetric.RESOLUTION);
        List<Envelope<SlaClockMet>> met = distinct(sla.received(SlaClockMet.class, e -> e.ticketId().equals(ticket.ticketId())));
        assertThat(met).extracting(e -> e.event().metric())
                .containsExactlyInAnyOrder(SlaMetric.FIRST_RESPONSE, SlaMetric.RESOLUTION, SlaMetric.RESOLUTION);
        assertThat(met).filteredOn(e -> e.event().metric() == SlaMetric.FIRST_RESPONSE).singleElement()
                .satisfies(e -> assertThat(e.event().metAt()).isEqualTo(Instant.parse("2026-11-23T01:10:00Z")));
        // first response, resolution and the P0 emergency-handling milestone, once each
        assertThat(mongo.getCollection("clocks").countDocuments(new org.bson.Document("ticketId", ticket.ticketId()))).isEqualTo(3);
    }

    @Test
    void a_reply_for_a_ticket_never_seen_is_skipped_harmlessly() {
        Tickets unknown = Tickets.fresh();
        try (EventProbe dlt = EventProbe.open(Topics.deadLetter(Topics.Names.LIFECYCLE))) {
            intake.publish(UUID.randomUUID(), unknown.agentReply(Instant.parse("2026-11-23T01:00:00Z")));
            intake.publish(UUID.randomUUID(), unknown.resolved(Instant.parse("2026-11-23T01:05:00Z")));
            // then the ticket's creation arrives after all (same key: handled after the two above)
            intake.publish(UUID.randomUUID(), unknown.created(Priority.P2, Instant.parse("2026-11-23T01:10:00Z")));

            sla.await(SlaClockStarted.class, e -> e.ticketId().equals(unknown.ticketId()) && e.metric() == SlaMetric.RESOLUTION);
            assertThat(sla.received(SlaClockMet.class, e -> e.ticketId().equals(unknown.ticketId()))).isEmpty();
            assertThat(dlt.records()).noneMatch(r -> unknown.ticketId().equals(r.key()));
            assertThat(firstResponseClock(unknown)).containsEntry("state", "RUNNING");
        }
    }

    @Test
    void a_poison_record_is_dead_lettered_and_the_service_keeps_going() {
        try (EventProbe dlt = EventProbe.open(Topics.deadLetter(Topics.Names.LIFECYCLE))) {
            String poisonKey = "poison-" + UUID.randomUUID();
            RecordHeaders headers = new RecordHeaders();
            headers.add(CloudEventHeaders.TYPE, "ticketflow.ticket.created.v1".getBytes(UTF_8));
            headers.add(CloudEventHeaders.ID, UUID.randomUUID().toString().getBytes(UTF_8));
            intake.send(Topics.Names.LIFECYCLE, poisonKey, headers, "{not json".getBytes(UTF_8));

            ConsumerRecord<String, byte[]> dead = dlt.awaitRecord(Topics.deadLetter(Topics.Names.LIFECYCLE),
                    r -> poisonKey.equals(r.key()));
            assertThat(new String(dead.value(), UTF_8)).isEqualTo("{not json");

            Tickets next = Tickets.fresh();
            intake.publish(UUID.randomUUID(), next.created(Priority.P3, Instant.parse("2026-11-20T09:00:00Z")));
            SlaClockStarted started = sla.await(SlaClockStarted.class,
                    e -> e.ticketId().equals(next.ticketId()) && e.metric() == SlaMetric.FIRST_RESPONSE);
            // P3: one working day from Friday 17:00 in Shanghai is Monday 17:00
            assertThat(started.budget()).isEqualTo(Duration.ofHours(9));
            assertThat(started.dueAt()).isEqualTo(Instant.parse("2026-11-23T09:00:00Z"));
            assertThat(firstResponseClock(next)).containsEntry("mode", "WORKING").containsEntry("budget", "PT9H");
        }
    }

    @Test
    void an_event_left_pending_by_a_crash_is_published_by_the_relay_with_its_deterministic_id() {
        Tickets ticket = Tickets.fresh();
        // the state of a handler that crashed after storing the clock and before publishing
        SlaClock leftOver = SlaClock.start(ticket.ticketId(), ticket.ticketNo(), SlaMetric.FIRST_RESPONSE, Priority.P1,
                Instant.parse("2026-11-23T01:00:00Z"), policies.current().policyFor(SlaMetric.FIRST_RESPONSE, Priority.P1),
                calendars.get(policies.current().calendar()), clock.instant().minus(Duration.ofMinutes(1)));
        mongo.insert(leftOver);

        Envelope<SlaClockStarted> published = sla.awaitEnvelope(SlaClockStarted.class,
                e -> e.ticketId().equals(ticket.ticketId()), EventProbe.DEFAULT_TIMEOUT);

        assertThat(published.id()).isEqualTo(EventIds.of("sla-clock-started", leftOver.clockId()));
        assertThat(published.event().dueAt()).isEqualTo(Instant.parse("2026-11-23T03:00:00Z"));
        await().atMost(Duration.ofSeconds(10))
                .until(() -> store.byId(leftOver.clockId()).orElseThrow().pendingEvents().isEmpty());
    }

    static <E extends io.ticketflow.events.TicketflowEvent> List<Envelope<E>> distinct(List<Envelope<E>> received) {
        Map<UUID, Envelope<E>> byId = new java.util.LinkedHashMap<>();
        received.forEach(e -> byId.putIfAbsent(e.id(), e));
        return List.copyOf(byId.values());
    }

    private Map<String, Object> firstResponseClock(Tickets ticket) {
        Map<String, Object> body = http.get().uri("/api/v1/sla/tickets/{ticketNo}", ticket.ticketNo())
                .exchange()
                .expectStatus().isOk()
                .expectBody(JSON)
                .returnResult().getResponseBody();
        assertThat(body).containsEntry("ticketNo", ticket.ticketNo()).containsEntry("ticketId", ticket.ticketId());
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> clocks = (List<Map<String, Object>>) body.get("clocks");
        assertThat(clocks).extracting(c -> c.get("metric")).containsExactly("FIRST_RESPONSE", "RESOLUTION");
        return clocks.get(0);
    }
}
