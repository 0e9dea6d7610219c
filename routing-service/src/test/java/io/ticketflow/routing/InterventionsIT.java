package io.ticketflow.routing;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import io.ticketflow.events.CollaboratorAdded;
import io.ticketflow.events.CollaboratorProgressReported;
import io.ticketflow.events.Department;
import io.ticketflow.events.Envelope;
import io.ticketflow.events.EscalationLevel;
import io.ticketflow.events.EscalationRequested;
import io.ticketflow.events.EventIds;
import io.ticketflow.events.PersonalData;
import io.ticketflow.events.Priority;
import io.ticketflow.events.ReassignReason;
import io.ticketflow.events.TicketAssigned;
import io.ticketflow.events.TicketCreated;
import io.ticketflow.events.TicketQueued;
import io.ticketflow.events.TicketReassigned;
import io.ticketflow.events.TicketReopened;
import io.ticketflow.events.TicketTransferred;
import io.ticketflow.events.Topics;
import io.ticketflow.testkit.EventProbe;
import io.ticketflow.testkit.RawRecords;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.servlet.client.RestTestClient;
import tools.jackson.databind.JsonNode;

/**
 * What people and the ticket's lifecycle do to an assignment: transfers (the third one asks for
 * an escalation), supervisor overrides, collaborators, agents going away or offline, reopen,
 * close and reclassification, and bad requests that must change and publish nothing. Every
 * scenario has its own agents, teams and skill tags.
 */
@RoutingServiceTest
class InterventionsIT {

    private static final Duration WAIT = EventProbe.DEFAULT_TIMEOUT;
    private static RawRecords intake;

    @LocalServerPort
    int port;

    @Autowired
    MeterRegistry meters;

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
    void given_an_assigned_ticket_when_it_is_transferred_to_a_named_agent_then_transferred_and_assigned_carry_reason_lead_and_supervisor() {
        String tag = Tickets.unique("refund");
        String team = Tickets.unique("refund-team");
        String first = Tickets.unique("first");
        String second = Tickets.unique("second");
        api.team(team, "CUSTOMER_SERVICE", "lead-" + team, "sup-" + team);
        api.onlineMember(first, Tickets.unique("other-team"), "TECH", Map.of(tag, 5), 5);
        api.onlineMember(second, team, "CUSTOMER_SERVICE", Map.of(), 5);

        try (EventProbe routing = EventProbe.open(Topics.Names.ROUTING)) {
            TicketCreated ticket = assignedTo(routing, first, Department.TECH, tag);

            JsonNode view = RoutingApi.read(transfer(ticket, Map.of("toAgentId", second, "reason", "needs refund rights",
                    "by", "lead-x")).expectStatus().isOk());

            Envelope<TicketTransferred> transferred = routing.awaitEnvelope(TicketTransferred.class,
                    e -> e.ticketNo().equals(ticket.ticketNo()), WAIT);
            assertThat(transferred.id()).isEqualTo(EventIds.of("ticket-transferred", ticket.ticketId(), 1));
            assertThat(transferred.event().fromAgentId()).isEqualTo(first);
            assertThat(transferred.event().toAgentId()).isEqualTo(second);
            assertThat(transferred.event().reason()).isEqualTo("needs refund rights");
            assertThat(transferred.event().transferCount()).isEqualTo(1);
            assertThat(transferred.event().transferredBy()).isEqualTo("lead-x");
            assertThat(transferred.event().fromDepartment()).isEqualTo(Department.TECH);
            assertThat(transferred.event().toDepartment()).isEqualTo(Department.CUSTOMER_SERVICE);
            TicketAssigned assigned = routing.await(TicketAssigned.class,
                    e -> e.ticketNo().equals(ticket.ticketNo()) && e.assignmentNo() == 2);
            assertThat(assigned.agentId()).isEqualTo(second);
            assertThat(assigned.reason()).isEqualTo("transfer");
            assertThat(assigned.team()).isEqualTo(team);
            assertThat(assigned.teamLead()).isEqualTo("lead-" + team);
            assertThat(assigned.supervisor()).isEqualTo("sup-" + team);

            assertThat(view.get("agentId").asString()).isEqualTo(second);
            assertThat(view.get("transferCount").asInt()).isEqualTo(1);
            assertThat(view.get("department").asString()).isEqualTo("CUSTOMER_SERVICE");
            assertThat(view.get("history").valueStream().map(h -> h.get("action").asString()))
                    .containsExactly("QUEUED", "ASSIGNED", "TRANSFERRED", "ASSIGNED");
            JsonNode step = view.get("history").get(2);
            assertThat(step.get("reason").asString()).isEqualTo("needs refund rights");
            assertThat(step.get("by").asString()).isEqualTo("lead-x");
            assertThat(api.agent(first).get("load").asInt()).isZero();
            assertThat(api.agent(second).get("activeTickets").valueStream().map(JsonNode::asString))
                    .containsExactly(ticket.ticketNo());
        }
    }

    @Test
    void given_a_ticket_transferred_three_times_then_only_the_third_transfer_requests_a_major_escalation() {
        String tag = Tickets.unique("loop");
        String a = Tickets.unique("a");
        String b = Tickets.unique("b");
        String c = Tickets.unique("c");
        api.onlineMember(a, Tickets.unique("ta"), "TECH", Map.of(tag, 5), 5);
        api.onlineMember(b, Tickets.unique("tb"), "TECH", Map.of(), 5);
        api.onlineMember(c, Tickets.unique("tc"), "OPERATIONS", Map.of(), 5);

        try (EventProbe routing = EventProbe.open(Topics.Names.ROUTING)) {
            TicketCreated ticket = assignedTo(routing, a, Department.TECH, tag);

            transfer(ticket, Map.of("toAgentId", b, "reason", "not mine")).expectStatus().isOk();
            transfer(ticket, Map.of("toAgentId", c, "reason", "process question")).expectStatus().isOk();
            routing.await(TicketAssigned.class, e -> e.ticketNo().equals(ticket.ticketNo()) && e.assignmentNo() == 3);
            assertThat(routing.received(EscalationRequested.class, e -> e.ticketNo().equals(ticket.ticketNo()))).isEmpty();

            transfer(ticket, Map.of("toAgentId", a, "reason", "back to tech", "by", "sup-7")).expectStatus().isOk();

            Envelope<EscalationRequested> escalation = routing.awaitEnvelope(EscalationRequested.class,
                    e -> e.ticketNo().equals(ticket.ticketNo()), WAIT);
            assertThat(escalation.event().level()).isEqualTo(EscalationLevel.MAJOR);
            assertThat(escalation.event().trigger()).isEqualTo("third-transfer");
            assertThat(escalation.event().department()).isEqualTo(Department.TECH);
            assertThat(escalation.event().requestedBy()).isEqualTo("sup-7");
            assertThat(escalation.id()).isEqualTo(EventIds.of("escalation-requested", ticket.ticketId(), "third-transfer"));
            TicketAssigned back = routing.await(TicketAssigned.class,
                    e -> e.ticketNo().equals(ticket.ticketNo()) && e.assignmentNo() == 4);
            routing.await(TicketTransferred.class, e -> e.ticketNo().equals(ticket.ticketNo()) && e.transferCount() == 3);
            assertThat(back.agentId()).isEqualTo(a);
            assertThat(once(routing.received(TicketTransferred.class, e -> e.ticketNo().equals(ticket.ticketNo()))))
                    .extracting(e -> e.event().transferCount()).containsExactly(1, 2, 3);
            assertThat(api.assignment(ticket.ticketNo()).get("transferCount").asInt()).isEqualTo(3);
            assertThat(meters.find("ticketflow.routing.transfers").tag("department", "tech").counter())
                    .isNotNull().satisfies(counter -> assertThat(counter.count()).isGreaterThanOrEqualTo(2));
        }
    }

    @Test
    void given_a_transfer_to_a_team_with_nobody_online_then_it_waits_for_that_team_and_a_member_coming_online_takes_it() {
        String tag = Tickets.unique("customs");
        String owner = Tickets.unique("owner");
        String team = Tickets.unique("customs-team");
        String member = Tickets.unique("member");
        api.team(team, "LOGISTICS", "lead-c", "sup-c");
        api.onlineMember(owner, Tickets.unique("t"), "TECH", Map.of(tag, 4), 5);
        Map<String, Object> body = RoutingApi.agentBody("LOGISTICS", Map.of(), 5, List.of());
        body.put("team", team);
        api.putAgent(member, body).expectStatus().isOk();

        try (EventProbe routing = EventProbe.open(Topics.Names.ROUTING)) {
            TicketCreated ticket = assignedTo(routing, owner, Department.TECH, tag);

            JsonNode view = RoutingApi.read(transfer(ticket, Map.of("toTeam", team, "reason", "customs paperwork"))
                    .expectStatus().isOk());

            routing.await(TicketQueued.class, e -> e.ticketNo().equals(ticket.ticketNo()) && e.department() == Department.LOGISTICS);
            assertThat(view.get("status").asString()).isEqualTo("QUEUED");
            assertThat(view.get("waitingForTeam").asString()).isEqualTo(team);
            assertThat(api.waitingIn("LOGISTICS")).contains(ticket.ticketNo());
            assertThat(api.agent(owner).get("load").asInt()).isZero();
            org.awaitility.Awaitility.await().atMost(WAIT).untilAsserted(() -> assertThat(
                    meters.find("ticketflow.routing.queue.length").tag("department", "logistics").gauge())
                    .isNotNull().satisfies(g -> assertThat(g.value()).isGreaterThanOrEqualTo(1)));
            assertThat(meters.find("ticketflow.routing.queue.oldest.wait").tag("department", "logistics").gauge()).isNotNull();

            api.presence(member, "ONLINE");

            TicketAssigned assigned = routing.await(TicketAssigned.class,
                    e -> e.ticketNo().equals(ticket.ticketNo()) && e.assignmentNo() == 2);
            assertThat(assigned.agentId()).isEqualTo(member);
            assertThat(assigned.reason()).isEqualTo("transfer");
            assertThat(assigned.teamLead()).isEqualTo("lead-c");
            org.awaitility.Awaitility.await().atMost(WAIT).untilAsserted(() -> assertThat(
                    meters.find("ticketflow.routing.agent.utilisation").tag("team", team).gauge())
                    .isNotNull().satisfies(g -> assertThat(g.value()).isEqualTo(1.0 / 5)));
        }
    }

    @Test
    void given_a_supervisor_override_then_the_named_agent_gets_the_ticket_regardless_of_skill_and_nothing_is_counted_as_transfer() {
        String tag = Tickets.unique("db");
        String expert = Tickets.unique("expert");
        String trainee = Tickets.unique("trainee");
        api.onlineMember(expert, Tickets.unique("t"), "TECH", Map.of(tag, 5), 5);
        api.onlineMember(trainee, Tickets.unique("t"), "TECH", Map.of(), 5);

        try (EventProbe routing = EventProbe.open(Topics.Names.ROUTING)) {
            TicketCreated ticket = assignedTo(routing, expert, Department.TECH, tag);

            JsonNode view = RoutingApi.read(api.post(path(ticket, "override"),
                    Map.of("agentId", trainee, "reason", "training case", "by", "sup-1")).expectStatus().isOk());

            TicketAssigned assigned = routing.await(TicketAssigned.class,
                    e -> e.ticketNo().equals(ticket.ticketNo()) && e.assignmentNo() == 2);
            assertThat(assigned.agentId()).isEqualTo(trainee);
            assertThat(assigned.reason()).isEqualTo("override");
            assertThat(view.get("transferCount").asInt()).isZero();
            assertThat(view.get("history").valueStream().filter(h -> h.get("action").asString().equals("OVERRIDDEN")))
                    .singleElement().satisfies(h -> {
                        assertThat(h.get("reason").asString()).isEqualTo("training case");
                        assertThat(h.get("by").asString()).isEqualTo("sup-1");
                    });
            assertThat(routing.received(TicketTransferred.class, e -> e.ticketNo().equals(ticket.ticketNo()))).isEmpty();
            assertThat(api.agent(expert).get("load").asInt()).isZero();
        }
    }

    @Test
    void collaborators_are_added_once_per_department_and_report_masked_progress_until_finished() {
        String tag = Tickets.unique("cross");
        String owner = Tickets.unique("owner");
        api.onlineMember(owner, Tickets.unique("t"), "TECH", Map.of(tag, 4), 5);

        try (EventProbe routing = EventProbe.open(Topics.Names.ROUTING)) {
            TicketCreated ticket = assignedTo(routing, owner, Department.TECH, tag);

            api.post(path(ticket, "collaborators"), Map.of("department", "QUALITY", "team", "yaml-team",
                    "reason", "defect analysis", "by", "lead-1")).expectStatus().isOk();
            Envelope<CollaboratorAdded> added = routing.awaitEnvelope(CollaboratorAdded.class,
                    e -> e.ticketNo().equals(ticket.ticketNo()), WAIT);
            assertThat(added.event().department()).isEqualTo(Department.QUALITY);
            assertThat(added.event().team()).isEqualTo("yaml-team");
            assertThat(added.event().primaryAgentId()).isEqualTo(owner);
            assertThat(added.event().primaryDepartment()).isEqualTo(Department.TECH);
            assertThat(added.event().reason()).isEqualTo("defect analysis");
            assertProblem(api.post(path(ticket, "collaborators"), Map.of("department", "QUALITY", "reason", "again")), 409);
            assertProblem(api.post(path(ticket, "collaborators"), Map.of("department", "TECH", "reason", "owner")), 409);

            String note = "Called the plant, reach me at 13812345678";
            api.post(path(ticket, "collaborators/quality/progress"), Map.of("by", "q-1", "note", note, "finished", false))
                    .expectStatus().isOk();
            JsonNode finished = RoutingApi.read(api.post(path(ticket, "collaborators/QUALITY/progress"),
                    Map.of("by", "q-1", "note", "root cause found", "finished", true)).expectStatus().isOk());

            List<Envelope<CollaboratorProgressReported>> reports = awaitReports(routing, ticket, 2);
            assertThat(reports.get(0).event().note()).isEqualTo(PersonalData.maskText(note)).doesNotContain("13812345678");
            assertThat(reports.get(0).event().finished()).isFalse();
            assertThat(reports.get(1).event().finished()).isTrue();
            assertThat(reports.get(1).id()).isEqualTo(EventIds.of("collaborator-progress", ticket.ticketId(), "QUALITY", 2));
            assertThat(finished.get("collaborators")).singleElement().satisfies(c -> {
                assertThat(c.get("department").asString()).isEqualTo("QUALITY");
                assertThat(c.get("reports").asInt()).isEqualTo(2);
                assertThat(c.get("finished").asBoolean()).isTrue();
            });
            assertProblem(api.post(path(ticket, "collaborators/QUALITY/progress"), Map.of("note", "more", "finished", false)), 409);
            assertProblem(api.post(path(ticket, "collaborators/RND/progress"), Map.of("note", "x", "finished", false)), 404);
            assertThat(api.assignment(ticket.ticketNo()).get("agentId").asString()).isEqualTo(owner);
        }
    }

    @Test
    void bad_requests_are_problems_that_change_nothing_and_publish_nothing() {
        String tag = Tickets.unique("bad");
        String owner = Tickets.unique("owner");
        String other = Tickets.unique("other");
        String offline = Tickets.unique("offline");
        api.onlineMember(owner, Tickets.unique("t"), "TECH", Map.of(tag, 4), 5);
        api.onlineMember(other, Tickets.unique("t"), "TECH", Map.of(), 5);
        api.register(offline, "TECH", Map.of(), 5, List.of());

        try (EventProbe routing = EventProbe.open(Topics.Names.ROUTING)) {
            TicketCreated ticket = assignedTo(routing, owner, Department.TECH, tag);
            JsonNode before = api.assignment(ticket.ticketNo());

            assertProblem(api.post("/api/v1/assignments/209901-999999/transfer", Map.of("toAgentId", other, "reason", "r")), 404);
            assertInvalid(transfer(ticket, Map.of("toAgentId", other)), "reason");
            assertInvalid(transfer(ticket, Map.of("toAgentId", other, "reason", "  ")), "reason");
            assertInvalid(transfer(ticket, Map.of("toAgentId", other, "toTeam", "yaml-team", "reason", "r")), "oneTarget");
            assertInvalid(transfer(ticket, Map.of("reason", "r")), "oneTarget");
            assertInvalid(transfer(ticket, Map.of("toAgentId", Tickets.unique("ghost"), "reason", "r")), "toAgentId");
            assertInvalid(transfer(ticket, Map.of("toTeam", Tickets.unique("ghost-team"), "reason", "r")), "toTeam");
            assertProblem(transfer(ticket, Map.of("toAgentId", offline, "reason", "r")), 409);
            assertProblem(transfer(ticket, Map.of("toAgentId", owner, "reason", "r")), 409);
            assertProblem(api.post(path(ticket, "transfer"), "{\"toAgentId\": "), 400);
            assertInvalid(api.post(path(ticket, "override"), Map.of("agentId", Tickets.unique("ghost"), "reason", "r")), "agentId");
            assertInvalid(api.post(path(ticket, "override"), Map.of("agentId", other)), "reason");
            assertInvalid(api.post(path(ticket, "collaborators"), Map.of("department", "SALES", "reason", "r")), "department");
            assertInvalid(api.post(path(ticket, "collaborators"), Map.of("department", "RND")), "reason");
            assertInvalid(api.post(path(ticket, "collaborators"),
                    Map.of("department", "RND", "team", Tickets.unique("ghost"), "reason", "r")), "team");
            assertProblem(api.post(path(ticket, "collaborators/SALES/progress"), Map.of("note", "n", "finished", false)), 404);
            assertProblem(api.post(path(ticket, "acknowledgement"), Map.of("agentId", other)), 409);

            assertThat(api.assignment(ticket.ticketNo())).isEqualTo(before);
            assertThat(api.agent(other).get("load").asInt()).isZero();

            // marker: the first routing events of this ticket after its assignment are the valid transfer's
            transfer(ticket, Map.of("toAgentId", other, "reason", "valid at last")).expectStatus().isOk();
            routing.await(TicketAssigned.class, e -> e.ticketNo().equals(ticket.ticketNo()) && e.assignmentNo() == 2);
            assertThat(once(routing.received(TicketTransferred.class, e -> e.ticketNo().equals(ticket.ticketNo()))))
                    .extracting(e -> e.event().reason()).containsExactly("valid at last");
            assertThat(routing.received(EscalationRequested.class, e -> e.ticketNo().equals(ticket.ticketNo()))).isEmpty();
            assertThat(routing.received(CollaboratorAdded.class, e -> e.ticketNo().equals(ticket.ticketNo()))).isEmpty();
            assertThat(once(routing.received(TicketAssigned.class, e -> e.ticketNo().equals(ticket.ticketNo()))))
                    .extracting(e -> e.event().agentId()).containsExactly(owner, other);
        }
    }

    @Test
    void an_agent_who_goes_away_keeps_their_tickets_but_gets_no_new_ones_and_going_offline_reassigns_them() {
        String tag = Tickets.unique("router");
        String leaving = Tickets.unique("leaving");
        String staying = Tickets.unique("staying");
        api.onlineMember(leaving, Tickets.unique("t"), "TECH", Map.of(tag, 5), 5);

        try (EventProbe routing = EventProbe.open(Topics.Names.ROUTING)) {
            TicketCreated held = assignedTo(routing, leaving, Department.TECH, tag);
            api.onlineMember(staying, Tickets.unique("t"), "TECH", Map.of(tag, 3), 5);
            api.presence(leaving, "AWAY");

            TicketCreated next = Tickets.created(Department.TECH, Priority.P2, "c-next", tag);
            intake.publish(UUID.randomUUID(), next);
            assertThat(routing.await(TicketAssigned.class, e -> e.ticketNo().equals(next.ticketNo())).agentId()).isEqualTo(staying);
            assertThat(api.assignment(held.ticketNo()).get("agentId").asString()).isEqualTo(leaving);
            assertThat(routing.received(TicketReassigned.class, e -> e.ticketNo().equals(held.ticketNo()))).isEmpty();

            api.presence(leaving, "OFFLINE");

            Envelope<TicketReassigned> reassigned = routing.awaitEnvelope(TicketReassigned.class,
                    e -> e.ticketNo().equals(held.ticketNo()), WAIT);
            assertThat(reassigned.event().fromAgentId()).isEqualTo(leaving);
            assertThat(reassigned.event().reason()).isEqualTo(ReassignReason.AGENT_OFFLINE);
            assertThat(reassigned.id()).isEqualTo(EventIds.of("ticket-reassigned", held.ticketId(), 1));
            TicketAssigned again = routing.await(TicketAssigned.class,
                    e -> e.ticketNo().equals(held.ticketNo()) && e.assignmentNo() == 2);
            assertThat(again.agentId()).isEqualTo(staying);
            assertThat(again.reason()).isEqualTo("reassigned");
            assertThat(api.agent(leaving).get("load").asInt()).isZero();
            assertThat(api.assignment(held.ticketNo()).get("history").valueStream().map(h -> h.get("action").asString()))
                    .containsExactly("QUEUED", "ASSIGNED", "REASSIGNED", "ASSIGNED");
        }
    }

    @Test
    void a_reopened_ticket_goes_back_to_its_previous_owner_once_however_often_the_reopen_is_delivered() {
        String tag = Tickets.unique("return");
        String owner = Tickets.unique("owner");
        String rival = Tickets.unique("rival");
        api.onlineMember(owner, Tickets.unique("t"), "CUSTOMER_SERVICE", Map.of(tag, 3), 5);

        try (EventProbe routing = EventProbe.open(Topics.Names.ROUTING)) {
            TicketCreated ticket = assignedTo(routing, owner, Department.CUSTOMER_SERVICE, tag);
            api.onlineMember(rival, Tickets.unique("t"), "CUSTOMER_SERVICE", Map.of(tag, 5), 5);
            intake.publish(UUID.randomUUID(), Tickets.resolved(ticket, owner));
            intake.publish(UUID.randomUUID(), Tickets.closed(ticket));
            awaitLoad(owner, 0);

            TicketReopened reopened = Tickets.reopened(ticket, 1, null);
            UUID reopenId = UUID.randomUUID();
            intake.publish(reopenId, reopened);
            intake.publish(reopenId, reopened);
            intake.publish(UUID.randomUUID(), reopened);

            TicketAssigned back = routing.await(TicketAssigned.class,
                    e -> e.ticketNo().equals(ticket.ticketNo()) && e.assignmentNo() == 2);
            assertThat(back.agentId()).isEqualTo(owner);
            assertThat(back.reason()).isEqualTo("reopen");

            // marker: a second reopen after another resolution, its preferred agent named
            intake.publish(UUID.randomUUID(), Tickets.resolved(ticket, owner));
            intake.publish(UUID.randomUUID(), Tickets.reopened(ticket, 2, rival));
            TicketAssigned preferred = routing.await(TicketAssigned.class,
                    e -> e.ticketNo().equals(ticket.ticketNo()) && e.assignmentNo() == 3);
            assertThat(preferred.agentId()).isEqualTo(rival);
            assertThat(once(routing.received(TicketAssigned.class, e -> e.ticketNo().equals(ticket.ticketNo()))))
                    .extracting(e -> e.event().assignmentNo()).containsExactly(1, 2, 3);
            assertThat(api.agent(owner).get("load").asInt()).isZero();
        }
    }

    @Test
    void a_reopened_ticket_whose_owner_is_offline_waits_ahead_of_its_priority() {
        String tag = Tickets.unique("again");
        String owner = Tickets.unique("owner");
        api.onlineMember(owner, Tickets.unique("t"), "RND", Map.of(tag, 4), 5);

        try (EventProbe routing = EventProbe.open(Topics.Names.ROUTING)) {
            TicketCreated ticket = assignedTo(routing, owner, Department.RND, tag);
            intake.publish(UUID.randomUUID(), Tickets.resolved(ticket, owner));
            awaitLoad(owner, 0);
            api.presence(owner, "OFFLINE");
            TicketCreated earlier = Tickets.created(Department.RND, Priority.P2, "c-earlier", tag);
            intake.publish(UUID.randomUUID(), earlier);
            routing.await(TicketQueued.class, e -> e.ticketNo().equals(earlier.ticketNo()));

            intake.publish(UUID.randomUUID(), Tickets.reopened(ticket, 1, null));

            routing.await(TicketQueued.class, e -> e.ticketNo().equals(ticket.ticketNo()) && e.queuedAt().isAfter(ticket.occurredAt().minusSeconds(1)));
            assertThat(api.waitingIn("RND")).containsSubsequence(ticket.ticketNo(), earlier.ticketNo());
            assertThat(api.queue().get("departments").get("RND").valueStream()
                    .filter(e -> e.get("ticketNo").asString().equals(ticket.ticketNo()))).singleElement()
                    .satisfies(e -> assertThat(e.get("expedite").asBoolean()).isTrue());
        }
    }

    @Test
    void a_reclassification_to_another_department_moves_the_ticket_and_one_within_the_department_keeps_the_owner() {
        String tag = Tickets.unique("flow");
        String techAgent = Tickets.unique("tech");
        String opsAgent = Tickets.unique("ops");
        api.onlineMember(techAgent, Tickets.unique("t"), "TECH", Map.of(tag, 4), 5);
        api.onlineMember(opsAgent, Tickets.unique("t"), "OPERATIONS", Map.of(tag, 3), 5);

        try (EventProbe routing = EventProbe.open(Topics.Names.ROUTING)) {
            TicketCreated kept = assignedTo(routing, techAgent, Department.TECH, tag);
            TicketCreated moved = assignedTo(routing, techAgent, Department.TECH, tag);

            intake.publish(UUID.randomUUID(), Tickets.reclassified(kept, Department.TECH, Priority.P1));
            intake.publish(UUID.randomUUID(), Tickets.reclassified(moved, Department.OPERATIONS, Priority.P2));

            TicketAssigned assigned = routing.await(TicketAssigned.class,
                    e -> e.ticketNo().equals(moved.ticketNo()) && e.assignmentNo() == 2);
            assertThat(assigned.agentId()).isEqualTo(opsAgent);
            assertThat(assigned.reason()).isEqualTo("reclassified");
            assertThat(api.assignment(moved.ticketNo()).get("department").asString()).isEqualTo("OPERATIONS");
            JsonNode keptView = api.assignment(kept.ticketNo());
            assertThat(keptView.get("agentId").asString()).isEqualTo(techAgent);
            assertThat(keptView.get("priority").asString()).isEqualTo("P1");
            assertThat(keptView.get("assignmentNo").asInt()).isEqualTo(1);
        }
    }

    private TicketCreated assignedTo(EventProbe routing, String agentId, Department department, String tag) {
        TicketCreated ticket = Tickets.created(department, Priority.P2, Tickets.unique("c"), tag);
        intake.publish(UUID.randomUUID(), ticket);
        TicketAssigned assigned = routing.await(TicketAssigned.class, e -> e.ticketNo().equals(ticket.ticketNo()));
        assertThat(assigned.agentId()).isEqualTo(agentId);
        return ticket;
    }

    /**
     * Events as a consumer that deduplicates on {@code ce_id} sees them: the outbox relay may
     * publish an event a second time, always under the same id.
     */
    private static <E extends io.ticketflow.events.TicketflowEvent> List<Envelope<E>> once(List<Envelope<E>> received) {
        java.util.Set<UUID> seen = new java.util.HashSet<>();
        return received.stream().filter(e -> seen.add(e.id())).toList();
    }

    private List<Envelope<CollaboratorProgressReported>> awaitReports(EventProbe routing, TicketCreated ticket, int count) {
        org.awaitility.Awaitility.await().atMost(WAIT).until(() ->
                once(routing.received(CollaboratorProgressReported.class, e -> e.ticketNo().equals(ticket.ticketNo()))).size() >= count);
        return once(routing.received(CollaboratorProgressReported.class, e -> e.ticketNo().equals(ticket.ticketNo())));
    }

    private void awaitLoad(String agentId, int load) {
        org.awaitility.Awaitility.await().atMost(WAIT).untilAsserted(() ->
                assertThat(api.agent(agentId).get("load").asInt()).isEqualTo(load));
    }

    private RestTestClient.ResponseSpec transfer(TicketCreated ticket, Map<String, Object> body) {
        return api.post(path(ticket, "transfer"), new LinkedHashMap<>(body));
    }

    private static String path(TicketCreated ticket, String action) {
        return "/api/v1/assignments/" + ticket.ticketNo() + "/" + action;
    }

    private static void assertInvalid(RestTestClient.ResponseSpec response, String field) {
        assertProblem(response, 400)
                .jsonPath("$.errors[*].field").value(fields -> assertThat((List<?>) fields)
                        .anySatisfy(f -> assertThat((String) f).startsWith(field)));
    }

    private static RestTestClient.BodyContentSpec assertProblem(RestTestClient.ResponseSpec response, int status) {
        return response.expectStatus().isEqualTo(status)
                .expectHeader().contentTypeCompatibleWith("application/problem+json")
                .expectBody().jsonPath("$.status").isEqualTo(status);
    }
}
