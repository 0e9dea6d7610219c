package io.ticketflow.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Starts the stack's child JVMs with the same {@code java} as the orchestrator. Output of each goes to
 * its own {@code <name>.out} (appended, one header line per start). Where {@code setsid} exists the
 * children get their own session, so Ctrl-C in the terminal reaches only the orchestrator, which then
 * stops them in order: services first, Kafka last (the services still need it while they shut down).
 */
final class ProcessLauncher {

    static final List<String> BROKER_JVM = List.of("-Xms64m", "-Xmx384m", "-XX:+UseSerialGC");
    static final List<String> MONGO_JVM = List.of("-Xms32m", "-Xmx256m", "-XX:+UseSerialGC");
    static final List<String> SERVICE_JVM = List.of("-Xmx256m", "-XX:+UseSerialGC");

    private final String java;
    private final String classpath;
    private final List<String> ownSession;
    private final Path workingDir;

    ProcessLauncher(String java, String classpath, List<String> ownSession, Path workingDir) {
        this.java = java;
        this.classpath = classpath;
        this.ownSession = List.copyOf(ownSession);
        this.workingDir = workingDir;
    }

    /** Children run on this JVM's {@code java} and classpath (the local-stack jar and its lib/). */
    static ProcessLauncher forThisJvm(Path workingDir) {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> session = List.of();
        for (String candidate : List.of("/usr/bin/setsid", "/bin/setsid")) {
            if (Files.isExecutable(Path.of(candidate))) {
                session = List.of(candidate);
                break;
            }
        }
        // the launcher script passes the short form (jar:lib/*) so that ps shows readable command lines
        String classpath = System.getProperty("ticketflow.classpath", System.getProperty("java.class.path"));
        return new ProcessLauncher(java, classpath, session, workingDir);
    }

    StackProcess kafka(Path dataDir, int port, int controllerPort, Path outFile) {
        List<String> command = new ArrayList<>(BROKER_JVM);
        command.addAll(List.of("-cp", classpath, KafkaBroker.class.getName(),
                "--data-dir", dataDir.toString(), "--port", Integer.toString(port),
                "--controller-port", Integer.toString(controllerPort)));
        return start("kafka", command, Map.of(), outFile);
    }

    StackProcess mongo(Path dataDir, int port, Path outFile) {
        List<String> command = new ArrayList<>(MONGO_JVM);
        command.addAll(List.of("-cp", classpath, MongoWire.class.getName(),
                "--data-dir", dataDir.toString(), "--port", Integer.toString(port)));
        return start("mongo", command, Map.of(), outFile);
    }

    StackProcess service(ServiceSpec service, Path jar, StackSettings settings) {
        List<String> command = new ArrayList<>(SERVICE_JVM);
        command.addAll(settings.serviceJavaOptions());
        command.addAll(List.of("-jar", jar.toString(),
                "--spring.profiles.active=local",
                "--server.port=" + service.port(),
                "--logging.file.name=" + settings.logFile(service.name())));
        Map<String, String> env = Map.of(
                "KAFKA_BOOTSTRAP_SERVERS", settings.kafkaBootstrap(),
                "MONGODB_URI", settings.mongoUri(service.database()),
                // mongo-java-server does not answer 'hello', which the Mongo health indicator sends
                "MANAGEMENT_HEALTH_MONGODB_ENABLED", "false");
        return start(service.name(), command, env, settings.outFile(service.name()));
    }

    private StackProcess start(String name, List<String> javaArguments, Map<String, String> env, Path outFile) {
        List<String> command = new ArrayList<>(ownSession);
        command.add(java);
        command.addAll(javaArguments);
        try {
            Files.createDirectories(outFile.getParent());
            Files.createDirectories(workingDir);
            Files.writeString(outFile, "==== " + Instant.now() + " starting " + name + ": "
                            + String.join(" ", command.subList(ownSession.size(), command.size())) + "\n",
                    StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            ProcessBuilder builder = new ProcessBuilder(command)
                    .directory(workingDir.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(Redirect.appendTo(outFile.toFile()))
                    .redirectInput(Redirect.from(nullDevice()));
            builder.environment().putAll(env);
            return new StackProcess(name, builder.start(), outFile);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + name + " (" + String.join(" ", command) + ")", e);
        }
    }

    private static java.io.File nullDevice() {
        return new java.io.File(System.getProperty("os.name").startsWith("Windows") ? "NUL" : "/dev/null");
    }
}
