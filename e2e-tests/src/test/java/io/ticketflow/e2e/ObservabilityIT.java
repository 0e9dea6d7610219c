package io.ticketflow.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The Grafana dashboards and Prometheus rules under {@code deploy/} against the running system:
 * promtool checks and unit-tests the rules, and every metric a dashboard or rule queries must be
 * one the five services export — so a renamed metric fails the build instead of leaving an empty
 * panel or a silent alert. Meters a service registers only on first use (a breach, an escalation,
 * a transfer) are accepted when a service's source declares that meter name.
 */
@WithTicketflowSystem
class ObservabilityIT {

    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final Path REPO = Path.of(System.getProperty("ticketflow.repo", "..")).toAbsolutePath().normalize();
    private static final Path DEPLOY = REPO.resolve("deploy");
    private static final Path PROMTOOL = Path.of("/usr/bin/promtool");
    /** Identifiers in PromQL that are not metric names. */
    private static final Set<String> PROMQL_WORDS = Set.of("sum", "max", "min", "avg", "count", "by", "without", "rate",
            "increase", "irate", "histogram_quantile", "le", "and", "or", "unless", "on", "ignoring", "group_left",
            "group_right", "bool", "offset", "topk", "bottomk", "abs", "clamp_min", "clamp_max", "delta", "deriv",
            "time", "vector", "scalar", "absent", "label_replace", "humanizePercentage");
    /** Series Prometheus makes itself rather than scraping them. */
    private static final Set<String> SYNTHETIC = Set.of("up");

    static TicketflowSystem system;

    @BeforeAll
    static void startTheSystem() {
        system = TicketflowSystem.get();
    }

    @Test
    void the_alert_rules_are_valid_and_their_unit_tests_pass() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(PROMTOOL),
                "promtool not found at /usr/bin/promtool: install the Debian package 'prometheus' (.ci/run does)");
        try (Stream<Path> rules = Files.list(DEPLOY.resolve("prometheus/rules"));
                Stream<Path> tests = Files.list(DEPLOY.resolve("prometheus/tests"))) {
            List<String> check = new ArrayList<>(List.of(PROMTOOL.toString(), "check", "rules"));
            rules.map(Path::toString).sorted().forEach(check::add);
            assertThat(check).hasSizeGreaterThan(3);
            assertSucceeds(check);
            List<String> test = new ArrayList<>(List.of(PROMTOOL.toString(), "test", "rules"));
            tests.map(Path::toString).sorted().forEach(test::add);
            assertThat(test).hasSizeGreaterThan(3);
            assertSucceeds(test);
        }
    }

    @Test
    void every_metric_a_dashboard_or_rule_queries_is_exported_by_a_service() throws IOException {
        assertThat(metricNames("histogram_quantile(0.99, sum by (le) (rate(a_b_bucket{x=\"y_z\"}[5m]))) > bool c_d"))
                .as("the PromQL reader").containsExactly("a_b_bucket", "c_d");
        // given traffic through every service, so Kafka client and listener meters exist
        pushOneTicketThrough();

        Set<String> queried = new TreeSet<>();
        try (Stream<Path> dashboards = Files.list(DEPLOY.resolve("grafana/dashboards"))) {
            for (Path dashboard : dashboards.filter(p -> p.toString().endsWith(".json")).toList()) {
                JsonNode json = Http.JSON.readTree(Files.readString(dashboard));
                assertThat(json.path("uid").asText()).as(dashboard + " has a uid").isNotBlank();
                List<String> expressions = json.findValuesAsString("expr");
                assertThat(expressions).as(dashboard + " queries something").isNotEmpty();
                expressions.forEach(e -> queried.addAll(metricNames(e)));
            }
        }
        try (Stream<Path> rules = Files.list(DEPLOY.resolve("prometheus/rules"))) {
            for (Path file : rules.toList()) {
                Matcher expr = Pattern.compile("(?m)^\\s+expr:\\s*(.+)$").matcher(Files.readString(file));
                while (expr.find()) {
                    queried.addAll(metricNames(expr.group(1)));
                }
            }
        }
        assertThat(queried).as("the parser found the metrics").contains("ticketflow_kpi_backlog_tickets",
                "ticketflow_dead_letters_total");

        Set<String> exported = new TreeSet<>();
        for (String service : List.of("intake", "routing", "sla", "feedback", "analytics")) {
            Http.Response scrape = Http.get(system.url(service) + "/actuator/prometheus");
            assertThat(scrape.status()).as(service + " " + scrape).isEqualTo(200);
            scrape.body().lines().filter(l -> !l.startsWith("#") && !l.isBlank())
                    .map(l -> l.split("[{ ]", 2)[0]).forEach(exported::add);
        }
        String declared = declaredMeterNames();

        List<String> missing = queried.stream()
                .filter(m -> !SYNTHETIC.contains(m) && !exported.contains(m) && !declared.contains('"' + dotted(m) + '"'))
                .toList();
        assertThat(missing).as("queried by deploy/ but neither exported nor declared by any service").isEmpty();
    }

    private static void pushOneTicketThrough() {
        String unique = UUID.randomUUID().toString().substring(0, 8);
        String agentId = "obs-" + unique;
        String skill = "obs-" + unique;
        Http.Response agent = Http.put(system.url("routing") + "/api/v1/agents/" + agentId, """
                {"name":"Observer","team":"obs-team","department":"TECH","skills":{"%s":3},"capacity":2,"vipCustomers":[]}
                """.formatted(skill));
        assertThat(agent.status()).as(agent.toString()).isEqualTo(200);
        Http.Response online = Http.put(system.url("routing") + "/api/v1/agents/" + agentId + "/presence",
                "{\"presence\":\"ONLINE\"}");
        assertThat(online.status()).as(online.toString()).isEqualTo(200);
        Http.Response submitted = Http.post(system.url("intake") + "/api/v1/tickets", """
                {"channel":"WEB","customerId":"c-%s","subject":"Error E1001","description":"Error E1001 when I open the app","tags":["%s"]}
                """.formatted(unique, skill));
        assertThat(submitted.status()).as(submitted.toString()).isEqualTo(201);
        String ticketNo = submitted.json().get("ticketNo").asText();
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(
                Http.get(system.url("intake") + "/api/v1/tickets/" + ticketNo).json().path("assignee").asText())
                .isEqualTo(agentId));
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(
                Http.get(system.url("analytics") + "/api/v1/tickets/" + ticketNo + "/timeline").status()).isEqualTo(200));
    }

    /** The metric names in a PromQL expression: identifiers that are neither functions, keywords nor label names. */
    static Set<String> metricNames(String promql) {
        String withoutStrings = promql.replaceAll("\"[^\"]*\"", "\"\"").replaceAll("\\{[^}]*}", "{}")
                .replaceAll("\\b(by|without|on|ignoring)\\s*\\([^)]*\\)", "")
                .replaceAll("\\[[^]]*]", "[]");
        Set<String> names = new TreeSet<>();
        Matcher identifier = Pattern.compile("\\b([a-zA-Z_:][a-zA-Z0-9_:]*)\\b(?!\\s*\\()").matcher(withoutStrings);
        while (identifier.find()) {
            String name = identifier.group(1);
            if (!PROMQL_WORDS.contains(name) && !name.matches("\\d.*") && name.contains("_") || SYNTHETIC.contains(name)) {
                names.add(name);
            }
        }
        return names;
    }

    /** {@code ticketflow_kpi_sla_breaches_total} → {@code ticketflow.kpi.sla.breaches}: the Micrometer name behind it. */
    private static String dotted(String prometheusName) {
        String base = prometheusName.replaceAll("_(bucket|count|sum|max)$", "").replaceAll("_total$", "")
                .replaceAll("_seconds$", "");
        return base.replace('_', '.');
    }

    private static String declaredMeterNames() throws IOException {
        StringBuilder sources = new StringBuilder();
        for (String module : List.of("intake-service", "routing-service", "sla-service", "feedback-service",
                "analytics-service", "ticket-events")) {
            Path main = REPO.resolve(module).resolve("src/main/java");
            try (Stream<Path> files = Files.walk(main)) {
                files.filter(p -> p.toString().endsWith(".java")).forEach(p -> {
                    try {
                        sources.append(Files.readString(p)).append('\n');
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
            }
        }
        return sources.toString();
    }

    private static void assertSucceeds(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("promtool finished").isTrue();
        assertThat(process.exitValue()).as(String.join(" ", command) + "\n" + output).isZero();
        assertThat(output).contains("SUCCESS");
    }
}
