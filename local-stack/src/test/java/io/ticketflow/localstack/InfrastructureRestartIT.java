package io.ticketflow.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The broker and the Mongo-wire server as the local stack runs them: separate JVMs on a data dir.
 * What was written before a stop is still there after a start on the same dir.
 */
class InfrastructureRestartIT {

    private static final Duration READY = Duration.ofSeconds(60);
    private static final Duration STOP = Duration.ofSeconds(20);
    private static final String TOPIC = "ticket.restart-proof";

    @TempDir
    Path data;

    private final List<StackProcess> running = new ArrayList<>();
    private final Readiness readiness = new Readiness(HttpClient.newHttpClient());

    @AfterEach
    void stopWhateverStillRuns() {
        running.forEach(p -> p.stop(STOP));
    }

    @Test
    void aRecordAndADocumentWrittenBeforeARestartAreStillThereAfterIt() throws Exception {
        int kafkaPort = freePort();
        int controllerPort = freePort();
        int mongoPort = freePort();
        ProcessLauncher launcher = ProcessLauncher.forThisJvm(data);
        String bootstrap = "127.0.0.1:" + kafkaPort;
        String mongoUri = "mongodb://127.0.0.1:" + mongoPort;
        String ticketNo = "202611-" + UUID.randomUUID();

        // given a broker and a Mongo-wire server started on an empty data dir
        StackProcess kafka = startKafka(launcher, kafkaPort, controllerPort);
        StackProcess mongo = startMongo(launcher, mongoPort);

        // when a record is produced and consumed (its offset committed) and a document is inserted
        try (Admin admin = admin(bootstrap)) {
            admin.createTopics(List.of(new NewTopic(TOPIC, 3, (short) 1))).all().get(30, TimeUnit.SECONDS);
        }
        try (KafkaProducer<String, String> producer = producer(bootstrap)) {
            producer.send(new ProducerRecord<>(TOPIC, ticketNo, "{\"ticketNo\":\"" + ticketNo + "\"}")).get(30, TimeUnit.SECONDS);
        }
        try (KafkaConsumer<String, String> consumer = consumer(bootstrap, "restart-proof")) {
            List<ConsumerRecord<String, String>> seen = pollUntilOne(consumer);
            assertThat(seen).extracting(ConsumerRecord::key).containsExactly(ticketNo);
            consumer.commitSync();
        }
        try (MongoClient client = MongoClients.create(mongoUri)) {
            tickets(client).insertOne(new Document("_id", ticketNo).append("status", "NEW").append("priority", "P1"));
            assertThat(tickets(client).find(Filters.eq("_id", ticketNo)).first()).containsEntry("status", "NEW");
        }

        // and both are stopped the way 'down' stops them, then started again on the same dir
        assertThat(mongo.stop(STOP)).isEqualTo(StackProcess.Ending.GRACEFUL);
        assertThat(kafka.stop(STOP)).isEqualTo(StackProcess.Ending.GRACEFUL);
        running.clear();
        startKafka(launcher, kafkaPort, controllerPort);
        startMongo(launcher, mongoPort);

        // then the storage was not formatted again, and the record, the group's offset and the document survived
        assertThat(Files.readString(data.resolve("kafka.out"))).containsOnlyOnce("formatted new storage");
        try (KafkaConsumer<String, String> fresh = consumer(bootstrap, "after-restart-" + UUID.randomUUID())) {
            assertThat(pollUntilOne(fresh)).extracting(ConsumerRecord::key, ConsumerRecord::value)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple(ticketNo, "{\"ticketNo\":\"" + ticketNo + "\"}"));
        }
        try (Admin admin = admin(bootstrap)) {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets("restart-proof")
                    .partitionsToOffsetAndMetadata().get(30, TimeUnit.SECONDS);
            assertThat(committed.values()).extracting(OffsetAndMetadata::offset).contains(1L);
        }
        try (MongoClient client = MongoClients.create(mongoUri)) {
            Document survived = tickets(client).find(Filters.eq("_id", ticketNo)).first();
            assertThat(survived).isNotNull().containsEntry("status", "NEW").containsEntry("priority", "P1");
        }
    }

    private StackProcess startKafka(ProcessLauncher launcher, int port, int controllerPort) throws Exception {
        StackProcess kafka = launcher.kafka(data.resolve("kafka"), port, controllerPort, data.resolve("kafka.out"));
        running.add(kafka);
        readiness.awaitPort(kafka, port, READY);
        readiness.awaitKafka(kafka, "127.0.0.1:" + port, READY);
        return kafka;
    }

    private StackProcess startMongo(ProcessLauncher launcher, int port) throws Exception {
        StackProcess mongo = launcher.mongo(data.resolve("mongo"), port, data.resolve("mongo.out"));
        running.add(mongo);
        readiness.awaitPort(mongo, port, READY);
        return mongo;
    }

    private static List<ConsumerRecord<String, String>> pollUntilOne(KafkaConsumer<String, String> consumer) {
        consumer.subscribe(Set.of(TOPIC));
        List<ConsumerRecord<String, String>> seen = new ArrayList<>();
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            consumer.poll(Duration.ofMillis(200)).forEach(seen::add);
            return !seen.isEmpty();
        });
        return seen;
    }

    private static MongoCollection<Document> tickets(MongoClient client) {
        return client.getDatabase("intake").getCollection("tickets");
    }

    private static Admin admin(String bootstrap) {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap));
    }

    private static KafkaProducer<String, String> producer(String bootstrap) {
        return new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true),
                new StringSerializer(), new StringSerializer());
    }

    private static KafkaConsumer<String, String> consumer(String bootstrap, String group) {
        return new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG, group,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false),
                new StringDeserializer(), new StringDeserializer());
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
