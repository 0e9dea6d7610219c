package io.ticketflow.localstack;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool$;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;

/**
 * A real single-node Apache Kafka broker in KRaft mode (broker and controller in one process), from
 * Kafka's own jars: what {@code kafka-storage.sh format --standalone} followed by
 * {@code kafka-server-start.sh} would do, without a Kafka distribution on disk.
 *
 * <pre>java -cp local-stack.jar:lib/* io.ticketflow.localstack.KafkaBroker --data-dir DIR [--port 9092] [--controller-port 9093]</pre>
 *
 * The storage is formatted only when {@code DIR/logs} has no {@code meta.properties} yet, so topics,
 * offsets and records survive a restart. Both listeners are bound to the loopback interface.
 */
public final class KafkaBroker {

    static final int DEFAULT_PORT = 9092;
    static final int DEFAULT_CONTROLLER_PORT = 9093;
    private static final String HOST = "127.0.0.1";

    private KafkaBroker() {
    }

    public static void main(String[] args) throws IOException {
        long started = System.nanoTime();
        BrokerOptions options;
        try {
            options = BrokerOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("KafkaBroker: " + e.getMessage());
            System.err.println("usage: KafkaBroker --data-dir <dir> [--port 9092] [--controller-port 9093]");
            System.exit(2);
            return;
        }
        Properties properties = serverProperties(options);
        Path logDir = options.logDir();
        Files.createDirectories(logDir);
        Path propertiesFile = options.dataDir().resolve("server.properties");
        try (OutputStream out = Files.newOutputStream(propertiesFile)) {
            properties.store(out, "written by io.ticketflow.localstack.KafkaBroker at every start");
        }
        if (!Files.exists(logDir.resolve("meta.properties"))) {
            format(propertiesFile);
        }

        KafkaRaftServer server = new KafkaRaftServer(KafkaConfig.fromProps(properties, false), Time.SYSTEM);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("KafkaBroker: shutting down");
            server.shutdown();
            server.awaitShutdown();
            System.out.println("KafkaBroker: stopped");
        }, "kafka-broker-shutdown"));
        server.startup();
        System.out.printf("KafkaBroker: ready on PLAINTEXT://%s:%d (controller %d, data %s) in %d ms%n",
                HOST, options.port(), options.controllerPort(), options.dataDir(),
                (System.nanoTime() - started) / 1_000_000);
        server.awaitShutdown();
    }

    /** The broker's configuration: one node, loopback only, internal topics with one replica. */
    static Properties serverProperties(BrokerOptions options) {
        Properties p = new Properties();
        p.setProperty("process.roles", "broker,controller");
        p.setProperty("node.id", "1");
        p.setProperty("listeners", "PLAINTEXT://" + HOST + ":" + options.port()
                + ",CONTROLLER://" + HOST + ":" + options.controllerPort());
        p.setProperty("advertised.listeners", "PLAINTEXT://" + HOST + ":" + options.port()
                + ",CONTROLLER://" + HOST + ":" + options.controllerPort());
        p.setProperty("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        p.setProperty("inter.broker.listener.name", "PLAINTEXT");
        p.setProperty("controller.listener.names", "CONTROLLER");
        p.setProperty("controller.quorum.bootstrap.servers", HOST + ":" + options.controllerPort());
        p.setProperty("log.dirs", options.logDir().toAbsolutePath().toString());
        p.setProperty("num.partitions", "6");
        p.setProperty("default.replication.factor", "1");
        p.setProperty("min.insync.replicas", "1");
        p.setProperty("offsets.topic.replication.factor", "1");
        // fewer than the default 50 partitions: the first consumer group comes up faster on a laptop
        p.setProperty("offsets.topic.num.partitions", "12");
        p.setProperty("transaction.state.log.replication.factor", "1");
        p.setProperty("transaction.state.log.min.isr", "1");
        p.setProperty("transaction.state.log.num.partitions", "12");
        p.setProperty("share.coordinator.state.topic.replication.factor", "1");
        p.setProperty("share.coordinator.state.topic.min.isr", "1");
        p.setProperty("group.initial.rebalance.delay.ms", "0");
        // the services create every catalogue topic themselves; a typo must fail, not create a topic
        p.setProperty("auto.create.topics.enable", "false");
        return p;
    }

    private static void format(Path propertiesFile) {
        String clusterId = Uuid.randomUuid().toString();
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        int exit;
        try (PrintStream print = new PrintStream(output, true, StandardCharsets.UTF_8)) {
            exit = StorageTool$.MODULE$.execute(new String[] {
                "format", "--cluster-id", clusterId, "--config", propertiesFile.toString(), "--standalone"
            }, print);
        }
        String text = output.toString(StandardCharsets.UTF_8).trim();
        if (exit != 0) {
            throw new IllegalStateException("formatting the Kafka storage failed (" + exit + "): " + text);
        }
        System.out.println("KafkaBroker: formatted new storage, cluster id " + clusterId + ": " + text);
    }

    /** Parsed command line of the broker. */
    record BrokerOptions(Path dataDir, int port, int controllerPort) {

        BrokerOptions {
            if (port == controllerPort) {
                throw new IllegalArgumentException("--port and --controller-port must differ, both are " + port);
            }
        }

        static BrokerOptions parse(String[] args) {
            Flags flags = Flags.parse(args, Set.of("data-dir", "port", "controller-port"), Set.of());
            if (!flags.positional().isEmpty()) {
                throw new IllegalArgumentException("unexpected argument(s) " + flags.positional());
            }
            Path dataDir = flags.value("data-dir").map(Path::of)
                    .orElseThrow(() -> new IllegalArgumentException("--data-dir is required"));
            return new BrokerOptions(dataDir.toAbsolutePath().normalize(),
                    flags.port("port", DEFAULT_PORT), flags.port("controller-port", DEFAULT_CONTROLLER_PORT));
        }

        /** Kafka's log directory, which also holds the KRaft metadata log. */
        Path logDir() {
            return dataDir.resolve("logs");
        }
    }
}
