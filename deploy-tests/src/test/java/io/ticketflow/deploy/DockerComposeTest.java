package io.ticketflow.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** docker-compose.yml, checked without Docker: structure, start order, images, mounted files. */
class DockerComposeTest {

    static final Map<String, Integer> SERVICES = Map.of("intake-service", 8081, "routing-service", 8082,
            "sla-service", 8083, "feedback-service", 8084, "analytics-service", 8085);

    static final Map<String, String> INFRASTRUCTURE_IMAGES = Map.of("kafka", "apache/kafka:", "mongodb", "mongo:8",
            "mailpit", "axllent/mailpit:", "prometheus", "prom/prometheus:", "grafana", "grafana/grafana:");

    static final Set<String> CONDITIONS = Set.of("service_healthy", "service_started", "service_completed_successfully");

    private final Map<String, Object> compose = Repo.yaml("docker-compose.yml");
    private final Map<String, Object> services = Y.map(compose, "services");

    @Test
    void theWholeSystemIsThere() {
        assertThat(services.keySet()).containsAll(SERVICES.keySet()).containsAll(INFRASTRUCTURE_IMAGES.keySet());
        INFRASTRUCTURE_IMAGES.forEach((name, image) -> assertThat(Y.str(services, name, "image")).startsWith(image));
    }

    @Test
    void theServiceImagesAreTheOnesJibBuilds() {
        String registry = ImagesTest.rootProperty("image.registry");
        for (String service : SERVICES.keySet()) {
            assertThat(Y.str(services, service, "image"))
                    .isEqualTo("${TICKETFLOW_IMAGE_REGISTRY:-" + registry + "}/" + service + ":${TICKETFLOW_VERSION:-0.1.0-SNAPSHOT}");
        }
    }

    @Test
    void everyContainerHasAHealthCheck() {
        services.forEach((name, service) -> {
            List<Object> test = Y.list(service, "healthcheck", "test");
            assertThat(test).as("healthcheck of %s", name).isNotEmpty();
            assertThat(test.get(0)).as("healthcheck of %s", name).isIn("CMD", "CMD-SHELL");
        });
    }

    @Test
    void startOrderWaitsOnHealthAndNamesOnlyExistingServices() {
        for (String name : services.keySet()) {
            Map<String, Object> dependsOn = Y.map(services, name, "depends_on");
            dependsOn.forEach((dependency, how) -> {
                assertThat(services).as("%s depends on %s", name, dependency).containsKey(dependency);
                assertThat(Y.str(how, "condition")).as("%s -> %s condition", name, dependency).isIn(CONDITIONS);
            });
        }
        for (String service : SERVICES.keySet()) {
            Map<String, Object> dependsOn = Y.map(services, service, "depends_on");
            assertThat(Y.str(dependsOn, "kafka", "condition")).as(service).isEqualTo("service_healthy");
            assertThat(Y.str(dependsOn, "mongodb", "condition")).as(service).isEqualTo("service_healthy");
        }
        assertThat(Y.str(services, "grafana", "depends_on", "prometheus", "condition")).isEqualTo("service_healthy");
    }

    @Test
    void eachServiceIsReachedAndProbedOnThePortItsApplicationYmlSets() {
        Pattern port = Pattern.compile("(?m)^server:\\s*\\n\\s+port:\\s*(?:\\$\\{[A-Z_]+:)?(\\d+)");
        SERVICES.forEach((service, expected) -> {
            Matcher m = port.matcher(Repo.read(service + "/src/main/resources/application.yml"));
            assertThat(m.find()).as("server.port in %s", service).isTrue();
            assertThat(Integer.parseInt(m.group(1))).as("server.port of %s", service).isEqualTo(expected);
            assertThat(Y.list(services, service, "ports")).as("ports of %s", service).contains(expected + ":" + expected);
            assertThat(String.join(" ", Y.list(services, service, "healthcheck", "test").stream().map(String::valueOf).toList()))
                    .as("healthcheck of %s", service)
                    .contains("/dev/tcp/localhost/" + expected)
                    .contains("/actuator/health/readiness");
            assertThat(Y.str(services, service, "environment", "KAFKA_BOOTSTRAP_SERVERS")).isEqualTo("kafka:9092");
            assertThat(Y.str(services, service, "environment", "MONGODB_URI")).contains("mongodb:27017").contains("replicaSet=rs0");
        });
        assertThat(Y.list(services, "mongodb", "command")).contains("--replSet", "rs0");
    }

    @Test
    void everyMountedFileExists() {
        services.forEach((name, service) -> {
            for (Object volume : Y.list(service, "volumes")) {
                String source = String.valueOf(volume).split(":")[0];
                if (source.startsWith("./")) {
                    assertThat(Repo.path(source.substring(2))).as("%s mounts %s", name, source).exists();
                } else {
                    assertThat(Y.map(compose, "volumes")).as("%s mounts named volume %s", name, source).containsKey(source);
                }
            }
        });
        assertThat(String.valueOf(Y.list(services, "grafana", "volumes")))
                .contains("./deploy/grafana/dashboards:/var/lib/grafana/dashboards")
                .contains("./deploy/grafana/provisioning/");
        // the provisioning reads the dashboards from where compose mounts them
        assertThat(Repo.read("deploy/grafana/provisioning/dashboards/ticketflow.yml")).contains("/var/lib/grafana/dashboards");
    }

    @Test
    void dockerComposeAcceptsTheFile() throws Exception {
        Optional<Path> binary = Stream.of(String.valueOf(System.getenv("PATH")).split(File.pathSeparator))
                .map(dir -> Path.of(dir, "docker-compose"))
                .filter(Files::isExecutable)
                .findFirst();
        Assumptions.assumeTrue(binary.isPresent(),
                "SKIPPED: docker-compose is not on the PATH (Debian package docker-compose; .ci/run installs it)");
        Path log = Files.createTempFile("compose", ".log");
        try {
            Process process = new ProcessBuilder(binary.get().toString(), "-f", Repo.path("docker-compose.yml").toString(), "config", "-q")
                    .directory(Repo.ROOT.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("docker-compose config finished").isTrue();
            assertThat(process.exitValue()).as("docker-compose config -q:%n%s", Files.readString(log, StandardCharsets.UTF_8)).isZero();
        } finally {
            Files.deleteIfExists(log);
        }
    }
}
