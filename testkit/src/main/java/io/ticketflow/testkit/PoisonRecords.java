package io.ticketflow.testkit;

import io.ticketflow.events.CloudEventHeaders;
import io.ticketflow.events.CloudEventType;
import io.ticketflow.events.Topic;
import io.ticketflow.events.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.awaitility.Awaitility;

/**
 * Poison for a service's consumers: records no producer of ours would write, sent to one partition
 * of a topic the service reads. {@link #feed} sends them and waits until every consumer group of
 * the service that reads the topic has committed past all of them — the consumer kept consuming —
 * and reports which ones went to the dead-letter topic. Each record carries a marker header, so
 * records of other tests or runs never count.
 */
public final class PoisonRecords {

    /** The kinds of bad record, as a producer bug, a foreign client or a corrupted write would make them. */
    public enum Kind {
        /** CloudEvents headers of a real type, but the value is not JSON. */
        NOT_JSON,
        /** A real type and headers, no value at all (a tombstone). */
        NULL_VALUE,
        /** A JSON object of a real type without the record key. */
        NULL_KEY,
        /** A {@code ce_type} no version of ticketflow ever published. */
        UNKNOWN_TYPE,
        /** JSON without any CloudEvents header. */
        NO_HEADERS,
        /** About 512 KB of JSON of a real type, where events are a kilobyte or two. */
        OVERSIZED
    }

    /** What became of each kind on one topic. */
    public record Outcome(String topic, Map<Kind, Boolean> deadLettered) {
    }

    private static final String MARKER = "x-ticketflow-poison";
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    private PoisonRecords() {
    }

    /**
     * Sends every kind to partition 0 of the topic and waits until each named consumer group has
     * committed past them; returns, per kind, whether it was dead-lettered (else it was skipped).
     */
    public static Outcome feed(Topic<?> topic, Collection<String> groups) {
        String bootstrap = TestInfrastructure.get().kafkaBootstrapServers();
        String run = UUID.randomUUID().toString();
        String type = someTypeOf(topic);
        long last = -1;
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 2 * 1024 * 1024),
                new ByteArraySerializer(), new ByteArraySerializer())) {
            for (Kind kind : Kind.values()) {
                ProducerRecord<byte[], byte[]> record = record(topic.name(), kind, type, run);
                last = Math.max(last, producer.send(record).get().offset());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("could not send the poison records to " + topic.name(), e);
        }
        long end = last + 1;
        TopicPartition partition = new TopicPartition(topic.name(), 0);
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            for (String group : groups) {
                Awaitility.await(group + " consuming past the poison on " + topic.name()).atMost(PATIENCE)
                        .pollInterval(Duration.ofMillis(100))
                        .until(() -> committed(admin, group, partition) >= end);
            }
        }
        return new Outcome(topic.name(), deadLettered(bootstrap, Topics.deadLetter(topic.name()), run));
    }

    private static ProducerRecord<byte[], byte[]> record(String topic, Kind kind, String type, String run) {
        byte[] key = UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8);
        byte[] json = "{\"ticketId\":\"poison\",\"ticketNo\":\"209901-000001\"}".getBytes(StandardCharsets.UTF_8);
        List<Header> headers = new ArrayList<>(cloudEvent(type));
        byte[] value = json;
        switch (kind) {
            case NOT_JSON -> value = "\u0000\u00ffnot json at all".getBytes(StandardCharsets.ISO_8859_1);
            case NULL_VALUE -> value = null;
            case NULL_KEY -> key = null;
            case UNKNOWN_TYPE -> headers = new ArrayList<>(cloudEvent("ticketflow.nobody.never-heard-of.v9"));
            case NO_HEADERS -> headers = new ArrayList<>();
            case OVERSIZED -> value = ("{\"ticketId\":\"poison\",\"ticketNo\":\"209901-000001\",\"description\":\""
                    + "x".repeat(512 * 1024) + "\"}").getBytes(StandardCharsets.UTF_8);
            default -> throw new IllegalStateException(kind.name());
        }
        headers.add(new RecordHeader(MARKER, (run + ":" + kind.name()).getBytes(StandardCharsets.UTF_8)));
        return new ProducerRecord<>(topic, 0, key, value, headers);
    }

    private static List<Header> cloudEvent(String type) {
        return List.of(
                new RecordHeader(CloudEventHeaders.ID, UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8)),
                new RecordHeader(CloudEventHeaders.SOURCE, "/poison".getBytes(StandardCharsets.UTF_8)),
                new RecordHeader(CloudEventHeaders.SPEC_VERSION, CloudEventHeaders.SPEC_VERSION_1_0.getBytes(StandardCharsets.UTF_8)),
                new RecordHeader(CloudEventHeaders.TYPE, type.getBytes(StandardCharsets.UTF_8)),
                new RecordHeader(CloudEventHeaders.TIME, Instant.now().toString().getBytes(StandardCharsets.UTF_8)),
                new RecordHeader(CloudEventHeaders.CONTENT_TYPE, CloudEventHeaders.JSON.getBytes(StandardCharsets.UTF_8)));
    }

    /** The CloudEvents type of one event that belongs on the topic. */
    private static String someTypeOf(Topic<?> topic) {
        for (Class<?> permitted : topic.valueType().getPermittedSubclasses()) {
            CloudEventType type = permitted.getAnnotation(CloudEventType.class);
            if (type != null) {
                return type.value();
            }
        }
        throw new IllegalArgumentException("no event type on " + topic.name());
    }

    private static long committed(Admin admin, String group, TopicPartition partition) throws Exception {
        OffsetAndMetadata offset = admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get().get(partition);
        return offset == null ? -1 : offset.offset();
    }

    private static Map<Kind, Boolean> deadLettered(String bootstrap, String deadLetterTopic, String run) {
        Set<Kind> found = new HashSet<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG, "probe-poison-" + run,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false",
                ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 4 * 1024 * 1024),
                new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            TopicPartition partition = new TopicPartition(deadLetterTopic, 0);
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            long end = consumer.endOffsets(List.of(partition)).get(partition);
            while (consumer.position(partition) < end) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    Header marker = record.headers().lastHeader(MARKER);
                    if (marker != null) {
                        String[] parts = new String(marker.value(), StandardCharsets.UTF_8).split(":", 2);
                        if (parts[0].equals(run)) {
                            found.add(Kind.valueOf(parts[1]));
                        }
                    }
                }
            }
        }
        Map<Kind, Boolean> outcome = new EnumMap<>(Kind.class);
        for (Kind kind : Kind.values()) {
            outcome.put(kind, found.contains(kind));
        }
        return outcome;
    }
}
