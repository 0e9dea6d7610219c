package io.ticketflow.intake;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.ticketflow.events.AnswerAccepted;
import io.ticketflow.events.RepeatContactDetected;
import io.ticketflow.events.TicketCreated;
import io.ticketflow.events.TicketResolved;
import io.ticketflow.events.Topics;
import io.ticketflow.testkit.EventProbe;
import io.ticketflow.testkit.TicketflowServiceTest;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * The privacy proof: a phone number, an email address, a national id and a bank card number go
 * in through every field that takes free text, through a repeat, a resolution, a self-service
 * question and a rejected request, and then appear in no stored document of any collection, in no
 * log line and in no event.
 */
@TicketflowServiceTest
@ExtendWith(OutputCaptureExtension.class)
class PrivacyIT {

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

    @Test
    void no_clear_personal_data_is_stored_logged_or_published(CapturedOutput output) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        String phone = "135" + String.format("%08d", random.nextInt(100_000_000));
        String email = "secret." + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        String nationalId = "110105" + (1950 + random.nextInt(50)) + "0101" + String.format("%03d", random.nextInt(1000)) + "X";
        String bankCard = "6222" + String.format("%015d", random.nextLong(1_000_000_000_000_000L));
        List<String> secrets = List.of(phone, email, nationalId, bankCard);
        String customer = "c-" + UUID.randomUUID();

        try (EventProbe events = EventProbe.open(Topics.Names.LIFECYCLE, Topics.Names.SELF_SERVICE)) {
            String first = submitted(ticket(customer, phone, "Card " + bankCard + " charged twice, id " + nationalId,
                    "Error E4001 for order 20261123901. Reach me at " + email + " or " + phone + "; card " + bankCard
                            + ", id " + nationalId, List.of("billing")), Map.of("Idempotency-Key", UUID.randomUUID().toString()));
            String second = submitted(ticket(customer, email, "Card " + bankCard + " charged twice again",
                    "Error E4001 for order 20261123901 still, mail " + email + " phone " + phone, List.of("billing")),
                    Map.of());
            api.post(TICKETS + "/" + first + "/replies", Map.of("author", "AGENT", "agentId", "a-9",
                    "message", "We will call " + phone));
            api.post(TICKETS + "/" + first + "/resolution", Map.of("agentId", "a-9",
                    "summary", "Refunded card " + bankCard + ", confirmed with " + email, "rootCause", "id " + nationalId));

            IntakeApi.Answer asked = api.post("/api/v1/answers", Map.of("channel", "APP", "customerId", customer,
                    "question", "refund to card " + bankCard + "? call " + phone + " mail " + email + " id " + nationalId));
            assertThat(asked.status()).as(asked.toString()).isEqualTo(200);
            String questionId = asked.json().get("questionId").asString();
            String articleId = asked.json().get("answers").get(0).get("articleId").asString();
            api.post("/api/v1/answers/" + questionId + "/acceptance", Map.of("articleId", articleId));

            // a rejected request that carries personal data in a wrongly typed field
            Map<String, Object> wrongType = ticket(customer, phone, "x", "y", List.of());
            wrongType.put("vip", phone);
            assertThat(api.post(TICKETS, wrongType).status()).isEqualTo(400);
            Map<String, Object> badChannel = ticket(customer, phone, "x", "y", List.of());
            badChannel.put("channel", email);
            IntakeApi.Answer refused = api.post(TICKETS, badChannel);
            assertThat(refused.status()).isEqualTo(400);
            assertThat(refused.body()).doesNotContain(email);

            events.await(TicketResolved.class, e -> e.ticketNo().equals(first));
            events.await(RepeatContactDetected.class, e -> e.ticketNo().equals(second));
            events.await(TicketCreated.class, e -> e.ticketNo().equals(second));
            events.await(AnswerAccepted.class, e -> e.questionId().equals(questionId));

            for (ConsumerRecord<String, byte[]> record : events.records()) {
                String value = new String(record.value(), UTF_8);
                secrets.forEach(secret -> assertThat(value).as("event on " + record.topic()).doesNotContain(secret));
                record.headers().forEach(h -> secrets.forEach(secret ->
                        assertThat(new String(h.value(), UTF_8)).as("header " + h.key()).doesNotContain(secret)));
            }
        }

        // every raw document of every collection intake keeps
        List<String> collections = List.copyOf(mongo.getCollectionNames());
        assertThat(collections).contains("tickets", "contacts", "idempotency_keys", "customer_issues", "questions", "articles");
        for (String collection : collections) {
            for (Document document : mongo.findAll(Document.class, collection)) {
                String json = document.toJson();
                secrets.forEach(secret -> assertThat(json).as(collection + " " + document.get("_id")).doesNotContain(secret));
            }
        }

        // and every line the service logged meanwhile, the listeners' included
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(output.getAll()).contains("RepeatContactDetected ticketNo="));
        List<String> leaking = output.getAll().lines()
                .filter(line -> secrets.stream().anyMatch(line::contains)).toList();
        assertThat(leaking).as("log lines with clear personal data").isEmpty();
    }

    private String submitted(Map<String, Object> body, Map<String, String> headers) {
        IntakeApi.Answer answer = api.post(TICKETS, body, headers);
        assertThat(answer.status()).as(answer.toString()).isEqualTo(201);
        return answer.json().get("ticketNo").asString();
    }

    private static Map<String, Object> ticket(String customerId, String contact, String subject, String description,
            List<String> tags) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("channel", "WEB");
        if (customerId != null) {
            body.put("customerId", customerId);
        }
        body.put("contact", contact);
        body.put("subject", subject);
        body.put("description", description);
        body.put("tags", tags);
        return body;
    }
}
