package io.ticketflow.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;

/**
 * A real single-node Kafka broker (KRaft) in its own process — local-stack's {@code KafkaBroker},
 * the one {@code ./ticketflow up} runs — on fixed ports and a data directory that survive a kill,
 * so a test can kill it with SIGKILL and start it again where it left off.
 */
final class KafkaProcess implements AutoCloseable {

    private final Path dataDir;
    private final Path log;
    private final int port = TicketflowSystem.freePort();
    private final int controllerPort = TicketflowSystem.freePort();
    private Process process;

    KafkaProcess(Path dataDir, Path log) {
        this.dataDir = dataDir;
        this.log = log;
    }

    String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    /** Starts the broker and returns once it accepts connections. */
    void start() {
        try {
            Files.createDirectories(dataDir);
            Files.createDirectories(log.getParent());
            process = new ProcessBuilder(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx512m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                    "-cp", System.getProperty("java.class.path"),
                    "io.ticketflow.localstack.KafkaBroker",
                    "--data-dir", dataDir.toString(), "--port", Integer.toString(port),
                    "--controller-port", Integer.toString(controllerPort)))
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the Kafka broker", e);
        }
        Awaitility.await("Kafka broker on " + port).atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(100))
                .until(() -> {
                    if (!process.isAlive()) {
                        throw new IllegalStateException("the Kafka broker exited, see " + log);
                    }
                    return accepting();
                });
    }

    /** SIGKILL: no controlled shutdown, as when the machine's OOM killer picks the broker. */
    void kill() {
        if (process != null) {
            process.destroyForcibly();
            try {
                process.waitFor(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private boolean accepting() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public void close() {
        if (process != null && process.isAlive()) {
            process.destroy();
            try {
                if (!process.waitFor(20, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                process.destroyForcibly();
            }
        }
    }
}
