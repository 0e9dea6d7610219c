package io.ticketflow.intake;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.ticketflow.events.AnswerAccepted;
import io.ticketflow.events.TicketCreated;
import io.ticketflow.events.Topics;
import io.ticketflow.testkit.EventProbe;
import io.ticketflow.testkit.TicketflowServiceTest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Every kind of bad input gets a clear 4xx RFC 9457 problem, publishes nothing and stores
 * nothing. "Publishes nothing": a good marker submission sent afterwards is the only event seen
 * for the customer. "Stores nothing": every collection holds as many documents afterwards as before.
 */
@TicketflowServiceTest
class BadInputIT {

    private static final String TICKETS = "/api/v1/tickets";
    private static final String ANSWERS = "/api/v1/answers";

    @LocalServerPort
    int port;

    @Autowired
    MongoTemplate mongo;

    IntakeApi api;
    HttpClient http;

    @BeforeEach
    void client() {
        api = new IntakeApi(port);
        http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    }

    @Test
    void bad_input_is_a_problem_that_publishes_nothing_and_stores_nothing() {
        String customer = "c-" + UUID.randomUUID();
        String good = "{\"channel\":\"WEB\",\"customerId\":\"" + customer + "\",\"description\":\"Error E1001 at login\"";
        try (EventProbe events = EventProbe.open(Topics.Names.LIFECYCLE, Topics.Names.SELF_SERVICE)) {
            Map<String, Long> before = documentCounts();

            // malformed JSON
            problem(post(TICKETS, good), 400);
            problem(post(TICKETS, good + ",}"), 400);
            // wrong types
            assertFields(problem(post(TICKETS, good + ",\"tags\":\"billing\"}"), 400), "tags");
            assertFields(problem(post(TICKETS, good + ",\"vip\":\"yes\"}"), 400), "vip");
            assertFields(problem(post(TICKETS, good + ",\"description\":{\"text\":\"x\"}}"), 400), "description");
            // unknown channel
            assertFields(problem(post(TICKETS, good.replace("\"WEB\"", "\"FAX\"") + "}"), 400), "channel");
            // oversized fields
            assertFields(problem(post(TICKETS, good + ",\"subject\":\"" + "s".repeat(201) + "\"}"), 400), "subject");
            assertFields(problem(post(TICKETS, good.replace("c-", "c-" + "x".repeat(70)) + "}"), 400), "customerId");
            assertFields(problem(post(TICKETS, good.replace("Error E1001 at login", "d".repeat(5001)) + "}"), 400),
                    "description");
            // oversized body, with and without a declared length
            String huge = good.replace("Error E1001 at login", "d".repeat(70 * 1024)) + "}";
            JsonNode tooLarge = problem(post(TICKETS, huge), 413);
            assertThat(tooLarge.get("detail").asString()).contains("65536");
            problem(send(HttpRequest.newBuilder(uri(TICKETS)).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(huge.getBytes(UTF_8))))), 413);
            // invalid UTF-8
            byte[] invalidUtf8 = (good + ",\"subject\":\"cafX\"}").getBytes(UTF_8);
            invalidUtf8[invalidUtf8.length - 3] = (byte) 0xC3; // a lead byte followed by a quote: not UTF-8
            JsonNode notUtf8 = problem(send(json(TICKETS).POST(HttpRequest.BodyPublishers.ofByteArray(invalidUtf8))), 400);
            assertThat(notUtf8.get("detail").asString()).contains("UTF-8");
            byte[] lone = (good + ",\"subject\":\"x\"}").getBytes(UTF_8);
            lone[lone.length - 3] = (byte) 0xFF;
            problem(send(json(TICKETS).POST(HttpRequest.BodyPublishers.ofByteArray(lone))), 400);
            // keys MongoDB would read as operators or paths, anywhere in the body
            assertFields(problem(post(TICKETS, good + ",\"$where\":\"sleep(1000)\"}"), 400), "$where");
            assertFields(problem(post(TICKETS, good + ",\"meta\":{\"a.b\":1}}"), 400), "a.b");
            assertFields(problem(post(TICKETS, good + ",\"extra\":[{\"deep\":{\"$gt\":\"\"}}]}"), 400), "$gt");
            assertFields(problem(post(ANSWERS, "{\"question\":\"refund\",\"channel\":\"APP\",\"$set\":{\"x\":1}}"), 400),
                    "$set");
            // nesting deeper than anyone needs
            problem(post(TICKETS, good + ",\"extra\":" + "[".repeat(100) + "]".repeat(100) + "}"), 400);
            // an enormous tag list: too many tags, and too many to even read
            String manyTags = IntStream.range(0, 5000).mapToObj(i -> "\"t" + i + "\"")
                    .collect(java.util.stream.Collectors.joining(",", "[", "]"));
            assertFields(problem(post(TICKETS, good + ",\"tags\":" + manyTags + "}"), 400), "tags");
            String tagFlood = String.join(",", Collections.nCopies(40_000, "\"t\""));
            problem(post(TICKETS, good + ",\"tags\":[" + tagFlood + "]}"), 413);
            // unsupported media type
            problem(send(HttpRequest.newBuilder(uri(TICKETS)).header("Content-Type", "text/plain")
                    .POST(HttpRequest.BodyPublishers.ofString(good + "}"))), 415);
            problem(send(HttpRequest.newBuilder(uri(TICKETS)).header("Content-Type", "application/xml")
                    .POST(HttpRequest.BodyPublishers.ofString("<ticket/>"))), 415);
            // ticket numbers that cannot exist: 404, whether looked up or commanded
            for (String ticketNo : List.of("abc", "2026-1", "202611-0000001", "$where", "%24ne", "202611-00000a")) {
                problem(send(HttpRequest.newBuilder(uri(TICKETS + "/" + ticketNo)).GET()), 404);
                problem(post(TICKETS + "/" + ticketNo + "/replies", "{\"author\":\"CUSTOMER\",\"message\":\"hi\"}"), 404);
            }
            // self-service: unknown and malformed question ids
            problem(post(ANSWERS + "/" + UUID.randomUUID() + "/acceptance", "{\"articleId\":\"std-refund-time-en\"}"), 404);
            problem(post(ANSWERS + "/$where/acceptance", "{\"articleId\":\"std-refund-time-en\"}"), 400);

            assertThat(documentCounts()).as("nothing stored").isEqualTo(before);

            String marker = api.post(TICKETS, good + "}").json().get("ticketNo").asString();
            events.await(TicketCreated.class, e -> e.ticketNo().equals(marker));
            assertThat(events.received(TicketCreated.class, e -> customer.equals(e.customerId())))
                    .as("only the marker was published").extracting(e -> e.event().ticketNo()).containsExactly(marker);
            assertThat(events.received(AnswerAccepted.class, e -> true)).isEmpty();
        }
    }

    @Test
    void a_body_just_under_the_limit_is_read_as_usual() {
        String customer = "c-" + UUID.randomUUID();
        String padding = " ".repeat(60 * 1024);
        IntakeApi.Answer answer = api.post(TICKETS, "{\"channel\":\"WEB\",\"customerId\":\"" + customer + "\","
                + padding + "\"description\":\"Error E1001 at login, 错误\"}");
        assertThat(answer.status()).as(answer.toString()).isEqualTo(201);
        assertThat(api.get(TICKETS + "/" + answer.json().get("ticketNo").asString()).json().get("description").asString())
                .isEqualTo("Error E1001 at login, 错误");
    }

    private Map<String, Long> documentCounts() {
        Map<String, Long> counts = new TreeMap<>();
        for (String collection : mongo.getCollectionNames()) {
            counts.put(collection, mongo.getCollection(collection).countDocuments());
        }
        return counts;
    }

    private IntakeApi.Answer post(String path, String body) {
        return send(json(path).POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private HttpRequest.Builder json(String path) {
        return HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json");
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private IntakeApi.Answer send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = http.send(request.timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return new IntakeApi.Answer(response.statusCode(), response.headers(), response.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode problem(IntakeApi.Answer answer, int status) {
        assertThat(answer.status()).as(answer.toString()).isEqualTo(status);
        assertThat(answer.header("Content-Type")).as(answer.toString()).startsWith("application/problem+json");
        JsonNode problem = answer.json();
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(problem.get("title").asString()).isNotBlank();
        return problem;
    }

    private static void assertFields(JsonNode problem, String... fields) {
        assertThat(problem.get("errors").findValuesAsString("field")).as(problem.toString()).contains(fields);
    }
}
