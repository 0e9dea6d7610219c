package io.ticketflow.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.ticketflow.events.CloudEventHeaders;
import io.ticketflow.events.Department;
import io.ticketflow.events.Envelope;
import io.ticketflow.events.EscalationLevel;
import io.ticketflow.events.Priority;
import io.ticketflow.events.SlaBreached;
import io.ticketflow.events.SlaClockPaused;
import io.ticketflow.events.SlaClockRescheduled;
import io.ticketflow.events.SlaClockResumed;
import io.ticketflow.events.SlaClockStarted;
import io.ticketflow.events.SlaMetric;
import io.ticketflow.events.SlaWarningRaised;
import io.ticketflow.events.TicketEscalated;
import io.ticketflow.events.Topics;
import io.ticketflow.sla.clock.ClockStore;
import io.ticketflow.sla.clock.DeadlineProperties;
import io.ticketflow.sla.clock.Deadlines;
import io.ticketflow.sla.clock.SlaClock;
import io.ticketflow.sla.escalation.Escalations;
import io.ticketflow.sla.escalation.TicketStore;
import io.ticketflow.sla.outbox.OutboxRelay;
import io.ticketflow.sla.policy.PolicyBook;
import io.ticketflow.sla.calendar.BusinessCalendars;
import io.ticketflow.testkit.EventProbe;
import io.ticketflow.testkit.RawRecords;
import io.ticketflow.testkit.TestInfrastructure;
import io.ticketflow.testkit.TicketflowServiceTest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * Clocks fired by the scheduler at their deadlines, time moved forward with the test clock:
 * warnings, the breach, pauses, recomputation, several schedulers racing, a restart with overdue
 * clocks, and the escalation ladder on ticket.sla and the departments' topics.
 */
@TicketflowServiceTest
@Import(SlaTestConfiguration.class)
class SlaDeadlinesIT {

    private static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() { };

    @LocalServerPort
    int port;

    @Autowired
    TestClock clock;

    @Autowired
    ClockStore store;

    @Autowired
    TicketStore tickets;

    @Autowired
    Escalations escalations;

    @Autowired
    OutboxRelay outbox;

    @Autowired
    DeadlineProperties deadlineProperties;

    @Autowired
    PolicyBook policies;

    @Autowired
    BusinessCalendars calendars;

    RestTestClient http;
    RawRecords upstream;
    EventProbe sla;

    @BeforeEach
    void open() {
        http = RestTestClient.bindToServer().baseUrl("http://localhost:" + port).build();
        upstream = new RawRecords();
        sla = EventProbe.open(Topics.Names.SLA);
    }

    @AfterEach
    void close() {
        sla.close();
        upstream.close();
    }

    @Test
    void a_p1_ticket_warns_at_half_time_breaches_exactly_at_its_deadline_and_goes_to_the_team_lead() {
        Tickets ticket = Tickets.fresh();
        Instant t0 = now();
        // routing's assignment overtakes intake's creation: the escalation still finds the team lead
        upstream.publish(UUID.randomUUID(), ticket.assigned(t0));
        upstream.publish(UUID.randomUUID(), ticket.created(Priority.P1, t0));
        SlaClockStarted firstResponse = sla.await(SlaClockStarted.class,
                e -> e.ticketId().equals(ticket.ticketId()) && e.metric() == SlaMetric.FIRST_RESPONSE);
        awaitTicketKnown(ticket);

        clock.advanceTo(t0.plus(Duration.ofHours(1)));
        SlaWarningRaised half = sla.await(SlaWarningRaised.class, e -> e.clockId().equals(firstResponse.clockId()));
        assertThat(half.percent()).isEqualTo(50);
        assertThat(half.dueAt()).isEqualTo(t0.plus(Duration.ofHours(2)));
        assertThat(half.priority()).isEqualTo(Priority.P1);
        assertThat(half.department()).isEqualTo(Department.TECH);

        clock.advanceTo(t0.plus(Duration.ofHours(2)));
        Envelope<SlaBreached> breach = sla.awaitEnvelope(SlaBreached.class, e -> e.clockId().equals(firstResponse.clockId()),
                EventProbe.DEFAULT_TIMEOUT);
        assertThat(breach.id()).isEqualTo(SlaClock.breachEventId(firstResponse.clockId(), firstResponse.dueAt()));
        assertThat(breach.event().dueAt()).isEqualTo(t0.plus(Duration.ofHours(2)));
        assertThat(breach.event().breachNo()).isEqualTo(1);
        assertThat(Duration.between(breach.event().dueAt(), breach.event().breachedAt())).isBetween(Duration.ZERO, Duration.ofSeconds(2));

        TicketEscalated escalated = sla.await(TicketEscalated.class, e -> e.ticketId().equals(ticket.ticketId()));
        assertThat(escalated.level()).isEqualTo(EscalationLevel.GENERAL);
        assertThat(escalated.trigger()).isEqualTo("breach:FIRST_RESPONSE");
        assertThat(escalated.targetRole()).isEqualTo("TEAM_LEAD");
        assertThat(escalated.targetId()).isEqualTo("lead-1");
        assertThat(escalated.ownerAgentId()).isEqualTo("agent-7");
        assertThat(escalated.department()).isEqualTo(Department.TECH);
        assertThat(escalated.clockId()).isEqualTo(firstResponse.clockId());

        // the department's own consumer sees the same escalation, with the same id
        ConsumerRecord<String, byte[]> onTechTopic = awaitOnDepartmentTopic(Department.TECH, ticket.ticketId());
        assertThat(header(onTechTopic, CloudEventHeaders.ID)).isEqualTo(escalated.escalationId());
        assertThat(new String(onTechTopic.value(), StandardCharsets.UTF_8)).contains("\"level\":\"GENERAL\"", "lead-1");

        // the jump from 1 h to 2 h passed 75 % and 90 % together with the deadline: only the breach was news
        assertThat(sla.received(SlaWarningRaised.class, e -> e.clockId().equals(firstResponse.clockId())))
                .extracting(e -> e.event().percent()).containsExactly(50);
        Map<String, Object> view = clockView(ticket, "FIRST_RESPONSE");
        assertThat(view).containsEntry("breached", true).containsEntry("state", "RUNNING");

        // mail: the P1 warning to the owner; the escalation to the owner and the team lead
        assertThat(awaitMail("50% of FIRST_RESPONSE", ticket.ticketNo())).containsExactly("agent.seven@ticketflow.test");
        assertThat(awaitMail("escalated to TEAM_LEAD", ticket.ticketNo()))
                .containsExactlyInAnyOrder("agent.seven@ticketflow.test", "lead-1@ticketflow.test");
    }

    @Autowired
    com.icegreen.greenmail.util.GreenMail mail;

    private List<String> awaitMail(String subjectPart, String ticketNo) {
        List<String> recipients = new ArrayList<>();
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            recipients.clear();
            for (jakarta.mail.internet.MimeMessage message : mail.getReceivedMessages()) {
                if (message.getSubject().contains(ticketNo) && message.getSubject().contains(subjectPart)) {
                    for (jakarta.mail.Address to : message.getAllRecipients()) {
                        recipients.add(to.toString());
                    }
                }
            }
            return recipients.size() >= (subjectPart.startsWith("escalated") ? 2 : 1);
        });
        return recipients;
    }

    @Test
    void a_second_breach_goes_to_the_supervisor_and_a_breach_while_major_to_the_manager() {
        Tickets ticket = Tickets.fresh();
        Instant t0 = now();
        upstream.publish(UUID.randomUUID(), ticket.assigned(t0));
        upstream.publish(UUID.randomUUID(), ticket.created(Priority.P1, t0));
        sla.await(SlaClockStarted.class, e -> e.ticketId().equals(ticket.ticketId()) && e.metric() == SlaMetric.RESOLUTION);

        clock.advanceTo(t0.plus(Duration.ofHours(2)));
        sla.await(TicketEscalated.class, e -> e.ticketId().equals(ticket.ticketId()) && e.level() == EscalationLevel.GENERAL);
        // the agent answers late, the customer writes back: a next-response clock starts
        upstream.publish(UUID.randomUUID(), ticket.agentReply(3, t0.plus(Duration.ofMinutes(130))));
        upstream.publish(UUID.randomUUID(), ticket.customerReply(4, t0.plus(Duration.ofMinutes(140))));
        SlaClockStarted next = sla.await(SlaClockStarted.class,
                e -> e.ticketId().equals(ticket.ticketId()) && e.metric() == SlaMetric.NEXT_RESPONSE);
        assertThat(next.dueAt()).isEqualTo(t0.plus(Duration.ofMinutes(260)));

        clock.advanceTo(t0.plus(Duration.ofMinutes(261)));
        TicketEscalated major = sla.await(TicketEscalated.class,
                e -> e.ticketId().equals(ticket.ticketId()) && e.level() == EscalationLevel.MAJOR);
        assertThat(major.trigger()).isEqualTo("second-breach");
        assertThat(major.targetRole()).isEqualTo("SUPERVISOR");
        assertThat(major.targetId()).isEqualTo("sup-1");

        clock.advanceTo(t0.plus(Duration.ofHours(8)));
        TicketEscalated critical = sla.await(TicketEscalated.class,
                e -> e.ticketId().equals(ticket.ticketId()) && e.level() == EscalationLevel.CRITICAL);
        assertThat(critical.trigger()).isEqualTo("breach-at-major:RESOLUTION");
        assertThat(critical.targetRole()).isEqualTo("MANAGER");
        assertThat(critical.targetId()).isEqualTo("service-manager");
        assertThat(SlaClocksIT.distinct(sla.received(SlaBreached.class, e -> e.ticketId().equals(ticket.ticketId()))))
                .extracting(e -> e.event().breachNo()).containsExactlyInAnyOrder(1, 2, 3);
    }

    @Test
    void a_clock_held_on_the_customer_stands_still_and_gets_its_paused_time_back() {
        Tickets ticket = Tickets.fresh();
        Instant t0 = now();
        upstream.publish(UUID.randomUUID(), ticket.created(Priority.P2, t0));
        SlaClockStarted firstResponse = sla.await(SlaClockStarted.class,
                e -> e.ticketId().equals(ticket.ticketId()) && e.metric() == SlaMetric.FIRST_RESPONSE);
        assertThat(firstResponse.dueAt()).isEqualTo(t0.plus(Duration.ofHours(4)));

        upstream.publish(UUID.randomUUID(), ticket.heldOnCustomer(2, t0.plus(Duration.ofHours(1))));
        SlaClockPaused paused = sla.await(SlaClockPaused.class, e -> e.clockId().equals(firstResponse.clockId()));
        assertThat(paused.pausedAt()).isEqualTo(t0.plus(Duration.ofHours(1)));
        sla.await(SlaClockPaused.class, e -> e.ticketId().equals(ticket.ticketId()) && e.metric() == SlaMetric.RESOLUTION);

        // past the original deadline while paused; an overdue marker clock proves the scheduler has looked since
        clock.advanceTo(t0.plus(Duration.ofHours(5)));
        SlaClock marker = plantOverdueClock(Duration.ofMinutes(1));
        new Deadlines(store, escalations, outbox, clock, deadlineProperties).fire(marker.clockId());
        sla.await(SlaBreached.class, e -> e.clockId().equals(marker.clockId()));
        Map<String, Object> whilePaused = clockView(ticket, "FIRST_RESPONSE");
        assertThat(whilePaused).containsEntry("state", "PAUSED").containsEntry("remainingSeconds", null)
                .containsEntry("breached", false);

        // the customer's answer resumes the clocks: 4 h paused are added back
        upstream.publish(UUID.randomUUID(), ticket.customerReply(3, t0.plus(Duration.ofHours(5))));
        SlaClockResumed resumed = sla.await(SlaClockResumed.class, e -> e.clockId().equals(firstResponse.clockId()));
        assertThat(resumed.pausedTotal()).isEqualTo(Duration.ofHours(4));
        assertThat(resumed.dueAt()).isEqualTo(t0.plus(Duration.ofHours(8)));
        SlaClockResumed resolution = sla.await(SlaClockResumed.class,
                e -> e.ticketId().equals(ticket.ticketId()) && e.metric() == SlaMetric.RESOLUTION);
        assertThat(resolution.dueAt()).isEqualTo(t0.plus(Duration.ofHours(12)));
        assertThat(sla.received(SlaBreached.class, e -> e.clockId().equals(firstResponse.clockId()))).isEmpty();
        assertThat(clockView(ticket, "FIRST_RESPONSE")).containsEntry("state", "RUNNING").containsEntry("pausedSeconds", 14_400)
                .containsEntry("dueAt", t0.plus(Duration.ofHours(8)).toString());
    }

    @Test
    void a_ticket_raised_to_p0_gets_its_clocks_recounted_and_a_system_fault_open_an_hour_goes_to_the_supervisor() {
        Tickets ticket = Tickets.fresh();
        Instant t0 = now();
        upstream.publish(UUID.randomUUID(), ticket.assigned(t0));
        upstream.publish(UUID.randomUUID(), ticket.created(Priority.P2, t0));
        SlaClockStarted resolution = sla.await(SlaClockStarted.class,
                e -> e.ticketId().equals(ticket.ticketId()) && e.metric() == SlaMetric.RESOLUTION);
        assertThat(resolution.dueAt()).isEqualTo(t0.plus(Duration.ofHours(8)));

        Instant reclassifiedAt = t0.plus(Duration.ofMinutes(10));
        upstream.publish(UUID.randomUUID(), ticket.reclassified(2, reclassifiedAt, Priority.P2, Priority.P0));
        SlaClockRescheduled recounted = sla.await(SlaClockRescheduled.class, e -> e.clockId().equals(resolution.clockId()));
        assertThat(recounted.dueAt()).isEqualTo(t0.plus(Duration.ofHours(24)));
        assertThat(recounted.priority()).isEqualTo(Priority.P0);
        assertThat(recounted.budget()).isEqualTo(Duration.ofHours(24));
        SlaClockRescheduled firstResponse = sla.await(SlaClockRescheduled.class,
                e -> e.ticketId().equals(ticket.ticketId()) && e.metric() == SlaMetric.FIRST_RESPONSE);
        assertThat(firstResponse.dueAt()).isEqualTo(t0.plus(Duration.ofMinutes(15)));
        SlaClockStarted emergency = sla.await(SlaClockStarted.class,
                e -> e.ticketId().equals(ticket.ticketId()) && e.metric() == SlaMetric.RESOLUTION && !e.clockId().equals(resolution.clockId()));
        assertThat(emergency.dueAt()).isEqualTo(reclassifiedAt.plus(Duration.ofHours(1)));

        clock.advanceTo(t0.plus(Duration.ofMinutes(16)));
        sla.await(TicketEscalated.class, e -> e.ticketId().equals(ticket.ticketId()) && e.level() == EscalationLevel.GENERAL);
        clock.advanceTo(reclassifiedAt.plus(Duration.ofMinutes(61)));
        TicketEscalated major = sla.await(TicketEscalated.class,
                e -> e.ticketId().equals(ticket.ticketId()) && e.level() == EscalationLevel.MAJOR);
        assertThat(major.trigger()).isEqualTo("p0-system-fault-open-1h");
        assertThat(major.targetId()).isEqualTo("sup-1");
        assertThat(major.clockId()).isEqualTo(emergency.clockId());
    }

    @Test
    void two_schedulers_racing_on_the_same_clocks_publish_one_breach_each() throws Exception {
        List<SlaClock> planted = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            planted.add(plantOverdueClock(Duration.ofMinutes(5)));
        }
        Deadlines first = new Deadlines(store, escalations, outbox, clock, deadlineProperties);
        Deadlines second = new Deadlines(store, escalations, outbox, clock, deadlineProperties);
        CountDownLatch go = new CountDownLatch(1);
        List<CompletableFuture<?>> racing = new ArrayList<>();
        for (Deadlines scheduler : List.of(first, second)) {
            racing.add(CompletableFuture.runAsync(() -> {
                awaitLatch(go);
                planted.forEach(c -> scheduler.fire(c.clockId()));
            }));
        }
        go.countDown();
        CompletableFuture.allOf(racing.toArray(CompletableFuture[]::new)).get();

        for (SlaClock clockOfTicket : planted) {
            // the escalation follows the breach on the same partition: once it is out, every breach is out
            sla.await(TicketEscalated.class, e -> e.ticketId().equals(clockOfTicket.ticketId()));
            assertThat(SlaClocksIT.distinct(sla.received(SlaBreached.class, e -> e.clockId().equals(clockOfTicket.clockId()))))
                    .hasSize(1);
            assertThat(SlaClocksIT.distinct(sla.received(TicketEscalated.class, e -> e.ticketId().equals(clockOfTicket.ticketId()))))
                    .hasSize(1);
            assertThat(tickets.byId(clockOfTicket.ticketId()).orElseThrow().breaches()).hasSize(1);
        }
    }

    @Test
    void clocks_that_fell_due_while_the_service_was_down_fire_right_after_it_starts() {
        List<SlaClock> overdue = List.of(plantOverdueClock(Duration.ofHours(3)), plantOverdueClock(Duration.ofMinutes(1)),
                plantOverdueClock(Duration.ofDays(2)));
        Deadlines restarted = new Deadlines(store, escalations, outbox, clock, deadlineProperties);
        restarted.start();
        try {
            for (SlaClock each : overdue) {
                SlaBreached breach = sla.await(SlaBreached.class, e -> e.clockId().equals(each.clockId()));
                assertThat(breach.dueAt()).isEqualTo(each.dueAt());
                assertThat(breach.breachedAt()).isAfter(each.dueAt());
            }
        } finally {
            restarted.stop();
        }
    }

    @Test
    void a_breach_delivered_twice_escalates_once() {
        SlaClock planted = plantOverdueClock(Duration.ofMinutes(1));
        new Deadlines(store, escalations, outbox, clock, deadlineProperties).fire(planted.clockId());
        Envelope<SlaBreached> breach = sla.awaitEnvelope(SlaBreached.class, e -> e.clockId().equals(planted.clockId()),
                EventProbe.DEFAULT_TIMEOUT);
        sla.await(TicketEscalated.class, e -> e.ticketId().equals(planted.ticketId()) && e.level() == EscalationLevel.GENERAL);

        upstream.publish(breach.id(), breach.event());
        // marker on the same key: a second breach of the ticket, which goes to MAJOR
        SlaBreached second = new SlaBreached(planted.ticketId(), planted.ticketNo(), "other-clock", SlaMetric.RESOLUTION, Priority.P1,
                Department.TECH, breach.event().dueAt(), breach.event().breachedAt(), 2);
        upstream.publish(UUID.randomUUID(), second);
        sla.await(TicketEscalated.class, e -> e.ticketId().equals(planted.ticketId()) && e.level() == EscalationLevel.MAJOR);

        assertThat(SlaClocksIT.distinct(sla.received(TicketEscalated.class, e -> e.ticketId().equals(planted.ticketId()))))
                .extracting(e -> e.event().level()).containsExactly(EscalationLevel.GENERAL, EscalationLevel.MAJOR);
    }

    private SlaClock plantOverdueClock(Duration overdueBy) {
        Tickets ticket = Tickets.fresh();
        Instant startedAt = now().minus(Duration.ofHours(2)).minus(overdueBy);
        SlaClock clockDoc = SlaClock.start(new SlaClock.Start(ticket.ticketId(), ticket.ticketNo(), SlaMetric.FIRST_RESPONSE, null, 1,
                Priority.P1, Department.TECH, startedAt), Duration.ofHours(2), io.ticketflow.sla.calendar.TimeMode.CALENDAR,
                calendars.get("default"), List.of(), clock.instant());
        assertThat(store.insertIfAbsent(clockDoc)).isTrue();
        return clockDoc;
    }

    private void awaitTicketKnown(Tickets ticket) {
        await().atMost(Duration.ofSeconds(30)).until(() -> tickets.byId(ticket.ticketId())
                .map(t -> "lead-1".equals(t.teamLead()) && t.type() != null).orElse(false));
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    private Map<String, Object> clockView(Tickets ticket, String metric) {
        Map<String, Object> body = http.get().uri("/api/v1/sla/tickets/{ticketNo}", ticket.ticketNo())
                .exchange().expectStatus().isOk().expectBody(JSON).returnResult().getResponseBody();
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> clocks = (List<Map<String, Object>>) body.get("clocks");
        return clocks.stream().filter(c -> metric.equals(c.get("metric")) && c.get("scope") == null).findFirst().orElseThrow();
    }

    static ConsumerRecord<String, byte[]> awaitOnDepartmentTopic(Department department, String ticketId) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.get().kafkaBootstrapServers());
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "department-" + department.id() + "-" + UUID.randomUUID());
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(Topics.escalations(department).name()));
            List<ConsumerRecord<String, byte[]>> found = new ArrayList<>();
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> {
                    if (ticketId.equals(r.key())) {
                        found.add(r);
                    }
                });
                return !found.isEmpty();
            });
            return found.get(0);
        }
    }

    static String header(ConsumerRecord<String, byte[]> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }

    private static void awaitLatch(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
