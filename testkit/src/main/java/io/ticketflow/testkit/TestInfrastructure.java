package io.ticketflow.testkit;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.net.InetSocketAddress;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.mongodb.MongoDBContainer;

/**
 * One Kafka broker and one MongoDB for the whole test JVM, started on first use and reused by
 * every test class. The choice is made once: Docker reachable → Testcontainers (Apache Kafka
 * and MongoDB images); otherwise the real Apache Kafka broker in-process (KRaft) and
 * {@code mongo-java-server} in memory. Force it with {@code -Dticketflow.testkit.mode=docker|embedded}.
 */
public final class TestInfrastructure {

    private static final Logger log = LoggerFactory.getLogger(TestInfrastructure.class);
    private static final String MODE_PROPERTY = "ticketflow.testkit.mode";

    /** Which kind of infrastructure backs the tests. */
    public enum Mode { DOCKER, EMBEDDED }

    private final Mode mode;
    private final String bootstrapServers;
    private final String mongoBaseUri;
    private final Runnable stop;

    private TestInfrastructure(Mode mode, String bootstrapServers, String mongoBaseUri, Runnable stop) {
        this.mode = mode;
        this.bootstrapServers = bootstrapServers;
        this.mongoBaseUri = mongoBaseUri;
        this.stop = stop;
    }

    /** The JVM's infrastructure, started on the first call. */
    public static TestInfrastructure get() {
        return Holder.INSTANCE;
    }

    /** Docker, or the embedded pair. */
    public Mode mode() {
        return mode;
    }

    /** {@code host:port} of the broker. */
    public String kafkaBootstrapServers() {
        return bootstrapServers;
    }

    /** A connection string for one database, e.g. {@code mongodb://127.0.0.1:40123/intake-1a2b}. */
    public String mongoUri(String database) {
        return mongoBaseUri + "/" + database;
    }

    /** True when the Mongo server is {@code mongo-java-server}, which does not answer {@code hello}. */
    public boolean embeddedMongo() {
        return mode == Mode.EMBEDDED;
    }

    private static TestInfrastructure start() {
        long started = System.nanoTime();
        Mode mode = chooseMode();
        log.info("testkit: chose {} infrastructure in {} ms", mode, (System.nanoTime() - started) / 1_000_000);
        TestInfrastructure infrastructure = mode == Mode.DOCKER ? startContainers() : startEmbedded();
        Runtime.getRuntime().addShutdownHook(new Thread(infrastructure.stop, "testkit-shutdown"));
        log.info("testkit: Kafka at {}, MongoDB at {} ({} ms)", infrastructure.bootstrapServers,
                infrastructure.mongoBaseUri, (System.nanoTime() - started) / 1_000_000);
        return infrastructure;
    }

    private static Mode chooseMode() {
        String forced = System.getProperty(MODE_PROPERTY, System.getenv("TICKETFLOW_TESTKIT_MODE"));
        if (forced != null && !forced.isBlank()) {
            return Mode.valueOf(forced.trim().toUpperCase(Locale.ROOT));
        }
        if (System.getenv("DOCKER_HOST") == null && !java.nio.file.Files.exists(java.nio.file.Path.of("/var/run/docker.sock"))
                && !java.nio.file.Files.exists(java.nio.file.Path.of(System.getProperty("user.home"), ".docker", "run", "docker.sock"))) {
            return Mode.EMBEDDED; // nothing to ask: skip Testcontainers' slower probe
        }
        try {
            return DockerClientFactory.instance().isDockerAvailable() ? Mode.DOCKER : Mode.EMBEDDED;
        } catch (RuntimeException | LinkageError e) {
            return Mode.EMBEDDED;
        }
    }

    private static TestInfrastructure startEmbedded() {
        EmbeddedKafkaKraftBroker kafka = new EmbeddedKafkaKraftBroker(1, 1);
        kafka.brokerProperty("group.initial.rebalance.delay.ms", "0");
        kafka.brokerProperty("auto.create.topics.enable", "true");
        kafka.brokerProperty("num.partitions", "3");
        kafka.afterPropertiesSet();
        MongoServer mongo = new MongoServer(new MemoryBackend());
        mongo.bind("127.0.0.1", 0);
        InetSocketAddress address = mongo.getLocalAddress();
        String mongoUri = "mongodb://127.0.0.1:" + address.getPort();
        return new TestInfrastructure(Mode.EMBEDDED, kafka.getBrokersAsString(), mongoUri, () -> {
            mongo.shutdownNow();
            kafka.destroy();
        });
    }

    @SuppressWarnings("resource")
    private static TestInfrastructure startContainers() {
        KafkaContainer kafka = new KafkaContainer("apache/kafka:4.2.1");
        MongoDBContainer mongo = new MongoDBContainer("mongo:8");
        kafka.start();
        mongo.start();
        String uri = mongo.getConnectionString();
        return new TestInfrastructure(Mode.DOCKER, kafka.getBootstrapServers(), uri, () -> {
            mongo.stop();
            kafka.stop();
        });
    }

    private static final class Holder {
        private static final TestInfrastructure INSTANCE = start();
    }
}
