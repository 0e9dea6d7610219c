package io.ticketflow.bench;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Customers and agents over HTTP. Customers submit tickets open-loop at the profile's rate (each
 * submission's latency runs from the moment it was due, so a slow system cannot hide behind a
 * slowed-down generator) and answer a share of the surveys feedback sends; agents reply to and
 * resolve each ticket routing assigns them after a handling time, which frees their capacity.
 */
final class Traffic implements EventWatch.Listener {

    static final String AGENT_PREFIX = "bench-agent-";
    private static final int MAX_IN_FLIGHT = 256;
    private static final int COMMAND_ATTEMPTS = 6;
    private static final Duration COMMAND_RETRY = Duration.ofMillis(300);

    final Histogram submitLatency = new ConcurrentHistogram(3_600_000_000L, 3);
    final Histogram submitServiceTime = new ConcurrentHistogram(3_600_000_000L, 3);
    /** ticket number → wall-clock millis of its 201. */
    final Map<String, Long> accepted = new ConcurrentHashMap<>();
    final Map<String, AtomicLong> outcomes = new ConcurrentHashMap<>();
    final AtomicLong submitted = new AtomicLong();
    final AtomicLong notSent = new AtomicLong();

    private final Endpoints urls;
    private final Profile profile;
    private final SeedMix mix;
    private final HttpClient http;
    private final ScheduledExecutorService scheduler;
    private final Semaphore inFlight = new Semaphore(MAX_IN_FLIGHT);
    private final Map<String, SeedMix.Nature> natures = new ConcurrentHashMap<>();
    private final SplittableRandom random;
    private final JsonMapper json = JsonMapper.builder().build();

    Traffic(Endpoints urls, Profile profile, SeedMix mix, HttpClient http, ScheduledExecutorService scheduler, long seed) {
        this.urls = urls;
        this.profile = profile;
        this.mix = mix;
        this.http = http;
        this.scheduler = scheduler;
        this.random = new SplittableRandom(seed);
    }

    // ---- agents ----------------------------------------------------------------------------

    static String agentId(int i) {
        return AGENT_PREFIX + i;
    }

    /** Registers the agents (every tag, capacity 100, VIP customers spread over them) and puts them ONLINE. */
    void registerAgents() {
        String[] departments = {"TECH", "CUSTOMER_SERVICE", "OPERATIONS"};
        for (int i = 0; i < profile.agents(); i++) {
            ObjectNode body = json.createObjectNode();
            body.put("name", "Bench Agent " + i);
            body.put("team", "bench-team-" + (i % 6));
            body.put("department", departments[i % departments.length]);
            ObjectNode skills = body.putObject("skills");
            for (int t = 0; t < SeedMix.TAGS.size(); t++) {
                skills.put(SeedMix.TAGS.get(t), 3 + (i + t) % 3);
            }
            body.put("capacity", 100);
            var vips = body.putArray("vipCustomers");
            for (int v = i; v < SeedMix.VIP_CUSTOMERS; v += profile.agents()) {
                vips.add(SeedMix.vipCustomer(v));
            }
            require(send("PUT", urls.routing() + "/api/v1/agents/" + agentId(i), body).join(), "register agent " + agentId(i));
            require(send("PUT", urls.routing() + "/api/v1/agents/" + agentId(i) + "/presence",
                    json.createObjectNode().put("presence", "ONLINE")).join(), "agent " + agentId(i) + " ONLINE");
        }
    }

    private static void require(HttpResponse<String> response, String what) {
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException(what + " answered " + response.statusCode() + ": " + response.body());
        }
    }

    @Override
    public void assigned(String ticketNo, String agentId) {
        if (!agentId.startsWith(AGENT_PREFIX)) {
            return;
        }
        scheduler.schedule(() -> command(ticketNo, "replies", json.createObjectNode()
                        .put("author", "AGENT").put("agentId", agentId).put("message", "We are on it. 您好，我们正在处理。"), "reply", 1,
                () -> command(ticketNo, "resolution", json.createObjectNode()
                        .put("agentId", agentId).put("summary", "Resolved by the bench agent").put("rootCause", "tooling"), "resolve", 1, null)),
                profile.handleTime().toMillis(), TimeUnit.MILLISECONDS);
    }

    /** An agent's command; a 409 "being changed" (another command holds the ticket) is retried. */
    private void command(String ticketNo, String path, ObjectNode body, String what, int attempt, Runnable then) {
        send("POST", urls.intake() + "/api/v1/tickets/" + encode(ticketNo) + "/" + path, body).whenComplete((response, error) -> {
            if (error == null && response.statusCode() == 200) {
                count(what + " 200");
                if (then != null) {
                    then.run();
                }
            } else if (attempt < COMMAND_ATTEMPTS && (error != null || response.statusCode() == 409 || response.statusCode() >= 500)) {
                count(what + " retried");
                scheduler.schedule(() -> command(ticketNo, path, body, what, attempt + 1, then), COMMAND_RETRY.toMillis(), TimeUnit.MILLISECONDS);
            } else {
                count(what + " " + (error == null ? String.valueOf(response.statusCode()) : name(error)));
            }
        });
    }

    // ---- customers -------------------------------------------------------------------------

    @Override
    public void surveySent(String ticketNo, String token) {
        SeedMix.Nature nature = natures.get(ticketNo);
        if (nature == null || !takesSurvey()) {
            return;
        }
        int rating = rating(nature);
        if (!token.isBlank()) {
            rate(token, rating);
            return;
        }
        send("GET", urls.feedback() + "/api/v1/surveys?ticketNo=" + encode(ticketNo), null).whenComplete((response, error) -> {
            if (error == null && response.statusCode() == 200) {
                JsonNode surveys = json.readTree(response.body());
                JsonNode first = surveys.isArray() ? surveys.path(0) : surveys.path("content").path(0);
                String found = first.path("token").asString("");
                if (!found.isBlank()) {
                    rate(found, rating);
                    return;
                }
            }
            count("survey lookup failed");
        });
    }

    private synchronized boolean takesSurvey() {
        return random.nextDouble() < profile.rateShare();
    }

    /** Complaints rate lower (1–5, a third of them 1–3 stars), the rest 4–5. */
    private synchronized int rating(SeedMix.Nature nature) {
        return nature == SeedMix.Nature.COMPLAINT ? 1 + random.nextInt(5) : 4 + random.nextInt(2);
    }

    private void rate(String token, int rating) {
        send("POST", urls.feedback() + "/api/v1/surveys/" + encode(token), json.createObjectNode().put("rating", rating))
                .whenComplete((response, error) -> count("rate " + (error == null ? String.valueOf(response.statusCode()) : name(error))));
    }

    /**
     * Submits the tickets of the run, open-loop, and returns when the last one is sent — or when
     * the run has lasted half as long again as planned because the system answers too slowly to
     * take the submissions in flight: the rest is not sent ({@link #notSent}), so a run stays bounded.
     */
    void submitAll(RateShape shape, long startNanos) throws InterruptedException {
        long total = shape.total();
        long giveUp = startNanos + (long) (shape.durationSeconds() * 1.5e9);
        for (long i = 0; i < total; i++) {
            long due = startNanos + (long) (shape.dueAt(i) * 1e9);
            long wait;
            while ((wait = due - System.nanoTime()) > 0) {
                LockSupport.parkNanos(wait);
            }
            if (!inFlight.tryAcquire(Math.max(0, giveUp - System.nanoTime()), TimeUnit.NANOSECONDS)) {
                notSent.set(total - i);
                return;
            }
            submit(mix.next(), due, i);
        }
    }

    private void submit(SeedMix.TicketRequest ticket, long dueNanos, long i) {
        ObjectNode body = json.createObjectNode();
        body.put("channel", ticket.channel());
        body.put("customerId", ticket.customerId());
        body.put("contact", ticket.contact());
        body.put("subject", ticket.subject());
        body.put("description", ticket.description());
        ticket.tags().forEach(body.putArray("tags")::add);
        body.put("vip", ticket.vip());
        long sent = System.nanoTime();
        submitted.incrementAndGet();
        send("POST", urls.intake() + "/api/v1/tickets", body).whenComplete((response, error) -> {
            inFlight.release();
            long now = System.nanoTime();
            Latency.recordMillis(submitLatency, (now - dueNanos) / 1e6);
            Latency.recordMillis(submitServiceTime, (now - sent) / 1e6);
            if (error != null) {
                count("submit " + name(error));
                return;
            }
            count("submit " + response.statusCode());
            if (response.statusCode() == 201) {
                String ticketNo = json.readTree(response.body()).path("ticketNo").asString("");
                natures.put(ticketNo, ticket.nature());
                accepted.put(ticketNo, System.currentTimeMillis());
            }
        });
    }

    CompletableFuture<HttpResponse<String>> send(String method, String url, JsonNode body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Accept", "application/json");
        if (body != null) {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        return http.sendAsync(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    void count(String outcome) {
        outcomes.computeIfAbsent(outcome, k -> new AtomicLong()).incrementAndGet();
    }

    long outcome(String name) {
        AtomicLong n = outcomes.get(name);
        return n == null ? 0 : n.get();
    }

    /** The name of what went wrong, without the CompletableFuture wrapper. */
    static String name(Throwable error) {
        Throwable cause = error instanceof java.util.concurrent.CompletionException && error.getCause() != null ? error.getCause() : error;
        return cause.getClass().getSimpleName();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    record Endpoints(String intake, String routing, String sla, String feedback, String analytics) {
    }
}
