package io.ticketflow.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.ticketflow.events.Department;
import io.ticketflow.events.Envelope;
import io.ticketflow.events.EventIds;
import io.ticketflow.events.Priority;
import io.ticketflow.events.ReassignReason;
import io.ticketflow.events.SlaClockRescheduled;
import io.ticketflow.events.SlaClockStarted;
import io.ticketflow.events.SlaMetric;
import io.ticketflow.events.TicketAssigned;
import io.ticketflow.events.TicketCreated;
import io.ticketflow.events.TicketQueued;
import io.ticketflow.events.TicketReassigned;
import io.ticketflow.events.Topics;
import io.ticketflow.testkit.EventProbe;
import io.ticketflow.testkit.RawRecords;
import io.ticketflow.testkit.TicketflowServiceTest;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Routing where time matters, with a clock the scenarios move by hand (its own Spring context, so
 * moving time cannot disturb the other ITs): the first-touch window, skill relaxation while a
 * ticket waits and as its SLA deadline nears, the queue ordered by SLA due time, and a decision
 * abandoned by a crashed instance taken over once its lease ran out. Each scenario works in its
 * own department so a relaxed ticket of one cannot reach the agents of another.
 */
@TicketflowServiceTest
@Import(TimeDrivenRoutingIT.DrivenClock.class)
@TestPropertySource(properties = {
        "ticketflow.routing.assignment.sweep-interval=300ms",
        "ticketflow.routing.assignment.first-touch-check-interval=300ms",
        "ticketflow.routing.assignment.first-touch-window=10m",
        "ticketflow.routing.assignment.claim-lease=30s"})
class TimeDrivenRoutingIT {

    private static final Duration WAIT = EventProbe.DEFAULT_TIMEOUT;
    private static RawRecords intake;

    @LocalServerPort
    int port;

    @Autowired
    MutableClock clock;

    @Autowired
    MongoTemplate mongo;

    RoutingApi api;

    @TestConfiguration
    static class DrivenClock {

        @Bean
        @Primary
        MutableClock drivenClock() {
            return new MutableClock(Instant.now().truncatedTo(ChronoUnit.SECONDS));
        }
    }

    @BeforeAll
    static void openProducer() {
        intake = new RawRecords();
    }

    @AfterAll
    static void closeProducer() {
        intake.close();
    }

    @BeforeEach
    void client() {
        api = new RoutingApi(port);
    }

    @Test
    void an_assignment_nobody_touches_within_the_window_goes_to_another_agent_while_touched_ones_stay() {
        String tag = Tickets.unique("touch");
        String fast = Tickets.unique("fast");
        String slow = Tickets.unique("slow");
        api.onlineMember(fast, Tickets.unique("t"), "TECH", Map.of(tag, 5), 9);
        api.onlineMember(slow, Tickets.unique("t"), "TECH", Map.of(tag, 4), 9);

        try (EventProbe routing = EventProbe.open(Topics.Names.ROUTING)) {
            TicketCreated replied = assignedTo(routing, fast, Department.TECH, tag);
            TicketCreated acknowledged = assignedTo(routing, fast, Department.TECH, tag);
            TicketCreated untouched = assignedTo(routing, fast, Department.TECH, tag);
            assertThat(api.assignment(untouched.ticketNo()).get("firstTouchDueAt").asString())
                    .isEqualTo(clock.instant().plus(Duration.ofMinutes(10)).toString());

            intake.publish(UUID.randomUUID(), Tickets.agentReply(replied, fast));
            api.post("/api/v1/assignments/" + acknowledged.ticketNo() + "/acknowledgement", Map.of("agentId", fast))
                    .expectStatus().isOk();
            intake.publish(UUID.randomUUID(), Tickets.customerReply(untouched));
            await().atMost(WAIT).untilAsserted(() -> {
                assertThat(api.assignment(replied.ticketNo()).get("touchedAt").isNull()).isFalse();
                assertThat(api.assignment(acknowledged.ticketNo()).get("touchedAt").isNull()).isFalse();
            });
            assertThat(api.assignment(untouched.ticketNo()).get("touchedAt").isNull()).isTrue();

            clock.advance(Duration.ofMinutes(10).plusSeconds(1));

            Envelope<TicketReassigned> reassigned = routing.awaitEnvelope(TicketReassigned.class,
                    e -> e.ticketNo().equals(untouched.ticketNo()), WAIT);
            assertThat(reassigned.event().reason()).isEqualTo(ReassignReason.FIRST_TOUCH_TIMEOUT);
            assertThat(reassigned.event().fromAgentId()).isEqualTo(fast);
            TicketAssigned next = routing.await(TicketAssigned.class,
                    e -> e.ticketNo().equals(untouched.ticketNo()) && e.assignmentNo() == 2);
            assertThat(next.agentId()).isEqualTo(slow);
            assertThat(next.reason()).isEqualTo("reassigned");
            // the overdue query found only the untouched assignment
            assertThat(routing.received(TicketReassigned.class, e -> e.ticketNo().equals(replied.ticketNo())
                    || e.ticketNo().equals(acknowledged.ticketNo()))).isEmpty();
            assertThat(api.assignment(replied.ticketNo()).get("agentId").asString()).isEqualTo(fast);
            assertThat(api.agent(fast).get("activeTickets").valueStream().map(JsonNode::asString))
                    .containsExactlyInAnyOrder(replied.ticketNo(), acknowledged.ticketNo());
        }
    }

    @Test
    void a_waiting_ticket_relaxes_its_skill_requirement_with_the_wait_and_sooner_as_its_sla_deadline_nears() {
        String tag = Tickets.unique("relax");
        String urgentTag = Tickets.unique("urgent");
        String orphanTag = Tickets.unique("orphan");
        String novice = Tickets.unique("novice");
        String beginner = Tickets.unique("beginner");
        api.onlineMember(novice, Tickets.unique("t"), "OPERATIONS", Map.of(tag, 2), 9);
        api.onlineMember(beginner, Tickets.unique("t"), "OPERATIONS", Map.of(urgentTag, 1), 9);

        try (EventProbe routing = EventProbe.open(Topics.Names.ROUTING)) {
            TicketCreated waiting = Tickets.created(Department.OPERATIONS, Priority.P2, "c-r", tag);
            intake.publish(UUID.randomUUID(), waiting);
            routing.await(TicketQueued.class, e -> e.ticketNo().equals(waiting.ticketNo()));

            clock.advance(Duration.ofMinutes(2));

            TicketAssigned relaxed = routing.await(TicketAssigned.class, e -> e.ticketNo().equals(waiting.ticketNo()));
            assertThat(relaxed.agentId()).isEqualTo(novice);
            assertThat(relaxed.reason()).isEqualTo("relaxed-skill-match");

            TicketCreated urgent = Tickets.created(Department.OPERATIONS, Priority.P2, "c-u", urgentTag);
            intake.publish(UUID.randomUUID(), urgent);
            routing.await(TicketQueued.class, e -> e.ticketNo().equals(urgent.ticketNo()));
            Instant now = clock.instant();
            intake.publish(UUID.randomUUID(), new SlaClockStarted(urgent.ticketId(), urgent.ticketNo(),
                    "clock-" + urgent.ticketId(), SlaMetric.RESOLUTION, Priority.P2, Duration.ofHours(8), now,
                    now.plus(Duration.ofMinutes(40))));

            // 40 minutes before the deadline the second step is reached without any waiting: proficiency 1 will do
            TicketAssigned early = routing.await(TicketAssigned.class, e -> e.ticketNo().equals(urgent.ticketNo()));
            assertThat(early.agentId()).isEqualTo(beginner);
            assertThat(early.reason()).isEqualTo("relaxed-skill-match");

            TicketCreated orphan = Tickets.created(Department.OPERATIONS, Priority.P3, "c-o", orphanTag);
            intake.publish(UUID.randomUUID(), orphan);
            routing.await(TicketQueued.class, e -> e.ticketNo().equals(orphan.ticketNo()));

            clock.advance(Duration.ofMinutes(10));

            TicketAssigned fallback = routing.await(TicketAssigned.class, e -> e.ticketNo().equals(orphan.ticketNo()));
            assertThat(fallback.reason()).isEqualTo("department-fallback");
            assertThat(fallback.department()).isEqualTo(Department.OPERATIONS);
        }
    }

    @Test
    void the_queue_orders_a_priority_by_sla_due_time_whichever_topic_spoke_first_and_follows_a_rescheduled_deadline() {
        Instant now = clock.instant();
        TicketCreated first = Tickets.created(Department.QUALITY, Priority.P2, "c-q1", Tickets.unique("none"));
        TicketCreated second = Tickets.created(Department.QUALITY, Priority.P2, "c-q2", Tickets.unique("none"));
        TicketCreated third = Tickets.created(Department.QUALITY, Priority.P2, "c-q3", Tickets.unique("none"));
        TicketCreated early = Tickets.created(Department.QUALITY, Priority.P2, "c-q4", Tickets.unique("none"));

        try (EventProbe routing = EventProbe.open(Topics.Names.ROUTING)) {
            // the due time of "early" arrives before routing has seen the ticket
            intake.publish(UUID.randomUUID(), started(early, SlaMetric.FIRST_RESPONSE, now.plus(Duration.ofHours(1))));
            for (TicketCreated ticket : List.of(first, second, third, early)) {
                intake.publish(UUID.randomUUID(), ticket);
                routing.await(TicketQueued.class, e -> e.ticketNo().equals(ticket.ticketNo()));
            }
            intake.publish(UUID.randomUUID(), started(first, SlaMetric.RESOLUTION, now.plus(Duration.ofHours(6))));
            intake.publish(UUID.randomUUID(), started(third, SlaMetric.RESOLUTION, now.plus(Duration.ofHours(4))));

            await().atMost(WAIT).untilAsserted(() -> assertThat(ours(first, second, third, early))
                    .containsExactly(early.ticketNo(), third.ticketNo(), first.ticketNo(), second.ticketNo()));

            intake.publish(UUID.randomUUID(), new SlaClockRescheduled(first.ticketId(), first.ticketNo(),
                    "clock-" + first.ticketId(), SlaMetric.RESOLUTION, Priority.P2, Duration.ofHours(1),
                    now.plus(Duration.ofMinutes(90)), "priority changed", now));

            await().atMost(WAIT).untilAsserted(() -> assertThat(ours(first, second, third, early))
                    .containsExactly(early.ticketNo(), first.ticketNo(), third.ticketNo(), second.ticketNo()));
            assertThat(api.assignment(early.ticketNo()).get("slaDueAt").asString())
                    .isEqualTo(now.plus(Duration.ofHours(1)).toString());
        }
    }

    @Test
    void a_decision_abandoned_by_a_crashed_instance_is_taken_over_once_its_claim_ran_out() {
        String tag = Tickets.unique("crash");
        String agentId = Tickets.unique("a");
        api.register(agentId, "RND", Map.of(tag, 4), 3, List.of());

        try (EventProbe routing = EventProbe.open(Topics.Names.ROUTING)) {
            TicketCreated ticket = Tickets.created(Department.RND, Priority.P2, "c-crash", tag);
            intake.publish(UUID.randomUUID(), ticket);
            routing.await(TicketQueued.class, e -> e.ticketNo().equals(ticket.ticketNo()));
            // another instance claimed the ticket and died before deciding
            mongo.updateFirst(Query.query(Criteria.where("_id").is(ticket.ticketId())), new Update()
                    .set("claimUntil", clock.instant().plusSeconds(30)).set("claimOwner", "crashed-instance"), "assignments");

            api.presence(agentId, "ONLINE");
            assertThat(api.assignment(ticket.ticketNo()).get("status").asString()).isEqualTo("QUEUED");
            assertThat(api.agent(agentId).get("load").asInt()).isZero();

            clock.advance(Duration.ofSeconds(31));

            Envelope<TicketAssigned> assigned = routing.awaitEnvelope(TicketAssigned.class,
                    e -> e.ticketNo().equals(ticket.ticketNo()), WAIT);
            assertThat(assigned.event().agentId()).isEqualTo(agentId);
            assertThat(assigned.id()).isEqualTo(EventIds.of("ticket-assigned", ticket.ticketId(), 1));
        }
    }

    private List<String> ours(TicketCreated... tickets) {
        List<String> numbers = java.util.Arrays.stream(tickets).map(TicketCreated::ticketNo).toList();
        return api.waitingIn("QUALITY").stream().filter(numbers::contains).toList();
    }

    private static SlaClockStarted started(TicketCreated ticket, SlaMetric metric, Instant dueAt) {
        return new SlaClockStarted(ticket.ticketId(), ticket.ticketNo(), "clock-" + metric + "-" + ticket.ticketId(), metric,
                ticket.priority(), Duration.ofHours(8), dueAt.minus(Duration.ofHours(8)), dueAt);
    }

    private TicketCreated assignedTo(EventProbe routing, String agentId, Department department, String tag) {
        TicketCreated ticket = Tickets.created(department, Priority.P2, Tickets.unique("c"), tag);
        intake.publish(UUID.randomUUID(), ticket);
        TicketAssigned assigned = routing.await(TicketAssigned.class, e -> e.ticketNo().equals(ticket.ticketNo()));
        assertThat(assigned.agentId()).isEqualTo(agentId);
        return ticket;
    }

}
