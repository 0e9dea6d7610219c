package io.ticketflow.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import io.ticketflow.events.AnswerAccepted;
import io.ticketflow.events.RatingReceived;
import io.ticketflow.events.RepeatContactDetected;
import io.ticketflow.events.TicketCreated;
import io.ticketflow.events.Topics;
import io.ticketflow.intake.privacy.ContactCipher;
import io.ticketflow.testkit.EventProbe;
import io.ticketflow.testkit.RawRecords;
import io.ticketflow.testkit.TicketflowServiceTest;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Repeat contacts and self-service answers, end to end: real HTTP, the real broker, MongoDB.
 * Every scenario has its own customer, so none sees another's tickets or questions.
 */
@TicketflowServiceTest
class SelfServiceIT {

    private static final String TICKETS = "/api/v1/tickets";
    private static final String ANSWERS = "/api/v1/answers";
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @LocalServerPort
    int port;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    ContactCipher cipher;

    IntakeApi api;

    @BeforeEach
    void client() {
        api = new IntakeApi(port);
    }

    // --- repeats ----------------------------------------------------------------------------

    @Test
    void the_same_order_again_within_24_hours_is_linked_flagged_and_published_right_after_creation() {
        String customer = "c-" + UUID.randomUUID();
        String order = "2026" + ThreadLocalRandom.current().nextInt(10_000_000, 99_999_999);
        try (EventProbe lifecycle = EventProbe.open(Topics.Names.LIFECYCLE)) {
            String first = submitted(ticket(customer, null, "Parcel not arrived",
                    "My parcel for order " + order + " has not arrived", List.of("logistics")));
            String second = submitted(ticket(customer, null, "Where is my delivery?",
                    "Still waiting for order " + order + ", nobody tells me anything", List.of("logistics")));

            RepeatContactDetected repeat = lifecycle.await(RepeatContactDetected.class, e -> e.ticketNo().equals(second));
            TicketCreated created = lifecycle.await(TicketCreated.class, e -> e.ticketNo().equals(second));

            assertThat(repeat.earlierTicketNo()).isEqualTo(first);
            assertThat(repeat.within24h()).isTrue();
            assertThat(repeat.contactsIn30Days()).isEqualTo(2);
            assertThat(repeat.matchedOn()).isEqualTo("orderId");
            assertThat(repeat.sequence()).as("the next sequence after the creation").isEqualTo(created.sequence() + 1);

            JsonNode view = api.get(TICKETS + "/" + second).json();
            assertThat(view.get("repeatOf").asString()).isEqualTo(first);
            assertThat(view.get("history").findValuesAsString("event"))
                    .containsExactly("TicketCreated", "RepeatContactDetected");
            assertThat(api.get(TICKETS + "/" + first).json().get("repeatOf").isNull()).isTrue();
            assertThat(lifecycle.received(RepeatContactDetected.class, e -> e.ticketNo().equals(first))).isEmpty();
        }
    }

    @Test
    void a_customer_known_only_by_phone_is_recognised_by_a_fingerprint_and_a_similar_subject_of_the_same_type() {
        String phone = "137" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
        try (EventProbe lifecycle = EventProbe.open(Topics.Names.LIFECYCLE)) {
            String first = submitted(ticket(null, phone, "App crashes on login", "The app crashes with error E2001",
                    List.of()));
            String second = submitted(ticket(null, "+86 " + phone, "app crashes at login again",
                    "Still the crash, error E2001", List.of()));

            RepeatContactDetected repeat = lifecycle.await(RepeatContactDetected.class, e -> e.ticketNo().equals(second));
            assertThat(repeat.earlierTicketNo()).isEqualTo(first);
            assertThat(repeat.matchedOn()).isEqualTo("type+subject");
            assertThat(repeat.within24h()).isTrue();
        }
        for (Document issues : mongo.findAll(Document.class, "customer_issues")) {
            assertThat(issues.toJson()).doesNotContain(phone);
        }
    }

    @Test
    void another_issue_of_the_same_customer_is_no_repeat() {
        String customer = "c-" + UUID.randomUUID();
        submitted(ticket(customer, null, "App crashes on login", "The app crashes with error E2001", List.of()));
        String other = submitted(ticket(customer, null, "Refund not received",
                "The refund for order 20261123555 has not come", List.of("billing")));

        JsonNode view = api.get(TICKETS + "/" + other).json();
        assertThat(view.get("repeatOf").isNull()).isTrue();
        assertThat(view.get("history").findValuesAsString("event")).containsExactly("TicketCreated");
        Document issues = mongo.findById(cipher.fingerprint("customer:" + customer), Document.class, "customer_issues");
        assertThat(issues.getList("issues", Document.class)).hasSize(2);
    }

    @Test
    void an_earlier_contact_within_30_days_counts_as_a_repeat_consultation_without_a_link() {
        String customer = "c-" + UUID.randomUUID();
        Instant threeDaysAgo = Instant.now().minus(Duration.ofDays(3)).truncatedTo(ChronoUnit.MILLIS);
        Instant fortyDaysAgo = Instant.now().minus(Duration.ofDays(40));
        mongo.insert(new Document("_id", cipher.fingerprint("customer:" + customer)).append("issues", List.of(
                pastIssue("old-1", "202610-000001", fortyDaysAgo),
                pastIssue("earlier-1", "202611-000001", threeDaysAgo))), "customer_issues");

        try (EventProbe lifecycle = EventProbe.open(Topics.Names.LIFECYCLE)) {
            String now = submitted(ticket(customer, null, "App crashes on login", "It crashes, error E2001", List.of()));

            RepeatContactDetected repeat = lifecycle.await(RepeatContactDetected.class, e -> e.ticketNo().equals(now));
            assertThat(repeat.earlierTicketId()).isEqualTo("earlier-1");
            assertThat(repeat.within24h()).isFalse();
            assertThat(repeat.contactsIn30Days()).as("the one 3 days ago and this one").isEqualTo(2);
            assertThat(api.get(TICKETS + "/" + now).json().get("repeatOf").isNull()).isTrue();
        }
        Document issues = mongo.findById(cipher.fingerprint("customer:" + customer), Document.class, "customer_issues");
        assertThat(issues.getList("issues", Document.class)).extracting(d -> d.getString("ticketId"))
                .as("issues older than 30 days are forgotten").doesNotContain("old-1").contains("earlier-1");
    }

    // --- self-service answers ---------------------------------------------------------------

    @Test
    void standard_articles_answer_english_and_chinese_questions() {
        JsonNode english = ask("How long does a refund take to arrive?", "c-" + UUID.randomUUID());
        assertThat(english.get("questionId").asString()).isNotBlank();
        assertThat(english.get("answers").get(0).get("articleId").asString()).isEqualTo("std-refund-time-en");
        assertThat(english.get("answers").get(0).get("score").asDouble()).isPositive();

        JsonNode chinese = ask("退款多久能到账？", null);
        assertThat(chinese.get("answers").get(0).get("articleId").asString()).isEqualTo("std-refund-time-zh");

        JsonNode password = ask("忘记密码了怎么办", null);
        assertThat(password.get("answers").get(0).get("articleId").asString()).isEqualTo("std-password-reset-zh");

        assertThat(ask("zzqx qqzz", null).get("answers").size()).as("nothing offered for nonsense").isZero();
    }

    @Test
    void an_accepted_answer_is_published_once_and_creates_no_ticket() {
        String customer = "c-" + UUID.randomUUID();
        JsonNode answers = ask("I forgot my password, how do I reset it?", customer);
        String questionId = answers.get("questionId").asString();
        String articleId = answers.get("answers").get(0).get("articleId").asString();
        assertThat(articleId).isEqualTo("std-password-reset-en");

        try (EventProbe selfService = EventProbe.open(Topics.Names.SELF_SERVICE)) {
            IntakeApi.Answer accepted = api.post(ANSWERS + "/" + questionId + "/acceptance", Map.of("articleId", articleId));
            assertThat(accepted.status()).as(accepted.toString()).isEqualTo(204);
            AnswerAccepted event = selfService.await(AnswerAccepted.class, e -> e.questionId().equals(questionId));
            assertThat(event.articleId()).isEqualTo(articleId);
            assertThat(event.customerId()).isEqualTo(customer);
            assertThat(event.channel().name()).isEqualTo("APP");

            IntakeApi.Answer again = api.post(ANSWERS + "/" + questionId + "/acceptance", Map.of("articleId", articleId));
            assertThat(again.status()).isEqualTo(204);

            String otherArticle = answers.get("answers").size() > 1 ? answers.get("answers").get(1).get("articleId").asString() : null;
            if (otherArticle != null) {
                assertThat(api.post(ANSWERS + "/" + questionId + "/acceptance", Map.of("articleId", otherArticle)).status())
                        .isEqualTo(409);
            }

            String marker = ask("How long does a refund take?", null).get("questionId").asString();
            api.post(ANSWERS + "/" + marker + "/acceptance", Map.of("articleId", "std-refund-time-en"));
            selfService.await(AnswerAccepted.class, e -> e.questionId().equals(marker));
            assertThat(selfService.received(AnswerAccepted.class, e -> e.questionId().equals(questionId))).hasSize(1);
        }
        assertThat(mongo.count(query(where("customerId").is(customer)), "tickets")).isZero();
    }

    @Test
    void acceptances_that_make_no_sense_are_problems() {
        IntakeApi.Answer unknown = api.post(ANSWERS + "/" + UUID.randomUUID() + "/acceptance",
                Map.of("articleId", "std-refund-time-en"));
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.header("Content-Type")).startsWith("application/problem+json");

        String questionId = ask("How long does a refund take?", null).get("questionId").asString();
        IntakeApi.Answer notOffered = api.post(ANSWERS + "/" + questionId + "/acceptance", Map.of("articleId", "std-no-such"));
        assertThat(notOffered.status()).isEqualTo(400);
        assertThat(notOffered.json().get("errors").findValuesAsString("field")).contains("articleId");

        assertThat(api.post(ANSWERS + "/not-a-question/acceptance", Map.of("articleId", "x")).status()).isEqualTo(400);
        assertThat(api.post(ANSWERS, Map.of("question", " ", "channel", "APP")).status()).isEqualTo(400);
        assertThat(api.post(ANSWERS, Map.of("question", "refund", "channel", "FAX")).status()).isEqualTo(400);
    }

    @Test
    void a_satisfied_rating_archives_the_masked_resolution_once_and_it_then_answers_questions() {
        String customer = "c-" + UUID.randomUUID();
        String phone = "136" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
        String word = "zqx" + Long.toString(ThreadLocalRandom.current().nextLong(1L << 40), 36).replaceAll("\\d", "k");
        String ticketNo = submitted(ticket(customer, null, "Scanner " + word + " shows error E3001",
                "The " + word + " scanner shows error E3001", List.of()));
        String ticketId = api.get(TICKETS + "/" + ticketNo).json().get("id").asString();
        assertThat(api.post(TICKETS + "/" + ticketNo + "/replies",
                Map.of("author", "AGENT", "agentId", "a-1", "message", "Looking")).status()).isEqualTo(200);
        assertThat(api.post(TICKETS + "/" + ticketNo + "/resolution", Map.of("agentId", "a-1",
                "summary", "Power-cycle the " + word + " scanner; if E3001 stays, call " + phone)).status()).isEqualTo(200);

        String unhappySurvey = UUID.randomUUID().toString();
        String happySurvey = UUID.randomUUID().toString();
        try (RawRecords raw = new RawRecords()) {
            raw.publish(UUID.randomUUID(), rating(ticketId, ticketNo, unhappySurvey, 2));
            RatingReceived five = rating(ticketId, ticketNo, happySurvey, 5);
            raw.publish(UUID.randomUUID(), five);
            raw.publish(UUID.randomUUID(), five); // the same survey again, under another event id
        }

        Document article = await().atMost(PATIENCE).until(
                () -> mongo.findById("survey-" + happySurvey, Document.class, "articles"), a -> a != null);
        assertThat(article.getString("answer")).contains(word).doesNotContain(phone);
        assertThat(article.getString("sourceTicketNo")).isEqualTo(ticketNo);
        assertThat(mongo.count(query(where("sourceTicketId").is(ticketId)), "articles"))
                .as("one article per survey; none for the unhappy one").isEqualTo(1);

        JsonNode answers = ask("what to do when the " + word + " scanner shows E3001", customer);
        assertThat(answers.get("answers").get(0).get("articleId").asString()).isEqualTo("survey-" + happySurvey);
    }

    // --- helpers ----------------------------------------------------------------------------

    private JsonNode ask(String question, String customerId) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("question", question);
        body.put("channel", "APP");
        if (customerId != null) {
            body.put("customerId", customerId);
        }
        IntakeApi.Answer answer = api.post(ANSWERS, body);
        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        return answer.json();
    }

    private String submitted(Map<String, Object> body) {
        IntakeApi.Answer answer = api.post(TICKETS, body);
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
        if (contact != null) {
            body.put("contact", contact);
        }
        body.put("subject", subject);
        body.put("description", description);
        body.put("tags", tags);
        return body;
    }

    private static Document pastIssue(String ticketId, String ticketNo, Instant at) {
        return new Document("ticketId", ticketId).append("ticketNo", ticketNo).append("type", "FUNCTION")
                .append("subjectTokens", List.of("app", "crashes", "login")).append("orderKeys", List.of())
                .append("createdAt", Date.from(at));
    }

    private static RatingReceived rating(String ticketId, String ticketNo, String surveyId, int stars) {
        return new RatingReceived(ticketId, ticketNo, surveyId, stars, null, null, Instant.now());
    }
}
