package io.ticketflow.localstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * One of the five services: its name, HTTP port, MongoDB database and the API path worth showing
 * first in the table of URLs.
 */
record ServiceSpec(String name, int port, String database, String apiPath) {

    static final List<ServiceSpec> CATALOGUE = List.of(
            new ServiceSpec("intake", 8081, "intake", "/api/v1/tickets"),
            new ServiceSpec("routing", 8082, "routing", "/api/v1/agents"),
            new ServiceSpec("sla", 8083, "sla", "/api/v1/sla/policies"),
            new ServiceSpec("feedback", 8084, "feedback", "/api/v1/callbacks"),
            new ServiceSpec("analytics", 8085, "analytics", "/api/v1/kpis"));

    String module() {
        return name + "-service";
    }

    String baseUrl() {
        return "http://localhost:" + port;
    }

    String healthUrl() {
        return baseUrl() + "/actuator/health";
    }

    /** The Spring Boot executable jar built by {@code package}: {@code <svc>-service/target/<svc>-service-<version>-exec.jar}. */
    Optional<Path> executableJar(Path repoRoot) {
        Path target = repoRoot.resolve(module()).resolve("target");
        if (!Files.isDirectory(target)) {
            return Optional.empty();
        }
        try (Stream<Path> files = Files.list(target)) {
            return files.filter(p -> {
                        String file = p.getFileName().toString();
                        return file.startsWith(module() + "-") && file.endsWith("-exec.jar");
                    })
                    .max(Comparator.comparing(ServiceSpec::modified));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static long modified(Path path) {
        try {
            return Files.getLastModifiedTime(path).toMillis();
        } catch (IOException e) {
            return 0;
        }
    }
}
