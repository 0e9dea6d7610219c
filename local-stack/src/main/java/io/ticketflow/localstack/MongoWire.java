package io.ticketflow.localstack;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.CountDownLatch;

/**
 * A MongoDB wire-protocol server ({@code mongo-java-server}) that keeps its data in one H2 MVStore
 * file, {@code DIR/ticketflow.mv}: the services talk to it with the ordinary MongoDB driver and the
 * data survives a restart (the store commits in the background about every second and on shutdown,
 * so even a kill -9 loses at most the last second).
 *
 * <pre>java -cp local-stack.jar:lib/* io.ticketflow.localstack.MongoWire --data-dir DIR [--port 27017]</pre>
 *
 * Bound to the loopback interface only. It does not answer {@code hello}: run the services with
 * {@code management.health.mongodb.enabled=false}.
 */
public final class MongoWire {

    static final int DEFAULT_PORT = 27017;
    static final String STORE_FILE = "ticketflow.mv";
    private static final String HOST = "127.0.0.1";

    private MongoWire() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        long started = System.nanoTime();
        WireOptions options;
        try {
            options = WireOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("MongoWire: " + e.getMessage());
            System.err.println("usage: MongoWire --data-dir <dir> [--port 27017]");
            System.exit(2);
            return;
        }
        Files.createDirectories(options.dataDir());
        H2Backend backend = new H2Backend(options.storeFile().toString());
        MongoServer server = new MongoServer(backend);
        server.bind(HOST, options.port());
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("MongoWire: shutting down");
            server.shutdown(); // closes the backend, which commits and closes the store file
            stopped.countDown();
            System.out.println("MongoWire: stopped");
        }, "mongo-wire-shutdown"));
        System.out.printf("MongoWire: ready on mongodb://%s:%d (store %s) in %d ms%n",
                HOST, options.port(), options.storeFile(), (System.nanoTime() - started) / 1_000_000);
        stopped.await(); // Netty's threads serve; main only waits for the shutdown hook
    }

    /** Parsed command line of the Mongo-wire server. */
    record WireOptions(Path dataDir, int port) {

        static WireOptions parse(String[] args) {
            Flags flags = Flags.parse(args, Set.of("data-dir", "port"), Set.of());
            if (!flags.positional().isEmpty()) {
                throw new IllegalArgumentException("unexpected argument(s) " + flags.positional());
            }
            Path dataDir = flags.value("data-dir").map(Path::of)
                    .orElseThrow(() -> new IllegalArgumentException("--data-dir is required"));
            return new WireOptions(dataDir.toAbsolutePath().normalize(), flags.port("port", DEFAULT_PORT));
        }

        Path storeFile() {
            return dataDir.resolve(STORE_FILE);
        }
    }
}
