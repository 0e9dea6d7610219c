package io.ticketflow.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The demo against stand-ins for the services' HTTP APIs (a JDK HttpServer answering the documented
 * paths): what it sends, in which order, and that missing features only produce warnings.
 */
class DemoTrafficTest {

    static {
        // the JDK server otherwise waits for delayed ACKs on every small response (~40 ms each)
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    private final JsonMapper json = JsonMapper.builder().build();
    private final List<String> calls = new CopyOnWriteArrayList<>();
    private final List<JsonNode> bodies = new CopyOnWriteArrayList<>();
    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
    private HttpServer server;

    @AfterEach
    void stopServer() {
        server.stop(0);
    }

    @Test
    void givenServicesThatAnswerEverythingTheDemoHandlesTicketsFromIntakeToRating() throws Exception {
        AtomicInteger serial = new AtomicInteger();
        StackSettings settings = servicesAt((exchange, body) -> {
            String path = exchange.getRequestURI().getPath();
            String method = exchange.getRequestMethod();
            if (method.equals("POST") && path.equals("/api/v1/tickets")) {
                String no = String.format("202611-%03d", serial.incrementAndGet());
                String nature = body.path("description").asString().toLowerCase().contains("complain") ? "COMPLAINT" : "CONSULTATION";
                return reply(exchange, 201, "{\"ticketNo\":\"" + no + "\",\"nature\":\"" + nature + "\",\"priority\":\"P2\"}");
            }
            if (method.equals("GET") && path.startsWith("/api/v1/tickets/")) {
                return reply(exchange, 200, "{\"ticketNo\":\"" + path.substring(16) + "\",\"assignee\":\"agent-wang-fang\"}");
            }
            if (method.equals("GET") && path.equals("/api/v1/surveys")) {
                String no = exchange.getRequestURI().getQuery().substring("ticketNo=".length());
                return reply(exchange, 200, "[{\"token\":\"tok-" + no + "\",\"ticketNo\":\"" + no + "\"}]");
            }
            return reply(exchange, method.equals("POST") ? 201 : 200, "{}");
        });

        DemoTraffic.Summary summary = new DemoTraffic(HttpClient.newHttpClient(), settings, new PrintStream(printed, true,
                StandardCharsets.UTF_8), Duration.ofSeconds(5)).play();

        assertThat(summary.agentsRegistered()).isEqualTo(6);
        assertThat(summary.agentsOnline()).isEqualTo(6);
        assertThat(summary.ticketsCreated()).isEqualTo(30);
        assertThat(summary.natures()).containsEntry("COMPLAINT", 12);
        assertThat(summary.assigned()).isEqualTo(30);
        assertThat(summary.replied()).isEqualTo(30);
        assertThat(summary.resolved()).isEqualTo(20);
        assertThat(summary.rated()).isEqualTo(20);
        assertThat(summary.warnings()).isEmpty();
        assertThat(calls).contains("PUT /api/v1/agents/agent-li-wei", "PUT /api/v1/agents/agent-li-wei/presence",
                "POST /api/v1/tickets/202611-001/replies", "POST /api/v1/tickets/202611-001/resolution",
                "GET /api/v1/surveys?ticketNo=202611-001", "POST /api/v1/surveys/tok-202611-001");
        assertThat(calls.indexOf("PUT /api/v1/agents/agent-zhao-lei/presence"))
                .as("agents are online before the first ticket arrives").isLessThan(calls.indexOf("POST /api/v1/tickets"));
        JsonNode agent = bodies.get(0);
        assertThat(agent.path("department").asString()).isEqualTo("TECH");
        assertThat(agent.path("skills").path("payment").asInt()).isEqualTo(5);
        assertThat(agent.path("capacity").asInt()).isEqualTo(5);
        assertThat(bodies).filteredOn(b -> b.has("author")).allSatisfy(b -> {
            assertThat(b.path("author").asString()).isEqualTo("AGENT");
            assertThat(b.path("agentId").asString()).isEqualTo("agent-wang-fang");
        });
        assertThat(bodies).filteredOn(b -> b.has("rating")).hasSize(20)
                .allSatisfy(b -> assertThat(b.path("rating").asInt()).isBetween(1, 5));
        assertThat(bodies).filteredOn(b -> b.has("channel")).extracting(b -> b.path("channel").asString())
                .containsOnly("WEB", "APP", "CHAT", "PHONE", "EMAIL");
        assertThat(printed.toString(StandardCharsets.UTF_8)).contains("demo summary", "30 assigned, 30 replied, 20 resolved, 20 rated");
    }

    @Test
    void givenServicesWithoutTheseFeaturesYetTheDemoWarnsOnceAndCarriesOn() throws Exception {
        StackSettings settings = servicesAt((exchange, body) -> {
            if (exchange.getRequestMethod().equals("POST") && exchange.getRequestURI().getPath().equals("/api/v1/tickets")) {
                return reply(exchange, 201, "{\"ticketNo\":\"202611-" + (calls.size()) + "\",\"nature\":\"SUGGESTION\"}");
            }
            if (exchange.getRequestMethod().equals("GET")) {
                return reply(exchange, 200, "{\"assignee\":null}"); // intake knows the ticket, routing never assigns
            }
            return reply(exchange, 404, "{\"status\":404}");
        });

        DemoTraffic.Summary summary = new DemoTraffic(HttpClient.newHttpClient(), settings, new PrintStream(printed, true,
                StandardCharsets.UTF_8), Duration.ofMillis(600)).play();

        assertThat(summary.agentsRegistered()).isZero();
        assertThat(summary.ticketsCreated()).isEqualTo(30);
        assertThat(summary.assigned()).isZero();
        assertThat(summary.rated()).isZero();
        assertThat(summary.warnings()).containsEntry("routing PUT /api/v1/agents/{id} answered 404 (not built yet?)", 6);
        assertThat(summary.warnings().keySet()).anyMatch(w -> w.startsWith("tickets still unassigned"));
        String output = printed.toString(StandardCharsets.UTF_8);
        assertThat(output.lines().filter(l -> l.contains("! routing PUT /api/v1/agents/{id} answered 404")).count())
                .as("each distinct warning printed once").isEqualTo(1);
        assertThat(output).contains("demo summary");
    }

    private interface Answer {
        boolean answer(HttpExchange exchange, JsonNode body) throws IOException;
    }

    private StackSettings servicesAt(Answer answer) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            String query = exchange.getRequestURI().getRawQuery();
            calls.add(exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath() + (query == null ? "" : "?" + query));
            String text = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            JsonNode body = text.isBlank() ? json.createObjectNode() : json.readTree(text);
            if (!text.isBlank()) {
                bodies.add(body);
            }
            answer.answer(exchange, body);
        });
        server.start();
        int port = server.getAddress().getPort();
        List<ServiceSpec> services = ServiceSpec.CATALOGUE.stream()
                .map(s -> new ServiceSpec(s.name(), port, s.database(), s.apiPath()))
                .collect(Collectors.toList());
        return new StackSettings(Path.of("/repo"), Path.of("/repo/.ticketflow"), 9092, 9093, 27017,
                Duration.ofSeconds(10), List.of(), services);
    }

    private static boolean reply(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
        return true;
    }
}
