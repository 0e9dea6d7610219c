package io.ticketflow.localstack;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** A child JVM of the stack: the broker, the Mongo-wire server or a service. */
final class StackProcess {

    /** How a process ended when asked to stop. */
    enum Ending { ALREADY_GONE, GRACEFUL, FORCED }

    private final String name;
    private final Process process;
    private final Path outFile;

    StackProcess(String name, Process process, Path outFile) {
        this.name = name;
        this.process = process;
        this.outFile = outFile;
    }

    String name() {
        return name;
    }

    long pid() {
        return process.pid();
    }

    ProcessHandle handle() {
        return process.toHandle();
    }

    Path outFile() {
        return outFile;
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** Waits up to {@code pause} for the process to exit; true when it has (a pause that notices a crash). */
    boolean exitedWithin(Duration pause) throws InterruptedException {
        return process.waitFor(pause.toMillis(), TimeUnit.MILLISECONDS);
    }

    int exitValue() {
        return process.exitValue();
    }

    /** Asks politely (SIGTERM, so the JVM's shutdown hooks run) without waiting. */
    void requestStop() {
        if (process.isAlive()) {
            process.destroy();
        }
    }

    /** SIGTERM, then up to {@code grace} for the JVM to finish its shutdown hooks, then SIGKILL. */
    Ending stop(Duration grace) {
        if (!process.isAlive()) {
            return Ending.ALREADY_GONE;
        }
        process.destroy();
        return awaitExit(grace);
    }

    /** After {@link #requestStop()}: waits up to {@code grace}, then kills. */
    Ending awaitExit(Duration grace) {
        try {
            if (process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                return Ending.GRACEFUL;
            }
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        return Ending.FORCED;
    }

    @Override
    public String toString() {
        return name + " (pid " + pid() + ")";
    }
}
