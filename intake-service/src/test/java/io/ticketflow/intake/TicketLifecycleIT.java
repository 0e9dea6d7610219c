package io.ticketflow.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import io.ticketflow.events.CallbackCompleted;
import io.ticketflow.events.CallbackOutcome;
import io.ticketflow.events.Channel;
import io.ticketflow.events.Department;
import io.ticketflow.events.Envelope;
import io.ticketflow.events.HoldReason;
import io.ticketflow.events.Nature;
import io.ticketflow.events.Priority;
import io.ticketflow.events.RatingReceived;
import io.ticketflow.events.ReassignReason;
import io.ticketflow.events.ReopenRequested;
import io.ticketflow.events.ReplyAuthor;
import io.ticketflow.events.RootCause;
import io.ticketflow.events.TicketAssigned;
import io.ticketflow.events.TicketClosed;
import io.ticketflow.events.TicketCreated;
import io.ticketflow.events.TicketFlag;
import io.ticketflow.events.TicketFlagged;
import io.ticketflow.events.TicketHeld;
import io.ticketflow.events.TicketInfoProvided;
import io.ticketflow.events.TicketInfoRequested;
import io.ticketflow.events.TicketReclassified;
import io.ticketflow.events.TicketReopened;
import io.ticketflow.events.TicketReplied;
import io.ticketflow.events.TicketResolved;
import io.ticketflow.events.TicketResumed;
import io.ticketflow.events.TicketTransferred;
import io.ticketflow.events.TicketReassigned;
import io.ticketflow.events.TicketStatus;
import io.ticketflow.events.TicketType;
import io.ticketflow.events.Topics;
import io.ticketflow.intake.ticket.LifecycleEventIds;
import io.ticketflow.testkit.EventProbe;
import io.ticketflow.testkit.RawRecords;
import io.ticketflow.testkit.TicketflowServiceTest;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import tools.jackson.databind.JsonNode;

/**
 * The ticket's whole life over real HTTP, the real Kafka broker and MongoDB: every transition
 * publishes its event on ticket.lifecycle; every illegal one is a 409 that publishes nothing
 * (proved by a later marker on the ticket's own partition); feedback's reopen requests and
 * satisfied ratings act once however often they arrive. Every scenario has its own customer.
 */
@TicketflowServiceTest
class TicketLifecycleIT {

    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final String TICKETS = "/api/v1/tickets";

    @LocalServerPort
    int port;

    @Autowired
    MongoTemplate mongo;

    IntakeApi api;

    @BeforeEach
    void client() {
        api = new IntakeApi(port);
    }

    // --- NEEDS_INFO -----------------------------------------------------------------------------

    @Test
    void a_ticket_missing_evidence_asks_for_it_and_opens_once_everything_arrived() {
        try (EventProbe lifecycle = EventProbe.open(Topics.Names.LIFECYCLE)) {
            // given a billing fault with neither an order id nor an error code
            IntakeApi.Answer answer = api.post(TICKETS, submission(newCustomer(), "WEB", "The app crashes when I pay",
                    List.of("billing")));
            assertThat(answer.status()).as(answer.toString()).isEqualTo(201);
            String ticketNo = answer.json().get("ticketNo").asString();
            String ticketId = answer.json().get("id").asString();

            // then TicketCreated (NEEDS_INFO) and TicketInfoRequested (sequence 2) are both in Kafka already
            TicketCreated created = lifecycle.await(TicketCreated.class, e -> e.ticketNo().equals(ticketNo));
            assertThat(created.status()).isEqualTo(TicketStatus.NEEDS_INFO);
            Envelope<TicketInfoRequested> requested = lifecycle.awaitEnvelope(TicketInfoRequested.class,
                    e -> e.ticketNo().equals(ticketNo), PATIENCE);
            assertThat(requested.event().sequence()).isEqualTo(2);
            assertThat(requested.event().missingInfo()).containsExactly("errorCode", "orderId")
                    .isEqualTo(created.missingInfo());
            assertThat(requested.id()).isEqualTo(LifecycleEventIds.of(ticketId, 2));
            assertThat(view(ticketNo).get("version").asLong()).isEqualTo(2);

            // when the order id arrives, the error code is still missing
            IntakeApi.Answer partial = api.post(path(ticketNo, "info"),
                    Map.of("orderId", "20261123001", "note", "call me on 13912345678"));
            assertThat(partial.status()).as(partial.toString()).isEqualTo(200);
            assertThat(partial.json().get("status").asString()).isEqualTo("NEEDS_INFO");
            assertThat(texts(partial.json().get("missingInfo"))).containsExactly("errorCode");
            TicketInfoProvided first = lifecycle.await(TicketInfoProvided.class, e -> e.ticketNo().equals(ticketNo));
            assertThat(first.sequence()).isEqualTo(3);
            assertThat(first.provided()).containsExactly("orderId");
            assertThat(first.stillMissing()).containsExactly("errorCode");
            assertThat(first.note()).contains("20261123001").contains("139****5678").doesNotContain("13912345678");

            // and a screenshot completes it: the ticket is OPEN
            IntakeApi.Answer complete = api.post(path(ticketNo, "info"),
                    Map.of("attachments", List.of(Map.of("name", "screen.png", "size", 20480))));
            assertThat(complete.status()).as(complete.toString()).isEqualTo(200);
            assertThat(complete.json().get("status").asString()).isEqualTo("OPEN");
            assertThat(texts(complete.json().get("missingInfo"))).isEmpty();
            assertThat(texts(complete.json().get("providedInfo"))).containsExactly("orderId", "attachments");
            TicketInfoProvided second = lifecycle.await(TicketInfoProvided.class,
                    e -> e.ticketNo().equals(ticketNo) && e.sequence() == 4);
            assertThat(second.stillMissing()).isEmpty();

            // nothing is missing any more: more information is a conflict
            assertThat(api.post(path(ticketNo, "info"), Map.of("orderId", "1")).status()).isEqualTo(409);
        }
    }

    @Test
    void information_completing_an_assigned_ticket_makes_it_assigned() {
        String ticketNo = submitted(submission(newCustomer(), "APP", "Payment fails on order 20261123009", List.of("billing")));
        JsonNode ticket = view(ticketNo);
        assertThat(ticket.get("status").asString()).isEqualTo("NEEDS_INFO");
        try (RawRecords raw = new RawRecords()) {
            raw.publish(UUID.randomUUID(), new TicketAssigned(ticket.get("id").asString(), ticketNo, "a-info", "team",
                    Department.TECH, 1, "skill-match", Instant.now()));
        }
        await().atMost(PATIENCE).until(() -> "a-info".equals(view(ticketNo).get("assignee").stringValue(null)));

        IntakeApi.Answer complete = api.post(path(ticketNo, "info"), Map.of("errorCode", "E1001"));

        assertThat(complete.status()).as(complete.toString()).isEqualTo(200);
        assertThat(complete.json().get("status").asString()).isEqualTo("ASSIGNED");
    }

    @Test
    void a_needs_info_ticket_whose_request_was_never_published_gets_it_from_the_repair() {
        String customer = newCustomer();
        String stalled = UUID.randomUUID().toString();
        String fresh = UUID.randomUUID().toString();
        String stalledNo = "209912-" + stalled.substring(0, 6);
        String freshNo = "209912-" + fresh.substring(0, 6);
        try (EventProbe lifecycle = EventProbe.open(Topics.Names.LIFECYCLE); RawRecords raw = new RawRecords()) {
            // given two NEEDS_INFO creations whose submissions stopped before TicketInfoRequested:
            // one an hour ago, one just now
            Instant anHourAgo = Instant.now().minus(Duration.ofHours(1)).truncatedTo(ChronoUnit.MILLIS);
            raw.publish(LifecycleEventIds.of(stalled, 1), needsInfo(stalled, stalledNo, customer, anHourAgo));
            raw.publish(LifecycleEventIds.of(fresh, 1), needsInfo(fresh, freshNo, customer,
                    Instant.now().truncatedTo(ChronoUnit.MILLIS)));
            await().atMost(PATIENCE).until(() -> api.get(TICKETS + "/" + freshNo).status() == 200);

            // then nothing may take the fresh one's sequence 2 meanwhile
            IntakeApi.Answer busy = api.post(path(freshNo, "replies"),
                    Map.of("author", "AGENT", "agentId", "a-1", "message", "hello"));
            assertThat(busy.status()).as(busy.toString()).isEqualTo(409);
            assertThat(busy.json().get("detail").asString()).isEqualTo("ticket is being changed, retry");

            // and the stalled one gets exactly the request its submission would have published
            Envelope<TicketInfoRequested> repaired = lifecycle.awaitEnvelope(TicketInfoRequested.class,
                    e -> e.ticketNo().equals(stalledNo), Duration.ofSeconds(60));
            assertThat(repaired.id()).isEqualTo(LifecycleEventIds.of(stalled, 2));
            assertThat(repaired.event().sequence()).isEqualTo(2);
            assertThat(repaired.event().occurredAt()).isEqualTo(anHourAgo);
            assertThat(repaired.event().missingInfo()).containsExactly("orderId");
            await().atMost(PATIENCE).until(() -> view(stalledNo).get("version").asLong() == 2);
        }
    }

    @Test
    void a_customers_answer_whose_resume_was_never_published_gets_it_from_the_repair() {
        String agent = "a-" + UUID.randomUUID().toString().substring(0, 8);
        try (EventProbe lifecycle = EventProbe.open(Topics.Names.LIFECYCLE)) {
            String ticketNo = submitted(submission(newCustomer(), "WEB", "Error E1001 at checkout", List.of()));
            String ticketId = view(ticketNo).get("id").asString();
            assertStatus(api.post(path(ticketNo, "replies"), Map.of("author", "AGENT", "agentId", agent, "message", "hi")),
                    "IN_PROGRESS", 2);
            assertStatus(api.post(path(ticketNo, "hold"), Map.of("reason", "WAITING_FOR_CUSTOMER", "agentId", agent)),
                    "PENDING", 3);

            // given the customer's answer was published (a minute ago) but intake stopped before the resume
            Instant answeredAt = Instant.now().minus(Duration.ofMinutes(1)).truncatedTo(ChronoUnit.MILLIS);
            try (RawRecords raw = new RawRecords()) {
                raw.publish(LifecycleEventIds.of(ticketId, 4), new TicketReplied(ticketId, ticketNo, 4, answeredAt,
                        ReplyAuthor.CUSTOMER, null, false, "here is the screenshot"));
            }

            // then the repair publishes the resume the reply would have published, under its id
            Envelope<TicketResumed> resumed = lifecycle.awaitEnvelope(TicketResumed.class,
                    e -> e.ticketNo().equals(ticketNo), Duration.ofSeconds(60));
            assertThat(resumed.id()).isEqualTo(LifecycleEventIds.of(ticketId, 5));
            assertThat(resumed.event().sequence()).isEqualTo(5);
            assertThat(resumed.event().occurredAt()).isEqualTo(answeredAt);
            assertThat(resumed.event().agentId()).isNull();
            await().atMost(PATIENCE).until(() -> "IN_PROGRESS".equals(view(ticketNo).get("status").asString()));
            assertStatus(api.post(path(ticketNo, "resolution"), Map.of("agentId", agent, "summary", "done")), "RESOLVED", 6);
        }
    }

    // --- the whole way ----------------------------------------------------------------------------

    @Test
    void a_ticket_goes_the_whole_way_and_every_change_is_an_event_in_its_history() {
        String agent = "a-" + UUID.randomUUID().toString().substring(0, 8);
        try (EventProbe lifecycle = EventProbe.open(Topics.Names.LIFECYCLE)) {
            String ticketNo = submitted(submission(newCustomer(), "WEB", "Error E1001 at checkout", List.of()));
            String ticketId = view(ticketNo).get("id").asString();
            try (RawRecords raw = new RawRecords()) {
                raw.publish(UUID.randomUUID(), new TicketAssigned(ticketId, ticketNo, agent, "team", Department.TECH, 1,
                        "skill-match", Instant.now()));
            }
            await().atMost(PATIENCE).until(() -> "ASSIGNED".equals(view(ticketNo).get("status").asString()));

            assertStatus(api.post(path(ticketNo, "replies"), Map.of("author", "AGENT", "agentId", agent, "message", "On it")),
                    "IN_PROGRESS", 2);

            // held for the customer: the customer's reply resumes it
            assertStatus(api.post(path(ticketNo, "hold"), Map.of("reason", "WAITING_FOR_CUSTOMER", "agentId", agent,
                    "note", "asked for a screenshot")), "PENDING", 3);
            TicketHeld held = lifecycle.await(TicketHeld.class, e -> e.ticketNo().equals(ticketNo));
            assertThat(held.reason()).isEqualTo(HoldReason.WAITING_FOR_CUSTOMER);
            assertThat(held.agentId()).isEqualTo(agent);
            assertStatus(api.post(path(ticketNo, "replies"), Map.of("author", "CUSTOMER", "message", "here it is")),
                    "IN_PROGRESS", 5);
            lifecycle.await(TicketReplied.class, e -> e.ticketNo().equals(ticketNo) && e.sequence() == 4);
            TicketResumed byCustomer = lifecycle.await(TicketResumed.class, e -> e.ticketNo().equals(ticketNo));
            assertThat(byCustomer.sequence()).isEqualTo(5);
            assertThat(byCustomer.agentId()).isNull();

            // held for a third party: the customer's reply does not resume it, /resume does
            assertStatus(api.post(path(ticketNo, "hold"), Map.of("reason", "WAITING_FOR_THIRD_PARTY", "agentId", agent)),
                    "PENDING", 6);
            assertStatus(api.post(path(ticketNo, "replies"), Map.of("author", "CUSTOMER", "message", "any news?")),
                    "PENDING", 7);
            assertStatus(api.post(path(ticketNo, "resume"), Map.of("agentId", agent)), "IN_PROGRESS", 8);
            assertThat(lifecycle.await(TicketResumed.class, e -> e.ticketNo().equals(ticketNo) && e.sequence() == 8)
                    .agentId()).isEqualTo(agent);

            assertStatus(api.post(path(ticketNo, "resolution"), Map.of("agentId", agent, "summary", "Cache cleared")),
                    "RESOLVED", 9);
            assertStatus(api.post(path(ticketNo, "close"), Map.of("reason", "confirmed by phone", "closedBy", agent)),
                    "CLOSED", 10);
            TicketClosed closed = lifecycle.await(TicketClosed.class, e -> e.ticketNo().equals(ticketNo));
            assertThat(closed.closedBy()).isEqualTo(agent);
            assertThat(closed.reason()).isEqualTo("confirmed by phone");

            IntakeApi.Answer reopened = api.post(path(ticketNo, "reopen"),
                    Map.of("reason", "It happens again", "requestedBy", "c-self", "preferredAgentId", "a-senior"));
            assertStatus(reopened, "REOPENED", 11);
            assertThat(reopened.json().get("reopens").asInt()).isEqualTo(1);
            TicketReopened firstReopen = lifecycle.await(TicketReopened.class, e -> e.ticketNo().equals(ticketNo));
            assertThat(firstReopen.reopenNo()).isEqualTo(1);
            assertThat(firstReopen.requestedBy()).isEqualTo("c-self");
            assertThat(firstReopen.preferredAgentId()).isEqualTo("a-senior");

            assertStatus(api.post(path(ticketNo, "resolution"), Map.of("agentId", agent, "summary", "Really fixed")),
                    "RESOLVED", 12);
            assertThat(lifecycle.await(TicketResolved.class, e -> e.ticketNo().equals(ticketNo) && e.sequence() == 12)
                    .resolutionNo()).isEqualTo(2);
            assertStatus(api.post(path(ticketNo, "reopen"), Map.of("reason", "Still broken")), "REOPENED", 13);
            TicketReopened secondReopen = lifecycle.await(TicketReopened.class,
                    e -> e.ticketNo().equals(ticketNo) && e.sequence() == 13);
            assertThat(secondReopen.reopenNo()).isEqualTo(2);
            assertThat(secondReopen.requestedBy()).isEqualTo("customer");

            // the history lists every event with who, why and from → to
            JsonNode history = view(ticketNo).get("history");
            assertThat(history.findValuesAsString("event")).containsExactly("TicketCreated", "TicketAssigned",
                    "TicketReplied", "TicketHeld", "TicketReplied", "TicketResumed", "TicketHeld", "TicketReplied",
                    "TicketResumed", "TicketResolved", "TicketClosed", "TicketReopened", "TicketResolved", "TicketReopened");
            JsonNode hold = history.get(3);
            assertThat(hold.get("from").asString()).isEqualTo("IN_PROGRESS");
            assertThat(hold.get("to").asString()).isEqualTo("PENDING");
            assertThat(hold.get("by").asString()).isEqualTo(agent);
            assertThat(hold.get("reason").asString()).isEqualTo("WAITING_FOR_CUSTOMER");
            assertThat(hold.get("eventId").asString()).isEqualTo(LifecycleEventIds.of(ticketId, 3).toString());
            assertThat(hold.get("at").asString()).isNotBlank();
            JsonNode reopen = history.get(11);
            assertThat(reopen.get("from").asString()).isEqualTo("CLOSED");
            assertThat(reopen.get("to").asString()).isEqualTo("REOPENED");
            assertThat(reopen.get("by").asString()).isEqualTo("c-self");
            assertThat(reopen.get("reason").asString()).isEqualTo("It happens again");
        }
    }

    @Test
    void a_reclassification_records_the_previous_values_and_the_department_follows_the_type() {
        try (EventProbe lifecycle = EventProbe.open(Topics.Names.LIFECYCLE)) {
            String ticketNo = submitted(submission(newCustomer(), "WEB", "Error E1001 at checkout", List.of()));
            JsonNode before = view(ticketNo);
            assertThat(before.get("department").asString()).isEqualTo("TECH");

            IntakeApi.Answer changed = api.post(path(ticketNo, "classification"), Map.of("type", "SERVICE",
                    "nature", "COMPLAINT", "priority", "P1", "reason", "the customer complains about the agent",
                    "changedBy", "sup-1"));

            assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
            assertThat(changed.json().get("type").asString()).isEqualTo("SERVICE");
            assertThat(changed.json().get("department").asString()).isEqualTo("CUSTOMER_SERVICE");
            assertThat(changed.json().get("priority").asString()).isEqualTo("P1");
            TicketReclassified event = lifecycle.await(TicketReclassified.class, e -> e.ticketNo().equals(ticketNo));
            assertThat(event.sequence()).isEqualTo(2);
            assertThat(event.type()).isEqualTo(TicketType.SERVICE);
            assertThat(event.nature()).isEqualTo(Nature.COMPLAINT);
            assertThat(event.priority()).isEqualTo(Priority.P1);
            assertThat(event.department()).isEqualTo(Department.CUSTOMER_SERVICE);
            assertThat(event.previousType()).isEqualTo(TicketType.FUNCTION);
            assertThat(event.previousPriority()).isEqualTo(Priority.valueOf(before.get("priority").asString()));
            assertThat(event.previousDepartment()).isEqualTo(Department.TECH);
            assertThat(event.reason()).isEqualTo("the customer complains about the agent");
            assertThat(event.changedBy()).isEqualTo("sup-1");

            // only the priority: type and department stay
            IntakeApi.Answer raised = api.post(path(ticketNo, "classification"),
                    Map.of("priority", "P0", "reason", "many users affected", "changedBy", "sup-1"));
            assertThat(raised.status()).as(raised.toString()).isEqualTo(200);
            assertThat(raised.json().get("type").asString()).isEqualTo("SERVICE");
            assertThat(raised.json().get("priority").asString()).isEqualTo("P0");

            assertBadRequest(api.post(path(ticketNo, "classification"), Map.of("priority", "P2", "changedBy", "sup-1")),
                    "reason");
            assertBadRequest(api.post(path(ticketNo, "classification"), Map.of("reason", "why", "changedBy", "sup-1")),
                    "type");
            assertBadRequest(api.post(path(ticketNo, "classification"),
                    Map.of("priority", "P9", "reason", "why", "changedBy", "sup-1")), "priority");
            assertThat(api.post(path(ticketNo, "classification"),
                    Map.of("priority", "P0", "reason", "no change", "changedBy", "sup-1")).status()).isEqualTo(409);
            assertThat(view(ticketNo).get("version").asLong()).isEqualTo(3);
        }
    }

    // --- illegal transitions ----------------------------------------------------------------------

    @Test
    void every_illegal_transition_is_a_409_and_publishes_nothing() {
        String agent = "a-" + UUID.randomUUID().toString().substring(0, 8);
        try (EventProbe lifecycle = EventProbe.open(Topics.Names.LIFECYCLE)) {
            String ticketNo = submitted(submission(newCustomer(), "WEB", "Error E1001 at checkout", List.of()));
            String ticketId = view(ticketNo).get("id").asString();

            // NEW: not worked on, not finished, nothing missing
            assertConflict(api.post(path(ticketNo, "hold"), Map.of("reason", "WAITING_FOR_CUSTOMER", "agentId", agent)));
            assertConflict(api.post(path(ticketNo, "resume"), Map.of("agentId", agent)));
            assertConflict(api.post(path(ticketNo, "close"), Map.of("closedBy", agent)));
            assertConflict(api.post(path(ticketNo, "reopen"), Map.of("reason", "why")));
            assertConflict(api.post(path(ticketNo, "info"), Map.of("orderId", "20261123001")));

            // IN_PROGRESS: not held, not resolved
            assertStatus(api.post(path(ticketNo, "replies"), Map.of("author", "AGENT", "agentId", agent, "message", "hi")),
                    "IN_PROGRESS", 2);
            assertConflict(api.post(path(ticketNo, "resume"), Map.of("agentId", agent)));
            assertConflict(api.post(path(ticketNo, "close"), Map.of("closedBy", agent)));
            assertConflict(api.post(path(ticketNo, "reopen"), Map.of("reason", "why")));

            // PENDING: no second hold, no closure
            assertStatus(api.post(path(ticketNo, "hold"), Map.of("reason", "WAITING_FOR_THIRD_PARTY", "agentId", agent)),
                    "PENDING", 3);
            assertConflict(api.post(path(ticketNo, "hold"), Map.of("reason", "WAITING_FOR_CUSTOMER", "agentId", agent)));
            assertConflict(api.post(path(ticketNo, "close"), Map.of("closedBy", agent)));

            // RESOLVED: no reply, hold, resume, second resolution, reclassification
            assertStatus(api.post(path(ticketNo, "resolution"), Map.of("agentId", agent, "summary", "done")), "RESOLVED", 4);
            assertConflict(api.post(path(ticketNo, "replies"), Map.of("author", "CUSTOMER", "message", "hi")));
            assertConflict(api.post(path(ticketNo, "hold"), Map.of("reason", "WAITING_FOR_CUSTOMER", "agentId", agent)));
            assertConflict(api.post(path(ticketNo, "resume"), Map.of("agentId", agent)));
            assertConflict(api.post(path(ticketNo, "resolution"), Map.of("summary", "again")));
            assertConflict(api.post(path(ticketNo, "classification"),
                    Map.of("priority", "P0", "reason", "late", "changedBy", "sup-1")));

            // CLOSED: no second closure, no resolution, no reply
            assertStatus(api.post(path(ticketNo, "close"), Map.of("closedBy", agent)), "CLOSED", 5);
            assertConflict(api.post(path(ticketNo, "close"), Map.of("closedBy", agent)));
            assertConflict(api.post(path(ticketNo, "resolution"), Map.of("summary", "again")));
            assertConflict(api.post(path(ticketNo, "replies"), Map.of("author", "AGENT", "agentId", agent, "message", "x")));

            // a marker on the ticket's own partition: once it is seen, everything before it has been
            UUID marker = UUID.randomUUID();
            try (RawRecords raw = new RawRecords()) {
                raw.publish(marker, new TicketReplied(ticketId, ticketNo, 1, Instant.now(), ReplyAuthor.CUSTOMER, null,
                        false, "marker"));
            }
            lifecycle.awaitEnvelope(TicketReplied.class, e -> "marker".equals(e.message()) && e.ticketNo().equals(ticketNo),
                    PATIENCE);
            List<ConsumerRecordView> published = publishedFor(lifecycle, ticketId);
            assertThat(published).extracting(ConsumerRecordView::type).containsExactly(
                    "ticketflow.ticket.created.v1", "ticketflow.ticket.replied.v1", "ticketflow.ticket.held.v1",
                    "ticketflow.ticket.resolved.v1", "ticketflow.ticket.closed.v1", "ticketflow.ticket.replied.v1");
            assertThat(view(ticketNo).get("version").asLong()).isEqualTo(5);
        }
    }

    @Test
    void bad_lifecycle_commands_are_400_problems() {
        String ticketNo = submitted(submission(newCustomer(), "WEB", "Error E1001 at checkout", List.of()));

        assertBadRequest(api.post(path(ticketNo, "hold"), Map.of("reason", "WAITING_FOR_GODOT", "agentId", "a-1")), "reason");
        assertBadRequest(api.post(path(ticketNo, "hold"), Map.of("reason", "WAITING_FOR_CUSTOMER")), "agentId");
        assertBadRequest(api.post(path(ticketNo, "resume"), Map.of()), "agentId");
        assertBadRequest(api.post(path(ticketNo, "reopen"), Map.of("requestedBy", "c-1")), "reason");
        assertBadRequest(api.post(path(ticketNo, "close"), Map.of("reason", "done")), "closedBy");
        assertBadRequest(api.post(path(ticketNo, "info"), Map.of()), "orderId");
        assertBadRequest(api.post(path(ticketNo, "info"), Map.of("attachments", List.of(Map.of("name", "a.png", "size", -1)))),
                "attachments[0].size");
        assertThat(api.post("/api/v1/tickets/209901-999999/close", Map.of("closedBy", "a-1")).status()).isEqualTo(404);
        assertThat(view(ticketNo).get("version").asLong()).isEqualTo(1);
    }

    // --- the reopen window ------------------------------------------------------------------------

    @Test
    void a_finished_ticket_reopens_only_within_the_window() {
        String resolvedNo = submitted(submission(newCustomer(), "WEB", "Error E1001 at checkout", List.of()));
        assertStatus(api.post(path(resolvedNo, "resolution"), Map.of("summary", "done")), "RESOLVED", 2);
        String closedNo = submitted(submission(newCustomer(), "WEB", "Error E1002 at checkout", List.of()));
        assertStatus(api.post(path(closedNo, "resolution"), Map.of("summary", "done")), "RESOLVED", 2);
        assertStatus(api.post(path(closedNo, "close"), Map.of("closedBy", "a-1")), "CLOSED", 3);

        // resolved / closed 31 days ago: too late
        backdate(resolvedNo, "resolvedAt", Duration.ofDays(31));
        backdate(closedNo, "closedAt", Duration.ofDays(31));
        IntakeApi.Answer late = api.post(path(resolvedNo, "reopen"), Map.of("reason", "again"));
        assertConflict(late);
        assertThat(late.json().get("detail").asString()).contains("30 days");
        assertConflict(api.post(path(closedNo, "reopen"), Map.of("reason", "again")));

        // feedback's reopen request comes too late as well: nothing happens; the satisfied rating
        // after it on the same partition (the marker) still closes the ticket
        String resolvedId = view(resolvedNo).get("id").asString();
        try (RawRecords raw = new RawRecords()) {
            raw.publish(UUID.randomUUID(), new ReopenRequested(resolvedId, resolvedNo, "cb-" + UUID.randomUUID(),
                    "too late", null, null, Instant.now()));
            raw.publish(UUID.randomUUID(), new RatingReceived(resolvedId, resolvedNo, "s-" + UUID.randomUUID(), 5, null,
                    null, Instant.now()));
        }
        await().atMost(PATIENCE).until(() -> "CLOSED".equals(view(resolvedNo).get("status").asString()));
        assertThat(view(resolvedNo).get("version").asLong()).isEqualTo(3);
        assertThat(view(resolvedNo).get("history").findValuesAsString("event")).doesNotContain("TicketReopened");

        // 29 days ago: still in time
        backdate(resolvedNo, "closedAt", Duration.ofDays(29));
        backdate(closedNo, "closedAt", Duration.ofDays(29));
        assertStatus(api.post(path(resolvedNo, "reopen"), Map.of("reason", "again")), "REOPENED", 4);
        assertStatus(api.post(path(closedNo, "reopen"), Map.of("reason", "again")), "REOPENED", 4);
    }

    // --- feedback ---------------------------------------------------------------------------------

    @Test
    void a_reopen_request_delivered_again_reopens_once_per_callback() {
        try (EventProbe lifecycle = EventProbe.open(Topics.Names.LIFECYCLE, Topics.Names.FEEDBACK + Topics.Names.DEAD_LETTER_SUFFIX)) {
            String ticketNo = submitted(submission(newCustomer(), "WEB", "Error E1001 at checkout", List.of()));
            String ticketId = view(ticketNo).get("id").asString();
            assertStatus(api.post(path(ticketNo, "resolution"), Map.of("agentId", "a-1", "summary", "done")), "RESOLVED", 2);
            ReopenRequested request = new ReopenRequested(ticketId, ticketNo, "cb-" + UUID.randomUUID(), "still broken",
                    "a-senior", "callback-agent-7", Instant.now());
            UUID id = UUID.randomUUID();

            // the same request three times: twice with one ce_id, once with another
            try (RawRecords raw = new RawRecords()) {
                raw.publish(id, request);
                raw.publish(id, request);
                raw.publish(UUID.randomUUID(), request);
            }
            await().atMost(PATIENCE).until(() -> "REOPENED".equals(view(ticketNo).get("status").asString()));
            TicketReopened reopened = lifecycle.await(TicketReopened.class, e -> e.ticketNo().equals(ticketNo));
            assertThat(reopened.reopenNo()).isEqualTo(1);
            assertThat(reopened.requestedBy()).isEqualTo("callback-agent-7");
            assertThat(reopened.preferredAgentId()).isEqualTo("a-senior");
            assertThat(reopened.reason()).isEqualTo("still broken");
            assertThat(reopened.callbackId()).isEqualTo(request.callbackId());

            // resolved again, the old request comes once more, then a request for an unknown ticket
            // number and a new callback's request (the marker: same partition, so processed after)
            assertStatus(api.post(path(ticketNo, "resolution"), Map.of("agentId", "a-1", "summary", "fixed")), "RESOLVED", 4);
            try (RawRecords raw = new RawRecords()) {
                raw.publish(UUID.randomUUID(), request);
                raw.publish(UUID.randomUUID(), new ReopenRequested(ticketId, "209901-999999", "cb-unknown", "x", null, null,
                        Instant.now()));
                raw.publish(UUID.randomUUID(), new ReopenRequested(ticketId, ticketNo, "cb-" + UUID.randomUUID(),
                        "wrong again", null, null, Instant.now()));
            }
            TicketReopened second = lifecycle.await(TicketReopened.class,
                    e -> e.ticketNo().equals(ticketNo) && e.reason().equals("wrong again"));
            assertThat(second.reopenNo()).as("the old callback reopened nothing").isEqualTo(2);
            assertThat(second.sequence()).isEqualTo(5);
            assertThat(second.requestedBy()).isEqualTo("feedback-service");
            assertThat(lifecycle.received(TicketReopened.class, e -> e.ticketNo().equals(ticketNo))).hasSize(2);
            assertThat(lifecycle.records()).as("nothing dead-lettered")
                    .noneMatch(r -> r.topic().endsWith(Topics.Names.DEAD_LETTER_SUFFIX) && ticketId.equals(r.key()));
        }
    }

    @Test
    void a_satisfied_rating_delivered_again_closes_once_per_survey_and_low_ratings_change_nothing() {
        try (EventProbe lifecycle = EventProbe.open(Topics.Names.LIFECYCLE)) {
            String ticketNo = submitted(submission(newCustomer(), "WEB", "Error E1001 at checkout", List.of()));
            String ticketId = view(ticketNo).get("id").asString();
            assertStatus(api.post(path(ticketNo, "resolution"), Map.of("agentId", "a-1", "summary", "done")), "RESOLVED", 2);
            RatingReceived fiveStars = new RatingReceived(ticketId, ticketNo, "s-" + UUID.randomUUID(), 5, 10, "great",
                    Instant.now());
            UUID id = UUID.randomUUID();

            try (RawRecords raw = new RawRecords()) {
                raw.publish(id, fiveStars);
                raw.publish(id, fiveStars);
                raw.publish(UUID.randomUUID(), fiveStars);
            }
            await().atMost(PATIENCE).until(() -> "CLOSED".equals(view(ticketNo).get("status").asString()));
            TicketClosed closed = lifecycle.await(TicketClosed.class, e -> e.ticketNo().equals(ticketNo));
            assertThat(closed.closedBy()).isEqualTo("feedback-service");
            assertThat(closed.reason()).isEqualTo("customer satisfied");
            assertThat(closed.sequence()).isEqualTo(3);

            // reopened and resolved again: the old survey again and a 2-star rating change nothing;
            // a new survey's 4 stars (the marker) close it
            assertStatus(api.post(path(ticketNo, "reopen"), Map.of("reason", "one more question")), "REOPENED", 4);
            assertStatus(api.post(path(ticketNo, "resolution"), Map.of("agentId", "a-1", "summary", "answered")),
                    "RESOLVED", 5);
            try (RawRecords raw = new RawRecords()) {
                raw.publish(UUID.randomUUID(), fiveStars);
                raw.publish(UUID.randomUUID(), new RatingReceived(ticketId, ticketNo, "s-" + UUID.randomUUID(), 2, 3, "meh",
                        Instant.now()));
                raw.publish(UUID.randomUUID(), new RatingReceived(ticketId, ticketNo, "s-" + UUID.randomUUID(), 4, null, null,
                        Instant.now()));
            }
            TicketClosed second = lifecycle.await(TicketClosed.class, e -> e.ticketNo().equals(ticketNo) && e.sequence() > 3);
            assertThat(second.sequence()).as("nothing before the 4-star rating changed the ticket").isEqualTo(6);
            assertThat(lifecycle.received(TicketClosed.class, e -> e.ticketNo().equals(ticketNo))).hasSize(2);
        }
    }

    @Test
    void a_callback_that_found_the_customer_satisfied_closes_the_ticket_once_and_other_outcomes_change_nothing() {
        try (EventProbe lifecycle = EventProbe.open(Topics.Names.LIFECYCLE)) {
            String ticketNo = submitted(submission(newCustomer(), "WEB", "Error E1001 at checkout", List.of()));
            String ticketId = view(ticketNo).get("id").asString();
            assertStatus(api.post(path(ticketNo, "resolution"), Map.of("agentId", "a-1", "summary", "done")), "RESOLVED", 2);
            Instant now = Instant.now();

            // given a callback that did not reach the customer, and one that ended in a reopen request
            // (intake reopens on the ReopenRequested that follows such an outcome, never on the outcome itself)
            try (RawRecords raw = new RawRecords()) {
                raw.publish(UUID.randomUUID(), callback(ticketId, ticketNo, "cb-" + UUID.randomUUID(),
                        CallbackOutcome.UNREACHABLE, now));
                raw.publish(UUID.randomUUID(), callback(ticketId, ticketNo, "cb-" + UUID.randomUUID(),
                        CallbackOutcome.REOPEN, now));
                // when a callback finds the customer satisfied, delivered twice
                CallbackCompleted satisfied = callback(ticketId, ticketNo, "cb-" + UUID.randomUUID(),
                        CallbackOutcome.SATISFIED, now);
                raw.publish(UUID.randomUUID(), satisfied);
                raw.publish(UUID.randomUUID(), satisfied);
            }

            // then the ticket closes once, by the lead who called, right after its resolution
            TicketClosed closed = lifecycle.await(TicketClosed.class, e -> e.ticketNo().equals(ticketNo));
            assertThat(closed.sequence()).as("the other outcomes changed nothing").isEqualTo(3);
            assertThat(closed.closedBy()).isEqualTo("lead-7");
            assertThat(closed.reason()).isEqualTo("customer satisfied after callback");
            await().atMost(PATIENCE).until(() -> "CLOSED".equals(view(ticketNo).get("status").asString()));

            // and a marker (a customer's reopen) shows the repeat closed nothing more
            assertStatus(api.post(path(ticketNo, "reopen"), Map.of("reason", "one more question")), "REOPENED", 4);
            assertThat(lifecycle.received(TicketClosed.class, e -> e.ticketNo().equals(ticketNo))).hasSize(1);
        }
    }

    @Test
    void a_public_opinion_risk_is_raised_once_cleared_once_and_shown_in_the_history() {
        try (EventProbe lifecycle = EventProbe.open(Topics.Names.LIFECYCLE)) {
            String ticketNo = submitted(submission(newCustomer(), "WEB", "The agent was rude to me", List.of()));

            // when a supervisor marks the ticket a public-opinion risk
            IntakeApi.Answer raised = api.post(path(ticketNo, "flags"), Map.of("flag", "PUBLIC_OPINION_RISK",
                    "reason", "customer posted the chat on weibo, call 13812345678", "by", "sup-1"));
            assertStatus(raised, "NEW", 2);
            assertThat(texts(raised.json().get("flags"))).containsExactly("PUBLIC_OPINION_RISK");
            TicketFlagged flagged = lifecycle.await(TicketFlagged.class, e -> e.ticketNo().equals(ticketNo));
            assertThat(flagged.flag()).isEqualTo(TicketFlag.PUBLIC_OPINION_RISK);
            assertThat(flagged.raised()).isTrue();
            assertThat(flagged.flaggedBy()).isEqualTo("sup-1");
            assertThat(flagged.reason()).contains("138****5678").doesNotContain("13812345678");

            // then raising it again is a conflict, an unknown flag or a missing reason a 400: nothing changes
            assertConflict(api.post(path(ticketNo, "flags"), Map.of("flag", "PUBLIC_OPINION_RISK", "reason", "again",
                    "by", "sup-1")));
            assertThat(api.post(path(ticketNo, "flags"), Map.of("flag", "ON_FIRE", "reason", "x", "by", "sup-1")).status())
                    .isEqualTo(400);
            assertBadRequest(api.post(path(ticketNo, "flags"), Map.of("flag", "PUBLIC_OPINION_RISK", "by", "sup-1")),
                    "reason");

            // and clearing it is the next change (the marker proves the refused ones published nothing)
            IntakeApi.Answer cleared = api.post(path(ticketNo, "flags"), Map.of("flag", "PUBLIC_OPINION_RISK",
                    "raised", false, "reason", "post deleted", "by", "sup-1"));
            assertStatus(cleared, "NEW", 3);
            assertThat(texts(cleared.json().get("flags"))).isEmpty();
            TicketFlagged clear = lifecycle.await(TicketFlagged.class, e -> e.ticketNo().equals(ticketNo) && !e.raised());
            assertThat(clear.sequence()).isEqualTo(3);
            assertThat(lifecycle.received(TicketFlagged.class, e -> e.ticketNo().equals(ticketNo))).hasSize(2);
            assertThat(view(ticketNo).get("history").findValuesAsString("event")).containsSubsequence("TicketCreated",
                    "TicketFlagged", "TicketFlagged");
        }
    }

    @Test
    void routings_transfers_and_reassignments_show_in_the_history_and_a_reassignment_clears_the_assignee() {
        String ticketNo = submitted(submission(newCustomer(), "WEB", "Error E1001 at checkout", List.of()));
        String ticketId = view(ticketNo).get("id").asString();
        Instant now = Instant.now();
        UUID transferId = UUID.randomUUID();
        try (RawRecords raw = new RawRecords()) {
            // given the ticket assigned to a-1, who transfers it to a-2 (delivered twice)
            raw.publish(UUID.randomUUID(), new TicketAssigned(ticketId, ticketNo, "a-1", "billing", Department.TECH, 1,
                    "skill-match", now));
            TicketTransferred transferred = new TicketTransferred(ticketId, ticketNo, "a-1", "a-2", null, Department.TECH,
                    Department.TECH, "needs refund rights", 1, "a-1", now);
            raw.publish(transferId, transferred);
            raw.publish(transferId, transferred);
            raw.publish(UUID.randomUUID(), new TicketAssigned(ticketId, ticketNo, "a-2", "billing", Department.TECH, 2,
                    "transfer", now));
        }
        await().atMost(PATIENCE).until(() -> "a-2".equals(view(ticketNo).path("assignee").asString(null)));
        try (RawRecords raw = new RawRecords()) {
            // when a-2 goes offline and routing takes the ticket back
            raw.publish(UUID.randomUUID(), new TicketReassigned(ticketId, ticketNo, "a-2", ReassignReason.AGENT_OFFLINE,
                    Department.TECH, now));
        }
        // then nobody is shown as its owner until the next assignment, and the history tells why
        await().atMost(PATIENCE).until(() -> view(ticketNo).get("history").findValuesAsString("event")
                .contains("TicketReassigned"));
        JsonNode ticket = view(ticketNo);
        assertThat(ticket.path("assignee").isNull()).as(ticket.toString()).isTrue();
        List<String> events = ticket.get("history").findValuesAsString("event");
        assertThat(events).containsSubsequence("TicketCreated", "TicketAssigned", "TicketTransferred", "TicketAssigned",
                "TicketReassigned");
        assertThat(events.stream().filter("TicketTransferred"::equals)).as("a redelivery is recorded once").hasSize(1);
        assertThat(ticket.get("history").findValuesAsString("reason")).contains("needs refund rights", "AGENT_OFFLINE");
    }

    private static CallbackCompleted callback(String ticketId, String ticketNo, String callbackId, CallbackOutcome outcome,
            Instant at) {
        boolean reached = outcome != CallbackOutcome.UNREACHABLE;
        return new CallbackCompleted(ticketId, ticketNo, callbackId, "lead-7", reached, reached ? RootCause.TOOLING : null,
                null, "called back", outcome, 1, 2, "lead-7", "billing", at, at.plusSeconds(14400), at);
    }

    // --- reading ----------------------------------------------------------------------------------

    @Test
    void tickets_are_filtered_by_customer_status_priority_type_channel_and_time_newest_first_page_by_page() {
        String customer = newCustomer();
        String function = submitted(submission(customer, "WEB", "Error E1001 at checkout", List.of()));
        String service = submitted(submission(customer, "APP", "The agent was rude to me", List.of()));
        String cosmetic = submitted(submission(customer, "PHONE", "There is a typo on the help page", List.of()));
        String outage = submitted(submission(customer, "CHAT", "System down for all users with error E500", List.of()));
        assertStatus(api.post(path(function, "resolution"), Map.of("summary", "done")), "RESOLVED", 2);
        String all = TICKETS + "?customerId=" + customer;

        assertThat(numbers(api.get(all))).containsExactly(outage, cosmetic, service, function);
        assertThat(numbers(api.get(all + "&channel=APP"))).containsExactly(service);
        assertThat(numbers(api.get(all + "&type=SERVICE"))).containsExactly(service);
        assertThat(numbers(api.get(all + "&priority=P0"))).containsExactly(outage);
        assertThat(numbers(api.get(all + "&priority=P3"))).containsExactly(cosmetic);
        assertThat(numbers(api.get(all + "&status=RESOLVED"))).containsExactly(function);
        assertThat(numbers(api.get(all + "&type=FUNCTION&status=NEW"))).containsExactly(outage);
        assertThat(numbers(api.get(TICKETS + "?channel=PHONE&priority=P3&customerId=" + customer))).containsExactly(cosmetic);

        Instant cosmeticAt = Instant.parse(view(cosmetic).get("createdAt").asString());
        assertThat(numbers(api.get(all + "&from=" + cosmeticAt))).containsExactly(outage, cosmetic);
        assertThat(numbers(api.get(all + "&to=" + cosmeticAt))).containsExactly(service, function);
        assertThat(numbers(api.get(all + "&from=" + cosmeticAt + "&to=" + cosmeticAt.plusMillis(1))))
                .containsExactly(cosmetic);

        JsonNode first = api.get(all + "&size=3&page=0").json();
        assertThat(first.get("total").asLong()).isEqualTo(4);
        assertThat(first.get("size").asInt()).isEqualTo(3);
        assertThat(first.get("items").findValuesAsString("ticketNo")).containsExactly(outage, cosmetic, service);
        JsonNode second = api.get(all + "&size=3&page=1").json();
        assertThat(second.get("page").asInt()).isEqualTo(1);
        assertThat(second.get("items").findValuesAsString("ticketNo")).containsExactly(function);
        assertThat(api.get(all + "&size=3&page=2").json().get("items").size()).isZero();

        assertBadRequest(api.get(all + "&priority=P9"), "priority");
        assertBadRequest(api.get(all + "&type=HARDWARE"), "type");
        assertBadRequest(api.get(all + "&channel=FAX"), "channel");
        assertBadRequest(api.get(all + "&status=LOST"), "status");
        assertBadRequest(api.get(all + "&from=yesterday"), "from");
        assertBadRequest(api.get(all + "&to=2026-13-01T00:00:00Z"), "to");
        assertBadRequest(api.get(all + "&from=" + cosmeticAt + "&to=" + cosmeticAt), "from");
        assertBadRequest(api.get(all + "&size=0"), "size");
        assertBadRequest(api.get(all + "&size=101"), "size");
        assertBadRequest(api.get(all + "&page=-1"), "page");
    }

    // --- helpers ----------------------------------------------------------------------------------

    /** A lifecycle record as published: its key and CloudEvents type. */
    record ConsumerRecordView(String key, String type) {
    }

    private static List<ConsumerRecordView> publishedFor(EventProbe probe, String ticketId) {
        List<ConsumerRecordView> found = new ArrayList<>();
        probe.records().stream()
                .filter(r -> r.topic().equals(Topics.Names.LIFECYCLE) && ticketId.equals(r.key()))
                .forEach(r -> found.add(new ConsumerRecordView(r.key(),
                        new String(r.headers().lastHeader("ce_type").value(), java.nio.charset.StandardCharsets.UTF_8))));
        return found;
    }

    private void backdate(String ticketNo, String field, Duration ago) {
        mongo.updateFirst(query(where("ticketNo").is(ticketNo)),
                new Update().set(field, Date.from(Instant.now().minus(ago))), "tickets");
    }

    private static TicketCreated needsInfo(String ticketId, String ticketNo, String customer, Instant at) {
        return new TicketCreated(ticketId, ticketNo, 1, at, Channel.WEB, customer, null, false, "Refund", "Refund please",
                List.of("billing"), TicketType.OTHER, Nature.CONSULTATION, Priority.P2, Department.CUSTOMER_SERVICE,
                TicketStatus.NEEDS_INFO, List.of("orderId"));
    }

    private JsonNode view(String ticketNo) {
        IntakeApi.Answer answer = api.get(TICKETS + "/" + ticketNo);
        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        return answer.json();
    }

    private static String path(String ticketNo, String command) {
        return TICKETS + "/" + ticketNo + "/" + command;
    }

    private String submitted(Map<String, Object> body) {
        IntakeApi.Answer answer = api.post(TICKETS, body);
        assertThat(answer.status()).as(answer.toString()).isEqualTo(201);
        return answer.json().get("ticketNo").asString();
    }

    private static Map<String, Object> submission(String customerId, String channel, String description, List<String> tags) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("channel", channel);
        body.put("customerId", customerId);
        body.put("description", description);
        body.put("tags", tags);
        return body;
    }

    private static List<String> numbers(IntakeApi.Answer answer) {
        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        return answer.json().get("items").findValuesAsString("ticketNo");
    }

    private static void assertStatus(IntakeApi.Answer answer, String status, long version) {
        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        assertThat(answer.json().get("status").asString()).as(answer.toString()).isEqualTo(status);
        assertThat(answer.json().get("version").asLong()).as(answer.toString()).isEqualTo(version);
    }

    private static void assertConflict(IntakeApi.Answer answer) {
        assertThat(answer.status()).as(answer.toString()).isEqualTo(409);
        assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
    }

    private static void assertBadRequest(IntakeApi.Answer answer, String... fields) {
        assertThat(answer.status()).as(answer.toString()).isEqualTo(400);
        assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
        assertThat(answer.json().get("errors").findValuesAsString("field")).as(answer.toString()).contains(fields);
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.values().forEach(v -> texts.add(v.asString()));
        return texts;
    }

    private static String newCustomer() {
        return "c-" + UUID.randomUUID();
    }
}
