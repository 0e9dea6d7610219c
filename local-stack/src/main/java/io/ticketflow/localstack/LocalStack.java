package io.ticketflow.localstack;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The one-command local run: {@code up [--demo]} starts a real Kafka broker, the Mongo-wire server
 * and the five services as separate JVMs and stays in the foreground until Ctrl-C or {@code down};
 * {@code down} stops a running stack from another terminal; {@code status} shows what runs.
 * Normally launched by the {@code ./ticketflow} script at the root of the repository.
 */
public final class LocalStack {

    static final Duration ORCHESTRATOR_STOP_WAIT = Duration.ofSeconds(120);
    private static final int EXIT_USAGE = 2;
    private static final int EXIT_NOT_RUNNING = 3;

    private final StackSettings settings;
    private final PrintStream out;
    private final PidFile pidFile;

    LocalStack(StackSettings settings, PrintStream out) {
        this.settings = settings;
        this.out = out;
        this.pidFile = new PidFile(settings.pidFile());
    }

    public static void main(String[] args) throws InterruptedException {
        if (System.getProperty("ticketflow.log.level") == null) {
            System.setProperty("ticketflow.log.level", "WARN"); // before anything logs: keep the terminal readable
        }
        LaunchCommand command;
        StackSettings settings;
        try {
            command = LaunchCommand.parse(args);
            settings = StackSettings.from(System.getenv(), repoRoot());
        } catch (IllegalArgumentException e) {
            System.err.println("ticketflow: " + e.getMessage());
            System.err.println(LaunchCommand.USAGE);
            System.exit(EXIT_USAGE);
            return;
        }
        LocalStack stack = new LocalStack(settings, System.out);
        int exit = switch (command.verb()) {
            case UP -> stack.up(command.demo());
            case DOWN -> stack.down();
            case STATUS -> stack.status();
            case HELP -> {
                System.out.println(LaunchCommand.USAGE);
                yield 0;
            }
        };
        System.exit(exit);
    }

    int up(boolean demo) throws InterruptedException {
        List<PidFile.Entry> live = liveEntries();
        if (!live.isEmpty()) {
            boolean orphans = live.stream().noneMatch(e -> e.name().equals(PidFile.ORCHESTRATOR));
            out.println((orphans
                    ? "processes of an earlier ticketflow whose orchestrator is gone still run from "
                    : "ticketflow is already running from ") + settings.home() + " ("
                    + describe(live) + ").\n  stop " + (orphans ? "them" : "it") + " with: ./ticketflow down");
            return 1;
        }
        pidFile.delete(); // stale: nothing of it lives any more

        out.println("ticketflow: starting Kafka, MongoDB (wire server) and 5 services; data in " + settings.home());
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        RunningStack stack = new RunningStack(settings, ProcessLauncher.forThisJvm(settings.home()),
                new Readiness(http), pidFile, out);
        Runtime.getRuntime().addShutdownHook(new Thread(stack::stop, "ticketflow-shutdown"));
        try {
            stack.start();
        } catch (RunningStack.StartFailure | RuntimeException e) {
            if (!stack.isStopping()) { // else Ctrl-C came during the start: the shutdown hook is already at work
                out.println();
                out.println("ticketflow: " + e.getMessage());
                stack.stop();
            }
            return 1;
        }
        out.printf("%nticketflow is up in %.1f s%n%n", stack.elapsedSeconds());
        out.print(UrlTable.render(settings));
        watch(stack);

        if (demo) {
            try {
                new DemoTraffic(http, settings, out, DemoTraffic.EVENTUAL_WAIT).play();
            } catch (RuntimeException e) {
                out.println("demo: stopped early (" + e + "); the stack keeps running");
            }
        }
        out.println();
        out.println("running in the foreground: Ctrl-C here, or ./ticketflow down in another terminal, stops everything.");
        out.flush();
        new CountDownLatch(1).await(); // until SIGINT/SIGTERM: the shutdown hook stops the stack
        return 0;
    }

    /** A child that dies while the stack runs is reported, with where to look. */
    private void watch(RunningStack stack) {
        for (StackProcess process : stack.processes()) {
            process.handle().onExit().thenRun(() -> {
                if (!stack.isStopping()) {
                    out.printf("%n! %s (pid %d) exited unexpectedly; see %s%n", process.name(), process.pid(),
                            process.name().equals("kafka") || process.name().equals("mongo")
                                    ? process.outFile() : settings.logFile(process.name()));
                }
            });
        }
    }

    int down() throws InterruptedException {
        List<PidFile.Entry> entries = pidFile.read();
        if (entries.isEmpty()) {
            out.println("ticketflow is not running from " + settings.home() + " (no " + pidFile.path() + ")");
            return 0;
        }
        Optional<ProcessHandle> orchestrator = entries.stream()
                .filter(e -> e.name().equals(PidFile.ORCHESTRATOR)).findFirst().flatMap(PidFile.Entry::live);
        if (orchestrator.isPresent()) {
            out.println("stopping ticketflow (orchestrator pid " + orchestrator.get().pid() + ") ...");
            orchestrator.get().destroy();
            try {
                orchestrator.get().onExit().get(ORCHESTRATOR_STOP_WAIT.toSeconds(), TimeUnit.SECONDS);
            } catch (TimeoutException | java.util.concurrent.ExecutionException e) {
                out.println("  the orchestrator did not stop within " + ORCHESTRATOR_STOP_WAIT.toSeconds() + " s; killing it");
                orchestrator.get().destroyForcibly();
            }
        }
        // whatever the orchestrator could not stop (it was killed, or it hung): services, then mongo, then kafka
        List<PidFile.Entry> leftovers = new ArrayList<>();
        for (PidFile.Entry entry : entries) {
            if (!entry.name().equals(PidFile.ORCHESTRATOR) && entry.live().isPresent()) {
                leftovers.add(entry);
            }
        }
        List<PidFile.Entry> infrastructure = leftovers.stream()
                .filter(e -> e.name().equals("kafka") || e.name().equals("mongo")).toList();
        List<PidFile.Entry> services = leftovers.stream().filter(e -> !infrastructure.contains(e)).toList();
        stopAll(services);
        List<PidFile.Entry> reversed = new ArrayList<>(infrastructure);
        java.util.Collections.reverse(reversed);
        for (PidFile.Entry entry : reversed) {
            stopAll(List.of(entry));
        }
        pidFile.delete();
        out.println("ticketflow stopped");
        return 0;
    }

    private void stopAll(List<PidFile.Entry> entries) throws InterruptedException {
        List<ProcessHandle> handles = new ArrayList<>();
        for (PidFile.Entry entry : entries) {
            entry.live().ifPresent(handle -> {
                out.println("  stopping " + entry.name() + " (pid " + entry.pid() + ")");
                handle.destroy();
                handles.add(handle);
            });
        }
        long deadline = System.nanoTime() + RunningStack.STOP_GRACE.toNanos();
        for (ProcessHandle handle : handles) {
            long left = Math.max(0, deadline - System.nanoTime());
            try {
                handle.onExit().get(left, TimeUnit.NANOSECONDS);
            } catch (TimeoutException | java.util.concurrent.ExecutionException e) {
                out.println("  pid " + handle.pid() + " did not stop in time; killing it");
                handle.destroyForcibly();
            }
        }
    }

    int status() {
        List<PidFile.Entry> entries = pidFile.read();
        if (entries.isEmpty()) {
            out.println("ticketflow is not running from " + settings.home());
            return EXIT_NOT_RUNNING;
        }
        Readiness readiness = new Readiness(HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build());
        boolean allGood = true;
        out.println("ticketflow data in " + settings.home());
        out.printf("  %-12s %8s  %-8s %9s  %s%n", "process", "pid", "state", "RSS", "check");
        for (PidFile.Entry entry : entries) {
            boolean alive = entry.live().isPresent();
            String check = alive ? check(entry.name(), readiness) : "-";
            allGood &= alive && (check.startsWith("UP") || check.equals("-") || check.startsWith("accepting"));
            out.printf("  %-12s %8d  %-8s %9s  %s%n", entry.name(), entry.pid(), alive ? "running" : "gone",
                    alive ? rss(entry.pid()) : "-", check);
        }
        return allGood ? 0 : 1;
    }

    private String check(String name, Readiness readiness) {
        if (name.equals("kafka")) {
            return (Ports.accepting("127.0.0.1", settings.kafkaPort()) ? "accepting on " : "NOT accepting on ")
                    + settings.kafkaBootstrap();
        }
        if (name.equals("mongo")) {
            return (Ports.accepting("127.0.0.1", settings.mongoPort()) ? "accepting on " : "NOT accepting on ")
                    + "mongodb://127.0.0.1:" + settings.mongoPort();
        }
        return settings.services().stream().filter(s -> s.name().equals(name)).findFirst()
                .map(s -> (readiness.healthy(s) ? "UP      " : "NOT UP  ") + s.healthUrl())
                .orElse("-");
    }

    /** Resident memory from /proc (Linux); "?" elsewhere. */
    static String rss(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    long kilobytes = Long.parseLong(line.replaceAll("[^0-9]", ""));
                    return kilobytes / 1024 + " MB";
                }
            }
        } catch (IOException | NumberFormatException e) {
            return "?";
        }
        return "?";
    }

    private List<PidFile.Entry> liveEntries() {
        return pidFile.read().stream().filter(e -> e.live().isPresent()).toList();
    }

    private static String describe(List<PidFile.Entry> entries) {
        return String.join(", ", entries.stream().map(e -> e.name() + " pid " + e.pid()).toList());
    }

    /**
     * The checkout: {@code -Dticketflow.repo} (set by the script), else three levels above this
     * class's jar ({@code <repo>/local-stack/target/local-stack.jar}) or classes directory.
     */
    static Path repoRoot() {
        String explicit = System.getProperty("ticketflow.repo");
        if (explicit != null && !explicit.isBlank()) {
            return Path.of(explicit);
        }
        try {
            Path location = Path.of(LocalStack.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            Path target = location.getParent(); // .../local-stack/target
            if (target != null && target.getParent() != null && target.getParent().getParent() != null) {
                return target.getParent().getParent();
            }
        } catch (URISyntaxException | SecurityException | NullPointerException e) {
            // fall through to the working directory
        }
        return Path.of("").toAbsolutePath();
    }
}
