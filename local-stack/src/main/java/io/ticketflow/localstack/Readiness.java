package io.ticketflow.localstack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;

/**
 * Bounded waits until a child is usable: its port accepts connections, Kafka describes its cluster,
 * a service's {@code /actuator/health} says UP. Each wait also watches the process itself, so a child
 * that dies during start-up fails the wait at once instead of after the whole timeout.
 */
final class Readiness {

    private static final Duration PAUSE = Duration.ofMillis(250);

    private final HttpClient http;

    Readiness(HttpClient http) {
        this.http = http;
    }

    /** Why a child did not become ready. */
    static final class NotReady extends Exception {
        private static final long serialVersionUID = 1L;

        NotReady(String message) {
            super(message);
        }
    }

    void awaitPort(StackProcess process, int port, Duration timeout) throws NotReady, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!Ports.accepting("127.0.0.1", port)) {
            pauseOrFail(process, deadline, "port " + port + " did not open within " + timeout.toSeconds() + " s");
        }
    }

    void awaitKafka(StackProcess process, String bootstrap, Duration timeout) throws NotReady, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        Map<String, Object> config = Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 3_000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 5_000,
                AdminClientConfig.CLIENT_ID_CONFIG, "ticketflow-local-stack");
        try (Admin admin = Admin.create(config)) {
            while (true) {
                try {
                    if (!admin.describeCluster(new DescribeClusterOptions().timeoutMs(3_000))
                            .nodes().get(4, TimeUnit.SECONDS).isEmpty()) {
                        return;
                    }
                } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
                    // not serving yet: try again until the deadline
                }
                pauseOrFail(process, deadline, "Kafka at " + bootstrap + " did not describe its cluster within "
                        + timeout.toSeconds() + " s");
            }
        }
    }

    void awaitHealthy(StackProcess process, ServiceSpec service, Duration timeout) throws NotReady, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!healthy(service)) {
            pauseOrFail(process, deadline, service.healthUrl() + " did not report UP within "
                    + timeout.toSeconds() + " s");
        }
    }

    /** One quick look: {@code GET /actuator/health} answers 200 with status UP. */
    boolean healthy(ServiceSpec service) {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(service.healthUrl()))
                    .timeout(Duration.ofSeconds(2)).GET().build(), HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 && response.body().replace(" ", "").contains("\"status\":\"UP\"");
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static void pauseOrFail(StackProcess process, long deadline, String timeoutMessage)
            throws NotReady, InterruptedException {
        if (process.exitedWithin(PAUSE)) {
            throw new NotReady(process.name() + " exited with code " + process.exitValue() + " while starting");
        }
        if (System.nanoTime() > deadline) {
            throw new NotReady(timeoutMessage);
        }
    }
}
