package io.ticketflow.intake;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import io.ticketflow.events.Department;
import io.ticketflow.events.Envelope;
import io.ticketflow.events.ReplyAuthor;
import io.ticketflow.events.TicketAssigned;
import io.ticketflow.events.TicketCreated;
import io.ticketflow.events.TicketReplied;
import io.ticketflow.events.TicketResolved;
import io.ticketflow.events.Topics;
import io.ticketflow.intake.privacy.ContactVault;
import io.ticketflow.testkit.EventProbe;
import io.ticketflow.testkit.RawRecords;
import io.ticketflow.testkit.TicketflowServiceTest;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.IntStream;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import tools.jackson.databind.JsonNode;

/**
 * intake end to end inside one service: real HTTP, the real Kafka broker, MongoDB. Every
 * scenario uses its own customer id, so scenarios never see each other's tickets.
 */
@TicketflowServiceTest
class TicketIntakeIT {

    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final String TICKETS = "/api/v1/tickets";

    @LocalServerPort
    int port;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    ContactVault contacts;

    IntakeApi api;

    @BeforeEach
    void client() {
        api = new IntakeApi(port);
    }

    // --- submission -------------------------------------------------------------------------

    @Test
    void a_submission_is_numbered_classified_published_and_only_then_answered_201() {
        String customer = newCustomer();
        String phone = newPhone();
        try (EventProbe lifecycle = EventProbe.open(Topics.Names.LIFECYCLE)) {
            IntakeApi.Answer answer = api.post(TICKETS, submission(customer, phone,
                    "Payment fails with error E1001 for order 20261123001", List.of("Billing")));

            assertThat(answer.status()).as(answer.toString()).isEqualTo(201);
            JsonNode receipt = answer.json();
            String ticketNo = receipt.get("ticketNo").asString();
            assertThat(ticketNo).matches("\\d{6}-\\d{6}")
                    .startsWith(YearMonth.now(ZoneId.of("Asia/Shanghai")).format(DateTimeFormatter.ofPattern("yyyyMM")));
            assertThat(answer.header("Location")).isEqualTo(TICKETS + "/" + ticketNo);
            assertThat(fieldNames(receipt)).containsExactlyInAnyOrder(
                    "id", "ticketNo", "status", "type", "nature", "priority", "department", "missingInfo");
            assertThat(receipt.get("status").asString()).isEqualTo("NEW");
            assertThat(receipt.get("type").asString()).isEqualTo("FUNCTION");
            assertThat(receipt.get("nature").asString()).isEqualTo("CONSULTATION");
            assertThat(receipt.get("priority").asString()).isEqualTo("P1");
            assertThat(receipt.get("department").asString()).isEqualTo("TECH");
            assertThat(receipt.get("missingInfo").isArray()).isTrue();
            assertThat(receipt.get("missingInfo").size()).isZero();

            Envelope<TicketCreated> published = lifecycle.awaitEnvelope(TicketCreated.class,
                    e -> e.ticketNo().equals(ticketNo), PATIENCE);
            TicketCreated created = published.event();
            assertThat(created.ticketId()).isEqualTo(receipt.get("id").asString());
            assertThat(created.sequence()).isEqualTo(1);
            assertThat(created.customerId()).isEqualTo(customer);
            assertThat(created.contactMasked()).isEqualTo(masked(phone)).doesNotContain(phone);
            assertThat(created.tags()).containsExactly("billing");
            assertThat(published.subject()).isEqualTo(ticketNo);
            assertThat(published.source()).isEqualTo("/ticketflow/intake-service");

            // read your own write: the view has it as soon as the 201 is out
            IntakeApi.Answer read = api.get(TICKETS + "/" + ticketNo);
            assertThat(read.status()).isEqualTo(200);
            JsonNode view = read.json();
            assertThat(fieldNames(view)).contains("id", "ticketNo", "status", "channel", "customerId", "contact", "subject",
                    "description", "tags", "type", "nature", "priority", "department", "vip", "missingInfo", "assignee",
                    "createdAt", "firstRespondedAt", "resolvedAt", "version", "history");
            assertThat(view.get("id").asString()).isEqualTo(created.ticketId());
            assertThat(view.get("status").asString()).isEqualTo("NEW");
            assertThat(view.get("channel").asString()).isEqualTo("WEB");
            assertThat(view.get("contact").asString()).isEqualTo(masked(phone));
            assertThat(view.get("subject").asString()).isEqualTo("Cannot pay");
            assertThat(view.get("tags").get(0).asString()).isEqualTo("billing");
            assertThat(view.get("vip").asBoolean()).isFalse();
            assertThat(view.get("assignee").isNull()).isTrue();
            assertThat(view.get("firstRespondedAt").isNull()).isTrue();
            assertThat(Instant.parse(view.get("createdAt").asString())).isEqualTo(created.occurredAt());
            assertThat(view.get("version").asLong()).isEqualTo(1);
            assertThat(view.get("history").size()).isEqualTo(1);
            assertThat(view.get("history").get(0).get("event").asString()).isEqualTo("TicketCreated");
            assertThat(view.get("history").get(0).get("eventId").asString()).isEqualTo(published.id().toString());
            assertThat(view.get("classifiedBy").get("type").asString()).startsWith("types.FUNCTION[");
        }
    }

    @Test
    void a_submission_lacking_the_evidence_its_category_needs_is_accepted_as_needs_info() {
        String customer = newCustomer();
        String email = "someone-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        Map<String, Object> body = submission(customer, email, "The app crashes when I pay", List.of("billing"));
        body.remove("subject");

        IntakeApi.Answer answer = api.post(TICKETS, body);

        assertThat(answer.status()).as(answer.toString()).isEqualTo(201);
        assertThat(answer.json().get("status").asString()).isEqualTo("NEEDS_INFO");
        assertThat(texts(answer.json().get("missingInfo"))).containsExactly("errorCode", "orderId");
        JsonNode view = api.get(TICKETS + "/" + answer.json().get("ticketNo").asString()).json();
        assertThat(view.get("subject").asString()).isEqualTo("The app crashes when I pay");
        assertThat(view.get("contact").asString()).isEqualTo("s***@example.com");
        assertThat(texts(view.get("missingInfo"))).containsExactly("errorCode", "orderId");
    }

    @Test
    void bad_submissions_are_refused_with_problems_and_leave_no_trace() {
        String customer = newCustomer();
        String phone = newPhone();
        String key = UUID.randomUUID().toString();
        String before = submitted(submission(customer, null, "Error E1001 when I log in", List.of()));
        long contactsBefore = mongo.getCollection("contacts").countDocuments();

        try (EventProbe lifecycle = EventProbe.open(Topics.Names.LIFECYCLE)) {
            Map<String, Object> noDescription = submission(customer, phone, "x", List.of());
            noDescription.remove("description");
            assertBadRequest(api.post(TICKETS, noDescription, Map.of("Idempotency-Key", key)), "description");

            Map<String, Object> unknownChannel = submission(customer, phone, "Error E1001", List.of());
            unknownChannel.put("channel", "FAX");
            IntakeApi.Answer fax = api.post(TICKETS, unknownChannel);
            assertBadRequest(fax, "channel");
            assertThat(fax.json().get("errors").get(0).get("message").asString()).contains("WEB", "EMAIL");

            IntakeApi.Answer malformed = api.post(TICKETS,
                    "{\"channel\":\"WEB\",\"customerId\":\"" + customer + "\",\"description\":\"Error E1001\"");
            assertThat(malformed.status()).isEqualTo(400);
            assertThat(malformed.header("Content-Type")).startsWith("application/problem+json");
            assertThat(malformed.json().get("detail").asString()).contains("not valid JSON");

            List<String> tooManyTags = IntStream.rangeClosed(1, 21).mapToObj(i -> "tag-" + i).toList();
            assertBadRequest(api.post(TICKETS, submission(customer, phone, "Error E1001", tooManyTags)), "tags");

            assertBadRequest(api.post(TICKETS, submission(customer, null, "Error E1001", List.of("ok", "not ok!"))), "tags[1]");

            Map<String, Object> wrongType = submission(customer, phone, "Error E1001", List.of());
            wrongType.put("vip", "very");
            assertBadRequest(api.post(TICKETS, wrongType), "vip");

            Map<String, Object> unreachable = submission(null, null, "Error E1001", List.of());
            assertBadRequest(api.post(TICKETS, unreachable), "customerId", "contact");

            assertBadRequest(api.post(TICKETS, submission(customer, null, "x".repeat(5001), List.of())), "description");

            String after = submitted(submission(customer, null, "Error E1002 when I log in", List.of()));
            lifecycle.await(TicketCreated.class, e -> e.ticketNo().equals(after));

            assertThat(lifecycle.received(TicketCreated.class, e -> customer.equals(e.customerId())))
                    .extracting(e -> e.event().ticketNo()).containsExactly(after);
            assertThat(serialOf(after)).as("no number was used up by a bad submission").isEqualTo(serialOf(before) + 1);
        }
        assertThat(api.get(TICKETS + "?customerId=" + customer).json().get("total").asLong()).isEqualTo(2);
        assertThat(mongo.count(query(where("customerId").is(customer)), "tickets")).isEqualTo(2);
        assertThat(mongo.getCollection("contacts").countDocuments()).as("no contact kept").isEqualTo(contactsBefore);
        assertThat(mongo.findById(key, Document.class, "idempotency_keys")).as("no key kept").isNull();
    }

    @Test
    void an_idempotency_key_turns_a_retried_submission_into_the_same_answer() {
        String customer = newCustomer();
        String key = UUID.randomUUID().toString();
        Map<String, Object> body = submission(customer, newPhone(), "Error E1001 at checkout", List.of());

        IntakeApi.Answer first = api.post(TICKETS, body, Map.of("Idempotency-Key", key));
        body.put("description", "  Error E1001 at checkout  "); // the same request, sent a little differently
        IntakeApi.Answer again = api.post(TICKETS, body, Map.of("Idempotency-Key", key));

        assertThat(first.status()).as(first.toString()).isEqualTo(201);
        assertThat(again.status()).as(again.toString()).isEqualTo(201);
        assertThat(again.json()).isEqualTo(first.json());
        assertThat(again.header("Location")).isEqualTo(first.header("Location"));
        assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(api.get(TICKETS + "?customerId=" + customer).json().get("total").asLong()).isEqualTo(1);

        body.put("description", "Something else entirely");
        IntakeApi.Answer reused = api.post(TICKETS, body, Map.of("Idempotency-Key", key));
        assertThat(reused.status()).isEqualTo(422);
        assertThat(reused.header("Content-Type")).startsWith("application/problem+json");
        assertThat(api.get(TICKETS + "?customerId=" + customer).json().get("total").asLong()).isEqualTo(1);

        assertBadRequest(api.post(TICKETS, body, Map.of("Idempotency-Key", "x".repeat(256))), "Idempotency-Key");
    }

    @Test
    void stored_documents_and_events_hold_no_clear_phone_or_email() {
        String customer = newCustomer();
        String phone = newPhone();
        String email = "private-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        try (EventProbe lifecycle = EventProbe.open(Topics.Names.LIFECYCLE)) {
            String byPhone = submitted(submission(customer, phone,
                    "Error E1001. Call me back on " + phone + " or write to " + email, List.of()),
                    Map.of("Idempotency-Key", UUID.randomUUID().toString()));
            String byEmail = submitted(submission(customer, email, "Error E1002, my number is " + phone, List.of()));
            lifecycle.await(TicketCreated.class, e -> e.ticketNo().equals(byEmail));
            lifecycle.await(TicketCreated.class, e -> e.ticketNo().equals(byPhone));

            for (String collection : List.of("tickets", "contacts", "idempotency_keys", "ticket_counters")) {
                for (Document document : mongo.findAll(Document.class, collection)) {
                    assertThat(document.toJson()).as(collection).doesNotContain(phone).doesNotContain(email);
                }
            }
            for (var record : lifecycle.records()) {
                assertThat(new String(record.value(), UTF_8)).doesNotContain(phone).doesNotContain(email);
            }
        }
        String phoneTicketId = api.get(TICKETS + "?customerId=" + customer).json().get("items").findValuesAsString("id")
                .stream().filter(id -> contacts.reveal(id).filter(phone::equals).isPresent()).findFirst().orElse(null);
        assertThat(phoneTicketId).as("the clear phone can be recovered from the vault").isNotNull();
        assertThat(mongo.findById(phoneTicketId, Document.class, "contacts")).containsKey("ciphertext");
    }

    // --- commands -----------------------------------------------------------------------------

    @Test
    void replies_and_a_resolution_move_the_ticket_and_are_published_in_sequence() {
        String customer = newCustomer();
        String agent = "a-" + UUID.randomUUID().toString().substring(0, 8);
        try (EventProbe lifecycle = EventProbe.open(Topics.Names.LIFECYCLE)) {
            String ticketNo = submitted(submission(customer, null, "Error E1001 at checkout", List.of()));

            IntakeApi.Answer replied = api.post(TICKETS + "/" + ticketNo + "/replies",
                    Map.of("author", "AGENT", "agentId", agent, "message", "Looking into it"));
            assertThat(replied.status()).as(replied.toString()).isEqualTo(200);
            assertThat(replied.json().get("status").asString()).isEqualTo("IN_PROGRESS");
            assertThat(replied.json().get("firstRespondedAt").isNull()).isFalse();
            assertThat(replied.json().get("version").asLong()).isEqualTo(2);
            TicketReplied first = lifecycle.await(TicketReplied.class, e -> e.ticketNo().equals(ticketNo) && e.sequence() == 2);
            assertThat(first.firstResponse()).isTrue();
            assertThat(first.author()).isEqualTo(ReplyAuthor.AGENT);
            assertThat(first.agentId()).isEqualTo(agent);

            IntakeApi.Answer customerReply = api.post(TICKETS + "/" + ticketNo + "/replies",
                    Map.of("author", "CUSTOMER", "message", "Thanks, my number is 13912345678"));
            assertThat(customerReply.status()).isEqualTo(200);
            TicketReplied second = lifecycle.await(TicketReplied.class, e -> e.ticketNo().equals(ticketNo) && e.sequence() == 3);
            assertThat(second.firstResponse()).isFalse();
            assertThat(second.message()).contains("139****5678").doesNotContain("13912345678");

            IntakeApi.Answer resolved = api.post(TICKETS + "/" + ticketNo + "/resolution",
                    Map.of("agentId", agent, "summary", "Cache cleared", "rootCause", "stale cache"));
            assertThat(resolved.status()).as(resolved.toString()).isEqualTo(200);
            assertThat(resolved.json().get("status").asString()).isEqualTo("RESOLVED");
            assertThat(resolved.json().get("resolvedAt").isNull()).isFalse();
            TicketResolved resolution = lifecycle.await(TicketResolved.class, e -> e.ticketNo().equals(ticketNo));
            assertThat(resolution.resolutionNo()).isEqualTo(1);
            assertThat(resolution.sequence()).isEqualTo(4);

            IntakeApi.Answer twice = api.post(TICKETS + "/" + ticketNo + "/resolution", Map.of("summary", "again"));
            assertThat(twice.status()).isEqualTo(409);
            assertThat(twice.header("Content-Type")).startsWith("application/problem+json");
            IntakeApi.Answer late = api.post(TICKETS + "/" + ticketNo + "/replies",
                    Map.of("author", "AGENT", "agentId", agent, "message", "one more thing"));
            assertThat(late.status()).isEqualTo(409);

            // a marker on the ticket's own partition: once the probe sees it, it has seen all before it
            String ticketId = resolution.ticketId();
            UUID marker = UUID.randomUUID();
            try (RawRecords raw = new RawRecords()) {
                raw.publish(marker, new TicketReplied(ticketId, ticketNo, 1, Instant.now(), ReplyAuthor.CUSTOMER, null,
                        false, "marker"));
            }
            lifecycle.awaitEnvelope(TicketReplied.class, e -> "marker".equals(e.message()) && e.ticketNo().equals(ticketNo), PATIENCE);
            assertThat(lifecycle.received(TicketResolved.class, e -> e.ticketNo().equals(ticketNo))).hasSize(1);
            assertThat(lifecycle.received(TicketReplied.class, e -> e.ticketNo().equals(ticketNo) && e.sequence() > 1))
                    .hasSize(2);
        }
    }

    @Test
    void a_ticket_another_command_holds_is_busy_until_the_lease_runs_out() {
        String customer = newCustomer();
        String ticketNo = submitted(submission(customer, null, "Error E1001 at checkout", List.of()));
        mongo.updateFirst(query(where("ticketNo").is(ticketNo)), new Update().set("commandLease",
                new Document("id", "another-instance").append("until", Date.from(Instant.now().plusSeconds(60)))), "tickets");

        IntakeApi.Answer busy = api.post(TICKETS + "/" + ticketNo + "/replies",
                Map.of("author", "AGENT", "agentId", "a-1", "message", "hello"));

        assertThat(busy.status()).isEqualTo(409);
        assertThat(busy.json().get("detail").asString()).isEqualTo("ticket is being changed, retry");
        assertThat(api.get(TICKETS + "/" + ticketNo).json().get("version").asLong()).isEqualTo(1);

        mongo.updateFirst(query(where("ticketNo").is(ticketNo)),
                new Update().set("commandLease.until", Date.from(Instant.now().minusSeconds(1))), "tickets");
        IntakeApi.Answer afterExpiry = api.post(TICKETS + "/" + ticketNo + "/replies",
                Map.of("author", "AGENT", "agentId", "a-1", "message", "hello"));

        assertThat(afterExpiry.status()).as(afterExpiry.toString()).isEqualTo(200);
        assertThat(afterExpiry.json().get("version").asLong()).isEqualTo(2);
        assertThat(mongo.findOne(query(where("ticketNo").is(ticketNo)), Document.class, "tickets"))
                .as("the lease is given back").doesNotContainKey("commandLease");
    }

    @Test
    void bad_commands_are_refused() {
        String ticketNo = submitted(submission(newCustomer(), null, "Error E1001 at checkout", List.of()));

        assertBadRequest(api.post(TICKETS + "/" + ticketNo + "/replies", Map.of("author", "AGENT", "message", "hi")), "agentId");
        assertBadRequest(api.post(TICKETS + "/" + ticketNo + "/replies", Map.of("author", "CUSTOMER")), "message");
        assertBadRequest(api.post(TICKETS + "/" + ticketNo + "/replies", Map.of("author", "BOT", "message", "hi")), "author");
        assertBadRequest(api.post(TICKETS + "/" + ticketNo + "/resolution", Map.of("agentId", "a-1")), "summary");

        IntakeApi.Answer unknown = api.post(TICKETS + "/209901-999999/replies", Map.of("author", "CUSTOMER", "message", "hi"));
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(api.get(TICKETS + "/" + ticketNo).json().get("version").asLong()).isEqualTo(1);
    }

    // --- reading ------------------------------------------------------------------------------

    @Test
    void tickets_are_listed_by_customer_and_status_page_by_page() {
        String customer = newCustomer();
        List<String> numbers = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            numbers.add(submitted(submission(customer, null, "Error E100" + i + " at checkout", List.of())));
        }
        api.post(TICKETS + "/" + numbers.get(0) + "/resolution", Map.of("agentId", "a-1", "summary", "done"));

        JsonNode firstPage = api.get(TICKETS + "?customerId=" + customer + "&page=0&size=2").json();
        assertThat(firstPage.get("total").asLong()).isEqualTo(3);
        assertThat(firstPage.get("page").asInt()).isZero();
        assertThat(firstPage.get("size").asInt()).isEqualTo(2);
        assertThat(firstPage.get("items").size()).isEqualTo(2);
        assertThat(firstPage.get("items").get(0).has("history")).isFalse();
        assertThat(firstPage.get("items").get(0).get("contact")).isNotNull();
        JsonNode secondPage = api.get(TICKETS + "?customerId=" + customer + "&page=1&size=2").json();
        assertThat(secondPage.get("items").size()).isEqualTo(1);
        List<String> listed = new ArrayList<>(firstPage.get("items").findValuesAsString("ticketNo"));
        listed.addAll(secondPage.get("items").findValuesAsString("ticketNo"));
        assertThat(listed).containsExactlyInAnyOrderElementsOf(numbers);

        JsonNode resolved = api.get(TICKETS + "?customerId=" + customer + "&status=RESOLVED").json();
        assertThat(resolved.get("total").asLong()).isEqualTo(1);
        assertThat(resolved.get("items").get(0).get("ticketNo").asString()).isEqualTo(numbers.get(0));

        assertBadRequest(api.get(TICKETS + "?size=101"), "size");
        assertBadRequest(api.get(TICKETS + "?status=LOST"), "status");
        IntakeApi.Answer missing = api.get(TICKETS + "/209901-999999");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.header("Content-Type")).startsWith("application/problem+json");
    }

    @Test
    void the_service_reports_its_health_its_metrics_and_its_api() {
        assertThat(api.get("/actuator/health/liveness").status()).isEqualTo(200);
        assertThat(api.get("/actuator/health/readiness").status()).isEqualTo(200);
        assertThat(api.get("/actuator/prometheus").body()).contains("http_server_requests");
        IntakeApi.Answer openApi = api.get("/v3/api-docs");
        assertThat(openApi.status()).as(openApi.toString()).isEqualTo(200);
        assertThat(openApi.json().get("paths").has("/api/v1/tickets/{ticketNo}/resolution")).isTrue();
    }

    // --- listening ----------------------------------------------------------------------------

    @Test
    void routings_assignments_show_as_the_assignee_and_an_older_one_never_wins() {
        String ticketNo = submitted(submission(newCustomer(), null, "Error E1001 at checkout", List.of()));
        String ticketId = api.get(TICKETS + "/" + ticketNo).json().get("id").asString();
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        UUID third = UUID.randomUUID();

        try (RawRecords raw = new RawRecords()) {
            raw.publish(second, assigned(ticketId, ticketNo, "a-second", 2));
            await().atMost(PATIENCE).until(() -> "a-second".equals(view(ticketNo).get("assignee").stringValue(null)));
            assertThat(view(ticketNo).get("status").asString()).isEqualTo("ASSIGNED");

            raw.publish(first, assigned(ticketId, ticketNo, "a-first", 1));
            raw.publish(third, assigned(ticketId, ticketNo, "a-third", 3));
        }
        await().atMost(PATIENCE).until(() -> "a-third".equals(view(ticketNo).get("assignee").stringValue(null)));
        List<String> history = view(ticketNo).get("history").findValuesAsString("eventId");
        assertThat(history).contains(second.toString(), third.toString()).doesNotContain(first.toString());
    }

    @Test
    void a_lifecycle_event_delivered_twice_changes_the_view_once() {
        String ticketNo;
        Envelope<TicketCreated> created;
        try (EventProbe lifecycle = EventProbe.open(Topics.Names.LIFECYCLE)) {
            ticketNo = submitted(submission(newCustomer(), null, "Error E1001 at checkout", List.of()));
            String no = ticketNo;
            created = lifecycle.awaitEnvelope(TicketCreated.class, e -> e.ticketNo().equals(no), PATIENCE);
        }
        String ticketId = created.event().ticketId();
        UUID duplicate = UUID.randomUUID();
        UUID next = UUID.randomUUID();
        TicketReplied reply = new TicketReplied(ticketId, ticketNo, 2, Instant.parse("2026-11-23T09:00:00Z"),
                ReplyAuthor.CUSTOMER, null, false, "sent twice");

        try (RawRecords raw = new RawRecords()) {
            raw.publish(created.id(), created.event());
            raw.publish(duplicate, reply);
            raw.publish(duplicate, reply);
            raw.publish(next, new TicketReplied(ticketId, ticketNo, 3, Instant.parse("2026-11-23T09:05:00Z"),
                    ReplyAuthor.CUSTOMER, null, false, "sent once"));
        }

        String no = ticketNo;
        await().atMost(PATIENCE).until(() -> view(no).get("version").asLong() == 3);
        assertThat(view(ticketNo).get("history").findValuesAsString("eventId"))
                .containsExactly(created.id().toString(), duplicate.toString(), next.toString());
    }

    // --- helpers ------------------------------------------------------------------------------

    private JsonNode view(String ticketNo) {
        return api.get(TICKETS + "/" + ticketNo).json();
    }

    private String submitted(Map<String, Object> body) {
        return submitted(body, Map.of());
    }

    private String submitted(Map<String, Object> body, Map<String, String> headers) {
        IntakeApi.Answer answer = api.post(TICKETS, body, headers);
        assertThat(answer.status()).as(answer.toString()).isEqualTo(201);
        return answer.json().get("ticketNo").asString();
    }

    private static Map<String, Object> submission(String customerId, String contact, String description, List<String> tags) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("channel", "WEB");
        if (customerId != null) {
            body.put("customerId", customerId);
        }
        if (contact != null) {
            body.put("contact", contact);
        }
        body.put("subject", "Cannot pay");
        body.put("description", description);
        body.put("tags", tags);
        body.put("vip", false);
        return body;
    }

    private static void assertBadRequest(IntakeApi.Answer answer, String... fields) {
        assertThat(answer.status()).as(answer.toString()).isEqualTo(400);
        assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
        JsonNode problem = answer.json();
        assertThat(problem.get("status").asInt()).isEqualTo(400);
        assertThat(problem.get("errors").findValuesAsString("field")).as(answer.toString()).contains(fields);
    }

    private static TicketAssigned assigned(String ticketId, String ticketNo, String agentId, int assignmentNo) {
        return new TicketAssigned(ticketId, ticketNo, agentId, "team-tech-1", Department.TECH, assignmentNo, "skill-match",
                Instant.now());
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.properties().forEach(e -> names.add(e.getKey()));
        return names;
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.values().forEach(v -> texts.add(v.asString()));
        return Collections.unmodifiableList(texts);
    }

    private static long serialOf(String ticketNo) {
        return Long.parseLong(ticketNo.substring(ticketNo.indexOf('-') + 1));
    }

    private static String newCustomer() {
        return "c-" + UUID.randomUUID();
    }

    private static String newPhone() {
        return "139" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
    }

    private static String masked(String phone) {
        return phone.substring(0, 3) + "****" + phone.substring(7);
    }
}
