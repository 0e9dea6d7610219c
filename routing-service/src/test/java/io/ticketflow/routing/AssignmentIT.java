package io.ticketflow.routing;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import io.ticketflow.events.CloudEventHeaders;
import io.ticketflow.events.Department;
import io.ticketflow.events.Envelope;
import io.ticketflow.events.EventIds;
import io.ticketflow.events.Priority;
import io.ticketflow.events.TicketAssigned;
import io.ticketflow.events.TicketCreated;
import io.ticketflow.events.TicketQueued;
import io.ticketflow.events.Topics;
import io.ticketflow.routing.agent.AgentRoster;
import io.ticketflow.routing.assignment.Dispatcher;
import io.ticketflow.testkit.EventProbe;
import io.ticketflow.testkit.RawRecords;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.core.KafkaTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Routing end to end inside the service: tickets arrive on {@code ticket.lifecycle} as intake
 * publishes them, decisions come out on {@code ticket.routing} and show in the HTTP API.
 * Every scenario uses its own agents and skill tags, so no scenario can take another's tickets.
 */
@RoutingServiceTest
class AssignmentIT {

    private static final Duration WAIT = EventProbe.DEFAULT_TIMEOUT;
    private static RawRecords intake;

    @LocalServerPort
    int port;

    @Autowired
    MeterRegistry meters;

    @Autowired
    AgentRoster roster;

    @Autowired
    KafkaTemplate<Object, Object> kafka;

    @Autowired
    Dispatcher dispatcher;

    RoutingApi api;

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
    void given_an_online_agent_with_skill_x_when_a_ticket_tagged_x_arrives_then_that_agent_gets_it() {
        String tag = Tickets.unique("billing");
        String agentId = Tickets.unique("a");
        api.register(agentId, "TECH", Map.of(tag, 4, "payment", 3), 5, List.of());
        api.presence(agentId, "ONLINE");
        TicketCreated ticket = Tickets.created(Department.TECH, Priority.P2, "c-1", tag, "payment");

        try (EventProbe routing = EventProbe.open(Topics.Names.ROUTING)) {
            intake.publish(UUID.randomUUID(), ticket);

            Envelope<TicketAssigned> assigned = routing.awaitEnvelope(TicketAssigned.class,
                    e -> e.ticketNo().equals(ticket.ticketNo()), WAIT);
            assertThat(assigned.event().agentId()).isEqualTo(agentId);
            assertThat(assigned.event().reason()).isEqualTo("skill-match");
            assertThat(assigned.event().assignmentNo()).isEqualTo(1);
            assertThat(assigned.event().team()).isEqualTo("tech-team");
            assertThat(assigned.id()).isEqualTo(EventIds.of("ticket-assigned", ticket.ticketId(), 1));
            assertThat(assigned.source()).isEqualTo("/ticketflow/routing-service");
        }

        JsonNode assignment = api.assignment(ticket.ticketNo());
        assertThat(assignment.get("status").asString()).isEqualTo("ASSIGNED");
        assertThat(assignment.get("agentId").asString()).isEqualTo(agentId);
        assertThat(assignment.get("ticketId").asString()).isEqualTo(ticket.ticketId());
        assertThat(assignment.get("department").asString()).isEqualTo("TECH");
        assertThat(assignment.get("priority").asString()).isEqualTo("P2");
        assertThat(assignment.get("tags").valueStream().map(JsonNode::asString)).containsExactly(tag, "payment");
        assertThat(assignment.get("assignmentNo").asInt()).isEqualTo(1);
        assertThat(assignment.get("queuedAt").isNull()).isFalse();
        assertThat(assignment.get("assignedAt").isNull()).isFalse();
        assertThat(assignment.get("history").valueStream().map(h -> h.get("action").asString()))
                .containsExactly("QUEUED", "ASSIGNED");

        JsonNode agent = api.agent(agentId);
        assertThat(agent.get("load").asInt()).isEqualTo(1);
        assertThat(agent.get("activeTickets").valueStream().map(JsonNode::asString)).containsExactly(ticket.ticketNo());
        assertThat(agent.get("lastAssignedAt").isNull()).isFalse();

        assertThat(meters.find("ticketflow.routing.assignments").tag("reason", "skill-match").counter())
                .isNotNull().satisfies(c -> assertThat(c.count()).isPositive());
        assertThat(meters.find("ticketflow.routing.time.to.assign").timer())
                .isNotNull().satisfies(t -> assertThat(t.count()).isPositive());
    }

    @Test
    void given_no_agent_can_take_a_ticket_then_it_is_queued_once_and_an_agent_coming_online_takes_the_highest_priority_first() {
        String tag = Tickets.unique("refund");
        String agentId = Tickets.unique("a");
        api.register(agentId, "TECH", Map.of(tag, 3), 1, List.of());
        TicketCreated minor = Tickets.created(Department.TECH, Priority.P3, "c-2", tag);
        TicketCreated outage = Tickets.created(Department.TECH, Priority.P0, "c-3", tag);

        try (EventProbe routing = EventProbe.open(Topics.Names.ROUTING)) {
            intake.publish(UUID.randomUUID(), minor);
            Envelope<TicketQueued> queued = routing.awaitEnvelope(TicketQueued.class,
                    e -> e.ticketNo().equals(minor.ticketNo()), WAIT);
            assertThat(queued.id()).isEqualTo(EventIds.of("ticket-queued", minor.ticketId(), 0));
            assertThat(queued.event().department()).isEqualTo(Department.TECH);
            assertThat(queued.event().priority()).isEqualTo(Priority.P3);
            intake.publish(UUID.randomUUID(), outage);
            routing.await(TicketQueued.class, e -> e.ticketNo().equals(outage.ticketNo()));

            assertThat(api.assignment(minor.ticketNo()).get("status").asString()).isEqualTo("QUEUED");
            assertThat(api.assignment(minor.ticketNo()).get("agentId").isNull()).isTrue();
            assertThat(api.waitingIn("TECH")).containsSubsequence(outage.ticketNo(), minor.ticketNo());
            await().atMost(WAIT).untilAsserted(() -> assertThat(
                    meters.find("ticketflow.routing.queue.length").tag("department", "tech").gauge().value())
                    .isGreaterThanOrEqualTo(2));

            JsonNode online = api.presence(agentId, "ONLINE");

            // an idle agent takes one P0 although its weight (3) exceeds the capacity (1)
            assertThat(online.get("load").asInt()).isEqualTo(3);
            assertThat(online.get("activeTickets").valueStream().map(JsonNode::asString)).containsExactly(outage.ticketNo());
            TicketAssigned assigned = routing.await(TicketAssigned.class, e -> e.ticketNo().equals(outage.ticketNo()));
            assertThat(assigned.agentId()).isEqualTo(agentId);
            assertThat(api.assignment(outage.ticketNo()).get("history").valueStream().map(h -> h.get("action").asString()))
                    .containsExactly("QUEUED", "ASSIGNED");
            assertThat(api.assignment(minor.ticketNo()).get("status").asString()).isEqualTo("QUEUED");
            assertThat(api.waitingIn("TECH")).contains(minor.ticketNo()).doesNotContain(outage.ticketNo());
            assertThat(routing.received(TicketQueued.class, e -> e.ticketNo().equals(minor.ticketNo()))).hasSize(1);
        }
    }

    @Test
    void given_an_agent_with_capacity_one_then_a_second_ticket_waits_until_the_first_is_resolved() {
        String tag = Tickets.unique("invoice");
        String agentId = Tickets.unique("a");
        api.register(agentId, "CUSTOMER_SERVICE", Map.of(tag, 3), 1, List.of());
        api.presence(agentId, "ONLINE");
        TicketCreated first = Tickets.created(Department.CUSTOMER_SERVICE, Priority.P2, "c-4", tag);
        TicketCreated second = Tickets.created(Department.CUSTOMER_SERVICE, Priority.P2, "c-5", tag);

        try (EventProbe routing = EventProbe.open(Topics.Names.ROUTING)) {
            intake.publish(UUID.randomUUID(), first);
            assertThat(routing.await(TicketAssigned.class, e -> e.ticketNo().equals(first.ticketNo())).agentId())
                    .isEqualTo(agentId);
            intake.publish(UUID.randomUUID(), second);
            routing.await(TicketQueued.class, e -> e.ticketNo().equals(second.ticketNo()));
            assertThat(api.assignment(second.ticketNo()).get("status").asString()).isEqualTo("QUEUED");
            assertThat(api.agent(agentId).get("load").asInt()).isEqualTo(1);

            intake.publish(UUID.randomUUID(), Tickets.resolved(first, agentId));

            TicketAssigned next = routing.await(TicketAssigned.class, e -> e.ticketNo().equals(second.ticketNo()));
            assertThat(next.agentId()).isEqualTo(agentId);
        }
        JsonNode released = api.assignment(first.ticketNo());
        assertThat(released.get("status").asString()).isEqualTo("RELEASED");
        assertThat(released.get("history").valueStream().map(h -> h.get("action").asString()))
                .containsExactly("QUEUED", "ASSIGNED", "RELEASED");
        JsonNode agent = api.agent(agentId);
        assertThat(agent.get("load").asInt()).isEqualTo(1);
        assertThat(agent.get("activeTickets").valueStream().map(JsonNode::asString)).containsExactly(second.ticketNo());
    }

    @Test
    void given_the_same_ticket_created_event_delivered_three_times_then_exactly_one_assignment_is_made() {
        String tag = Tickets.unique("shipping");
        String markerTag = Tickets.unique("marker");
        String agentId = Tickets.unique("a");
        String markerAgentId = Tickets.unique("m");
        api.register(agentId, "LOGISTICS", Map.of(tag, 5), 5, List.of());
        api.presence(agentId, "ONLINE");
        api.register(markerAgentId, "LOGISTICS", Map.of(markerTag, 5), 5, List.of());
        api.presence(markerAgentId, "ONLINE");
        TicketCreated ticket = Tickets.created(Department.LOGISTICS, Priority.P1, "c-6", tag);
        // a later ticket on the same partition is handled only after every copy before it
        int partitions = kafka.partitionsFor(Topics.Names.LIFECYCLE).size();
        assertThat(kafka.partitionsFor(Topics.Names.ROUTING)).hasSize(partitions);
        TicketCreated marker = Tickets.created(Tickets.ticketIdOnSamePartitionAs(ticket.ticketId(), partitions),
                Department.LOGISTICS, Priority.P1, "c-7", markerTag);

        try (EventProbe routing = EventProbe.open(Topics.Names.ROUTING)) {
            UUID eventId = UUID.randomUUID();
            intake.publish(eventId, ticket);
            intake.publish(eventId, ticket);
            intake.publish(UUID.randomUUID(), ticket);
            intake.publish(UUID.randomUUID(), marker);

            assertThat(routing.await(TicketAssigned.class, e -> e.ticketNo().equals(marker.ticketNo())).agentId())
                    .isEqualTo(markerAgentId);
            assertThat(routing.received(TicketAssigned.class, e -> e.ticketNo().equals(ticket.ticketNo())))
                    .singleElement().satisfies(e -> assertThat(e.event().agentId()).isEqualTo(agentId));
        }
        JsonNode agent = api.agent(agentId);
        assertThat(agent.get("load").asInt()).as("one P1 ticket, weight 2").isEqualTo(2);
        assertThat(agent.get("activeTickets").valueStream().map(JsonNode::asString)).containsExactly(ticket.ticketNo());
        assertThat(api.assignment(ticket.ticketNo()).get("assignmentNo").asInt()).isEqualTo(1);
    }

    @Test
    void given_a_vip_customer_with_a_dedicated_agent_online_then_the_dedicated_agent_gets_the_ticket() {
        String tag = Tickets.unique("contract");
        String customerId = Tickets.unique("c-vip");
        String expertId = Tickets.unique("expert");
        String dedicatedId = Tickets.unique("dedicated");
        api.register(expertId, "TECH", Map.of(tag, 5), 5, List.of());
        api.presence(expertId, "ONLINE");
        api.register(dedicatedId, "CUSTOMER_SERVICE", Map.of(), 5, List.of(customerId));
        api.presence(dedicatedId, "ONLINE");
        TicketCreated ticket = Tickets.vip(Tickets.created(Department.TECH, Priority.P1, customerId, tag));

        try (EventProbe routing = EventProbe.open(Topics.Names.ROUTING)) {
            intake.publish(UUID.randomUUID(), ticket);

            TicketAssigned assigned = routing.await(TicketAssigned.class, e -> e.ticketNo().equals(ticket.ticketNo()));
            assertThat(assigned.agentId()).isEqualTo(dedicatedId);
            assertThat(assigned.reason()).isEqualTo("vip-dedicated");
            assertThat(assigned.department()).isEqualTo(Department.CUSTOMER_SERVICE);
        }
    }

    @Test
    void given_a_reservation_made_just_before_a_crash_when_the_ticket_is_delivered_again_then_the_same_decision_is_published() {
        String tag = Tickets.unique("warranty");
        String reservedId = Tickets.unique("reserved");
        String betterId = Tickets.unique("better");
        api.register(reservedId, "QUALITY", Map.of(tag, 1), 5, List.of());
        api.presence(reservedId, "ONLINE");
        TicketCreated ticket = Tickets.created(Department.QUALITY, Priority.P2, "c-8", tag);
        // the crashed instance had reserved capacity but not yet recorded the decision
        assertThat(roster.reserve(reservedId, ticket.ticketId(), ticket.ticketNo(), 1)).isTrue();
        api.register(betterId, "QUALITY", Map.of(tag, 5), 5, List.of());
        api.presence(betterId, "ONLINE");

        try (EventProbe routing = EventProbe.open(Topics.Names.ROUTING)) {
            intake.publish(UUID.randomUUID(), ticket);

            Envelope<TicketAssigned> assigned = routing.awaitEnvelope(TicketAssigned.class,
                    e -> e.ticketNo().equals(ticket.ticketNo()), WAIT);
            assertThat(assigned.event().agentId()).isEqualTo(reservedId);
            assertThat(assigned.id()).isEqualTo(EventIds.of("ticket-assigned", ticket.ticketId(), 1));
        }
        assertThat(api.agent(reservedId).get("load").asInt()).isEqualTo(1);
        assertThat(api.agent(betterId).get("load").asInt()).isZero();
    }

    @Test
    void given_a_poison_record_on_ticket_lifecycle_then_it_is_dead_lettered_and_the_next_ticket_is_still_assigned() {
        String tag = Tickets.unique("outage");
        String agentId = Tickets.unique("a");
        api.register(agentId, "OPERATIONS", Map.of(tag, 4), 5, List.of());
        api.presence(agentId, "ONLINE");
        String poisonKey = Tickets.unique("poison");

        try (EventProbe dlt = EventProbe.open(Topics.deadLetter(Topics.Names.LIFECYCLE));
                EventProbe routing = EventProbe.open(Topics.Names.ROUTING)) {
            RecordHeaders headers = new RecordHeaders();
            headers.add(CloudEventHeaders.TYPE, "ticketflow.ticket.created.v1".getBytes(UTF_8));
            headers.add(CloudEventHeaders.ID, UUID.randomUUID().toString().getBytes(UTF_8));
            intake.send(Topics.Names.LIFECYCLE, poisonKey, headers, "{\"ticketId\": \"broken".getBytes(UTF_8));

            assertThat(new String(dlt.awaitRecord(Topics.deadLetter(Topics.Names.LIFECYCLE),
                    r -> poisonKey.equals(r.key())).value(), UTF_8)).isEqualTo("{\"ticketId\": \"broken");

            TicketCreated next = Tickets.created(Department.OPERATIONS, Priority.P2, "c-9", tag);
            intake.publish(UUID.randomUUID(), next);
            assertThat(routing.await(TicketAssigned.class, e -> e.ticketNo().equals(next.ticketNo())).agentId())
                    .isEqualTo(agentId);
        }
    }

    @Test
    void given_ten_waiting_tickets_when_capacity_appears_while_several_workers_pull_at_once_then_the_agent_gets_exactly_its_capacity()
            throws Exception {
        String tag = Tickets.unique("surge");
        String agentId = Tickets.unique("a");
        api.register(agentId, "TECH", Map.of(tag, 3), 0, List.of());
        api.presence(agentId, "ONLINE");
        List<TicketCreated> tickets = IntStream.range(0, 10)
                .mapToObj(i -> Tickets.created(Department.TECH, Priority.P2, "c-surge", tag)).toList();
        Set<String> ticketNos = tickets.stream().map(TicketCreated::ticketNo).collect(Collectors.toSet());

        try (EventProbe routing = EventProbe.open(Topics.Names.ROUTING)) {
            tickets.forEach(t -> intake.publish(UUID.randomUUID(), t));
            await().atMost(WAIT).until(() -> routing.received(TicketQueued.class, e -> ticketNos.contains(e.ticketNo())).size() == 10);

            // three workers keep offering the agent's capacity while the capacity is raised to 3
            ExecutorService threads = Executors.newFixedThreadPool(4);
            try {
                CountDownLatch start = new CountDownLatch(1);
                List<Future<?>> work = new ArrayList<>();
                for (int i = 0; i < 3; i++) {
                    work.add(threads.submit(() -> {
                        start.await();
                        long deadline = System.nanoTime() + WAIT.toNanos();
                        while (roster.find(agentId).orElseThrow().load() < 3 && System.nanoTime() < deadline) {
                            dispatcher.pullFor(agentId);
                        }
                        return null;
                    }));
                }
                work.add(threads.submit(() -> {
                    start.await();
                    return api.register(agentId, "TECH", Map.of(tag, 3), 3, List.of());
                }));
                start.countDown();
                for (Future<?> done : work) {
                    done.get(WAIT.toSeconds() * 2, TimeUnit.SECONDS);
                }
            } finally {
                threads.shutdown();
            }

            await().atMost(WAIT).until(() -> routing.received(TicketAssigned.class, e -> ticketNos.contains(e.ticketNo())).size() >= 3);
            assertThat(routing.received(TicketAssigned.class, e -> ticketNos.contains(e.ticketNo())))
                    .extracting(e -> e.event().ticketNo()).doesNotHaveDuplicates();
        }
        JsonNode agent = api.agent(agentId);
        assertThat(agent.get("load").asInt()).isEqualTo(3);
        List<String> held = agent.get("activeTickets").valueStream().map(JsonNode::asString).toList();
        assertThat(held).hasSize(3).doesNotHaveDuplicates().allMatch(ticketNos::contains);
        assertThat(ticketNos.stream().filter(no -> api.assignment(no).get("status").asString().equals("ASSIGNED")))
                .containsExactlyInAnyOrderElementsOf(held);
        assertThat(api.waitingIn("TECH")).filteredOn(ticketNos::contains).hasSize(7);
    }

    @Test
    void concurrent_reservations_on_one_agent_never_exceed_its_capacity_and_a_repeated_reservation_is_a_no_op() throws Exception {
        String agentId = Tickets.unique("a");
        api.register(agentId, "RND", Map.of(Tickets.unique("spare"), 1), 3, List.of());
        api.presence(agentId, "ONLINE");
        List<String> ticketIds = IntStream.range(0, 10).mapToObj(i -> UUID.randomUUID().toString()).toList();

        ExecutorService threads = Executors.newFixedThreadPool(10);
        List<Boolean> outcomes = new ArrayList<>();
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Boolean>> reservations = new ArrayList<>();
            for (String ticketId : ticketIds) {
                reservations.add(threads.submit(() -> {
                    start.await();
                    return roster.reserve(agentId, ticketId, "no-" + ticketId, 1);
                }));
            }
            start.countDown();
            for (Future<Boolean> reservation : reservations) {
                outcomes.add(reservation.get(WAIT.toSeconds(), TimeUnit.SECONDS));
            }
        } finally {
            threads.shutdown();
        }

        assertThat(outcomes).filteredOn(Boolean::booleanValue).hasSize(3);
        String held = roster.find(agentId).orElseThrow().activeTicketIds().get(0);
        assertThat(roster.release(agentId, held, "no-" + held)).isTrue();
        assertThat(roster.reserve(agentId, held, "no-" + held, 1)).isTrue();
        assertThat(roster.reserve(agentId, held, "no-" + held, 1)).isFalse();
        assertThat(roster.find(agentId).orElseThrow().load()).isEqualTo(3);
        assertThat(roster.find(agentId).orElseThrow().activeTicketIds()).hasSize(3).doesNotHaveDuplicates();
    }

    @Test
    void an_unknown_ticket_number_is_a_404_problem() {
        api.getAssignment("209912-999999").expectStatus().isNotFound()
                .expectHeader().contentTypeCompatibleWith("application/problem+json")
                .expectBody().jsonPath("$.status").isEqualTo(404);
    }
}
