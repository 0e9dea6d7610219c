package io.ticketflow.localstack;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The stack this orchestrator started: Kafka and the Mongo-wire server first, then the five services
 * in parallel; stopped in the reverse order. Every child is recorded in the pid file as soon as it
 * exists, so {@code down} can clean up even after a crash half-way through the start.
 */
final class RunningStack {

    static final Duration STOP_GRACE = Duration.ofSeconds(20);
    static final Duration INFRASTRUCTURE_TIMEOUT = Duration.ofSeconds(60);
    private static final int TAIL_LINES = 40;

    private final StackSettings settings;
    private final ProcessLauncher launcher;
    private final Readiness readiness;
    private final PidFile pidFile;
    private final PrintStream out;
    private final long startedNanos = System.nanoTime();
    private final List<StackProcess> infrastructure = new ArrayList<>();
    private final List<StackProcess> services = new ArrayList<>();
    private boolean stopping;

    RunningStack(StackSettings settings, ProcessLauncher launcher, Readiness readiness, PidFile pidFile, PrintStream out) {
        this.settings = settings;
        this.launcher = launcher;
        this.readiness = readiness;
        this.pidFile = pidFile;
        this.out = out;
    }

    /** Why the stack could not start; the message says what to do. */
    static final class StartFailure extends Exception {
        private static final long serialVersionUID = 1L;

        StartFailure(String message) {
            super(message);
        }
    }

    /** Starts everything and waits until it is usable; on failure the caller calls {@link #stop()}. */
    void start() throws StartFailure, InterruptedException {
        Map<ServiceSpec, Path> jars = executableJars();
        refuseBusyPorts();
        createDirectories();
        record();

        StackProcess kafka = launch(() -> launcher.kafka(settings.kafkaDir(), settings.kafkaPort(),
                settings.controllerPort(), settings.outFile("kafka")), infrastructure);
        StackProcess mongo = launch(() -> launcher.mongo(settings.mongoDir(), settings.mongoPort(),
                settings.outFile("mongo")), infrastructure);
        try {
            readiness.awaitPort(mongo, settings.mongoPort(), INFRASTRUCTURE_TIMEOUT);
            progress("mongo", "ready on mongodb://127.0.0.1:" + settings.mongoPort());
        } catch (Readiness.NotReady e) {
            throw failure(mongo, e.getMessage(), mongo.outFile());
        }
        try {
            readiness.awaitPort(kafka, settings.kafkaPort(), INFRASTRUCTURE_TIMEOUT);
            readiness.awaitKafka(kafka, settings.kafkaBootstrap(), INFRASTRUCTURE_TIMEOUT);
            progress("kafka", "ready on " + settings.kafkaBootstrap());
        } catch (Readiness.NotReady e) {
            throw failure(kafka, e.getMessage(), kafka.outFile());
        }

        for (ServiceSpec service : settings.services()) {
            launch(() -> launcher.service(service, jars.get(service), settings), services);
        }
        progress("services", "starting " + settings.services().size() + " services, waiting for /actuator/health");
        awaitServices();
    }

    /** Seconds since this orchestrator began. */
    double elapsedSeconds() {
        return (System.nanoTime() - startedNanos) / 1e9;
    }

    synchronized boolean isStopping() {
        return stopping;
    }

    List<StackProcess> processes() {
        synchronized (this) {
            List<StackProcess> all = new ArrayList<>(infrastructure);
            all.addAll(services);
            return all;
        }
    }

    /**
     * Services first (all asked at once, each given {@link #STOP_GRACE}), then the Mongo-wire server,
     * then Kafka; finally the pid file goes. Safe to call twice and from the shutdown hook.
     */
    void stop() {
        List<StackProcess> serviceSnapshot;
        List<StackProcess> infrastructureSnapshot;
        synchronized (this) {
            if (stopping) {
                return;
            }
            stopping = true;
            serviceSnapshot = List.copyOf(services);
            infrastructureSnapshot = List.copyOf(infrastructure);
        }
        long began = System.nanoTime();
        out.println();
        out.println("stopping ticketflow ...");
        serviceSnapshot.forEach(StackProcess::requestStop);
        for (StackProcess service : serviceSnapshot) {
            report(service, service.awaitExit(STOP_GRACE));
        }
        List<StackProcess> reversed = new ArrayList<>(infrastructureSnapshot);
        java.util.Collections.reverse(reversed); // mongo, then kafka
        for (StackProcess process : reversed) {
            report(process, process.stop(STOP_GRACE));
        }
        pidFile.delete();
        out.printf("ticketflow stopped in %.1f s%n", (System.nanoTime() - began) / 1e9);
        out.flush();
    }

    private void report(StackProcess process, StackProcess.Ending ending) {
        switch (ending) {
            case GRACEFUL -> out.printf("  %-10s stopped%n", process.name());
            case FORCED -> out.printf("  %-10s killed after %d s without stopping%n", process.name(), STOP_GRACE.toSeconds());
            case ALREADY_GONE -> out.printf("  %-10s had already exited (code %d)%n", process.name(), process.exitValue());
        }
    }

    private Map<ServiceSpec, Path> executableJars() throws StartFailure {
        Map<ServiceSpec, Path> jars = new LinkedHashMap<>();
        List<String> missing = new ArrayList<>();
        for (ServiceSpec service : settings.services()) {
            Optional<Path> jar = service.executableJar(settings.repoRoot());
            if (jar.isPresent()) {
                jars.put(service, jar.get());
            } else {
                missing.add(service.module() + "/target/" + service.module() + "-*-exec.jar");
            }
        }
        if (!missing.isEmpty()) {
            throw new StartFailure("missing service jars: " + String.join(", ", missing)
                    + "\n  build them with: ./ticketflow up --build   (or ./mvnw -B -DskipTests package)");
        }
        return jars;
    }

    private void refuseBusyPorts() throws StartFailure {
        Map<Integer, String> ports = new LinkedHashMap<>();
        ports.put(settings.kafkaPort(), "Kafka");
        ports.put(settings.controllerPort(), "Kafka controller");
        ports.put(settings.mongoPort(), "MongoDB");
        settings.services().forEach(s -> ports.put(s.port(), s.name()));
        List<String> busy = new ArrayList<>();
        ports.forEach((port, what) -> {
            if (Ports.accepting("127.0.0.1", port)) {
                busy.add(port + " (" + what + ")");
            }
        });
        if (!busy.isEmpty()) {
            throw new StartFailure("port(s) already in use: " + String.join(", ", busy)
                    + "\n  another ticketflow, Kafka or MongoDB is running; stop it, or move the stack with "
                    + StackSettings.KAFKA_PORT + " / " + StackSettings.CONTROLLER_PORT + " / " + StackSettings.MONGO_PORT);
        }
    }

    private void createDirectories() {
        try {
            for (Path dir : List.of(settings.kafkaDir(), settings.mongoDir(), settings.logsDir())) {
                Files.createDirectories(dir);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the data dir " + settings.home(), e);
        }
    }

    private interface Start {
        StackProcess start();
    }

    private StackProcess launch(Start start, List<StackProcess> group) throws StartFailure {
        synchronized (this) {
            if (stopping) {
                throw new StartFailure("stopping: not starting any more processes");
            }
            StackProcess process = start.start();
            group.add(process);
            record();
            return process;
        }
    }

    private synchronized void record() {
        List<PidFile.Entry> entries = new ArrayList<>();
        entries.add(PidFile.Entry.of(PidFile.ORCHESTRATOR, ProcessHandle.current()));
        infrastructure.forEach(p -> entries.add(PidFile.Entry.of(p.name(), p.handle())));
        services.forEach(p -> entries.add(PidFile.Entry.of(p.name(), p.handle())));
        pidFile.write(entries);
    }

    private void awaitServices() throws StartFailure, InterruptedException {
        List<StackProcess> started = List.copyOf(services);
        ExecutorService pool = Executors.newFixedThreadPool(started.size(), r -> {
            Thread thread = new Thread(r, "health-poll");
            thread.setDaemon(true);
            return thread;
        });
        try {
            ExecutorCompletionService<ServiceSpec> completion = new ExecutorCompletionService<>(pool);
            Map<Future<ServiceSpec>, StackProcess> polls = new LinkedHashMap<>();
            for (StackProcess process : started) {
                ServiceSpec service = spec(process.name());
                polls.put(completion.submit(() -> {
                    readiness.awaitHealthy(process, service, settings.startupTimeout());
                    return service;
                }), process);
            }
            for (int i = 0; i < started.size(); i++) {
                Future<ServiceSpec> done = completion.take();
                try {
                    ServiceSpec service = done.get();
                    progress(service.name(), "UP on " + service.baseUrl());
                } catch (ExecutionException e) {
                    StackProcess process = polls.get(done);
                    Path log = settings.logFile(process.name());
                    boolean hasLog = Files.isRegularFile(log) && log.toFile().length() > 0;
                    throw failure(process, e.getCause().getMessage(), hasLog ? log : process.outFile());
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private ServiceSpec spec(String name) {
        return settings.services().stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow();
    }

    private StartFailure failure(StackProcess process, String reason, Path log) {
        if (isStopping()) {
            return new StartFailure("stopped while starting");
        }
        out.printf("%n%s did not start: %s%n---- last %d lines of %s ----%n", process.name(), reason, TAIL_LINES, log);
        LogTail.of(log, TAIL_LINES).forEach(line -> out.println("  " + line));
        out.println("---- end of " + log + " ----");
        return new StartFailure(process.name() + " did not start: " + reason + " (see " + log + ")");
    }

    private void progress(String name, String message) {
        out.printf("[%6.1fs] %-10s %s%n", elapsedSeconds(), name, message);
    }
}
