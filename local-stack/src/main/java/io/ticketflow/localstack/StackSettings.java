package io.ticketflow.localstack;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Where the local stack keeps its data and which ports it uses, from the environment with defaults.
 *
 * @param repoRoot the checkout, holding {@code <svc>-service/target/*-exec.jar} and {@code local-stack/target}
 * @param home data dir: {@code kafka/}, {@code mongo/}, {@code logs/} and the pid file
 * @param serviceJavaOptions extra JVM options for every service (TICKETFLOW_JAVA_OPTS)
 */
record StackSettings(Path repoRoot, Path home, int kafkaPort, int controllerPort, int mongoPort,
                     Duration startupTimeout, List<String> serviceJavaOptions, List<ServiceSpec> services) {

    static final String HOME = "TICKETFLOW_HOME";
    static final String KAFKA_PORT = "TICKETFLOW_KAFKA_PORT";
    static final String CONTROLLER_PORT = "TICKETFLOW_KAFKA_CONTROLLER_PORT";
    static final String MONGO_PORT = "TICKETFLOW_MONGO_PORT";
    static final String STARTUP_TIMEOUT = "TICKETFLOW_STARTUP_TIMEOUT";
    static final String JAVA_OPTS = "TICKETFLOW_JAVA_OPTS";
    static final Duration DEFAULT_STARTUP_TIMEOUT = Duration.ofSeconds(180);

    StackSettings {
        repoRoot = repoRoot.toAbsolutePath().normalize();
        home = home.toAbsolutePath().normalize();
        services = List.copyOf(services);
        serviceJavaOptions = List.copyOf(serviceJavaOptions);
        if (kafkaPort == controllerPort || kafkaPort == mongoPort || controllerPort == mongoPort) {
            throw new IllegalArgumentException("Kafka, Kafka controller and Mongo ports must differ: "
                    + kafkaPort + ", " + controllerPort + ", " + mongoPort);
        }
        for (ServiceSpec service : services) {
            if (service.port() == kafkaPort || service.port() == controllerPort || service.port() == mongoPort) {
                throw new IllegalArgumentException(service.name() + " already uses port " + service.port());
            }
        }
        if (startupTimeout.isNegative() || startupTimeout.isZero()) {
            throw new IllegalArgumentException(STARTUP_TIMEOUT + " must be positive");
        }
    }

    static StackSettings from(Map<String, String> env, Path repoRoot) {
        Path home = nonBlank(env.get(HOME)) ? Path.of(env.get(HOME)) : repoRoot.resolve(".ticketflow");
        return new StackSettings(repoRoot, home,
                port(env, KAFKA_PORT, KafkaBroker.DEFAULT_PORT),
                port(env, CONTROLLER_PORT, KafkaBroker.DEFAULT_CONTROLLER_PORT),
                port(env, MONGO_PORT, MongoWire.DEFAULT_PORT),
                timeout(env),
                nonBlank(env.get(JAVA_OPTS)) ? List.of(env.get(JAVA_OPTS).trim().split("\\s+")) : List.of(),
                ServiceSpec.CATALOGUE);
    }

    Path kafkaDir() {
        return home.resolve("kafka");
    }

    Path mongoDir() {
        return home.resolve("mongo");
    }

    Path logsDir() {
        return home.resolve("logs");
    }

    Path pidFile() {
        return home.resolve("stack.pids");
    }

    /** Where a process's stdout and stderr go. */
    Path outFile(String name) {
        return logsDir().resolve(name + ".out");
    }

    /** The log file a service writes itself ({@code logging.file.name}). */
    Path logFile(String name) {
        return logsDir().resolve(name + ".log");
    }

    String kafkaBootstrap() {
        return "127.0.0.1:" + kafkaPort;
    }

    String mongoUri(String database) {
        return "mongodb://127.0.0.1:" + mongoPort + "/" + database;
    }

    private static int port(Map<String, String> env, String name, int defaultPort) {
        String value = env.get(name);
        return nonBlank(value) ? Ports.parse(name, value) : defaultPort;
    }

    private static Duration timeout(Map<String, String> env) {
        String value = env.get(STARTUP_TIMEOUT);
        if (!nonBlank(value)) {
            return DEFAULT_STARTUP_TIMEOUT;
        }
        try {
            return Duration.ofSeconds(Long.parseLong(value.trim()));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(STARTUP_TIMEOUT + " must be a number of seconds, got '" + value + "'");
        }
    }

    private static boolean nonBlank(String value) {
        return value != null && !value.isBlank();
    }
}
