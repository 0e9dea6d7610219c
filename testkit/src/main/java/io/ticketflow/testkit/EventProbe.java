package io.ticketflow.testkit;

import org.awaitility.Awaitility;

import io.ticketflow.events.CloudEventHeaders;
import io.ticketflow.events.Envelope;
import io.ticketflow.events.EventJson;
import io.ticketflow.events.TicketflowEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Watches topics from the moment it is opened (or from the beginning) and lets a test wait for
 * an event: {@code probe.await(TicketAssigned.class, e -> e.ticketNo().equals(no))}. Records are
 * kept raw, so dead-letter topics can be watched too. Awaitility underneath; never a fixed sleep.
 */
public final class EventProbe implements AutoCloseable {

    /** How long {@code await} waits unless told otherwise. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

    private final KafkaConsumer<String, byte[]> consumer;
    /** Appended by the poller, read as snapshots (a copy-on-write list would copy itself per record). */
    private final List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final Thread poller;

    private EventProbe(String bootstrapServers, List<String> topics, boolean fromBeginning) {
        consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, "probe-" + UUID.randomUUID(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false"),
                new StringDeserializer(), new ByteArrayDeserializer());
        List<TopicPartition> partitions = new ArrayList<>();
        Awaitility.await().atMost(DEFAULT_TIMEOUT).until(() -> {
            partitions.clear();
            for (String topic : topics) {
                consumer.partitionsFor(topic, Duration.ofSeconds(5))
                        .forEach(p -> partitions.add(new TopicPartition(p.topic(), p.partition())));
            }
            return !partitions.isEmpty() && partitions.stream().map(TopicPartition::topic).distinct().count() == topics.size();
        });
        consumer.assign(partitions);
        if (fromBeginning) {
            consumer.seekToBeginning(partitions);
        } else {
            consumer.seekToEnd(partitions);
            partitions.forEach(consumer::position); // resolve "end" now, not at the first poll
        }
        poller = new Thread(this::poll, "event-probe-" + String.join(",", topics));
        poller.setDaemon(true);
        poller.start();
    }

    /** Watches the topics for records published from now on (topics are created if missing). */
    public static EventProbe open(String... topics) {
        return new EventProbe(TestInfrastructure.get().kafkaBootstrapServers(), List.of(topics), false);
    }

    /** Watches the topics from their beginning. */
    public static EventProbe fromBeginning(String... topics) {
        return new EventProbe(TestInfrastructure.get().kafkaBootstrapServers(), List.of(topics), true);
    }

    /** Watches topics on any broker, from now on. */
    public static EventProbe open(String bootstrapServers, List<String> topics) {
        return new EventProbe(bootstrapServers, topics, false);
    }

    /** Waits until an event of the type that matches arrives, and returns it. */
    public <E extends TicketflowEvent> E await(Class<E> type, Predicate<? super E> match) {
        return awaitEnvelope(type, match, DEFAULT_TIMEOUT).event();
    }

    /** Waits for a matching event and returns it with its CloudEvents attributes. */
    public <E extends TicketflowEvent> Envelope<E> awaitEnvelope(Class<E> type, Predicate<? super E> match, Duration timeout) {
        return Awaitility.await().atMost(timeout).pollInterval(Duration.ofMillis(20))
                .until(() -> find(type, match), Optional::isPresent).orElseThrow();
    }

    /** Waits until a raw record on a topic matches, e.g. on a dead-letter topic. */
    public ConsumerRecord<String, byte[]> awaitRecord(String topic, Predicate<ConsumerRecord<String, byte[]>> match) {
        return Awaitility.await().atMost(DEFAULT_TIMEOUT).pollInterval(Duration.ofMillis(20))
                .until(() -> records().stream().filter(r -> r.topic().equals(topic)).filter(match).findFirst(),
                        Optional::isPresent)
                .orElseThrow();
    }

    /** Every event of the type received so far that matches. */
    public <E extends TicketflowEvent> List<Envelope<E>> received(Class<E> type, Predicate<? super E> match) {
        List<Envelope<E>> found = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> record : records()) {
            decode(record, type).filter(e -> match.test(e.event())).ifPresent(found::add);
        }
        return found;
    }

    /** Every raw record received so far. */
    public List<ConsumerRecord<String, byte[]>> records() {
        synchronized (records) {
            return List.copyOf(records);
        }
    }

    private <E extends TicketflowEvent> Optional<Envelope<E>> find(Class<E> type, Predicate<? super E> match) {
        return received(type, match).stream().findFirst();
    }

    private static <E extends TicketflowEvent> Optional<Envelope<E>> decode(ConsumerRecord<String, byte[]> record, Class<E> type) {
        String ceType = Envelope.header(record.headers(), CloudEventHeaders.TYPE);
        String id = Envelope.header(record.headers(), CloudEventHeaders.ID);
        if (ceType == null || id == null || record.value() == null) {
            return Optional.empty();
        }
        TicketflowEvent event;
        try {
            event = EventJson.read(ceType, record.value());
        } catch (RuntimeException notOurs) {
            return Optional.empty();
        }
        if (!type.isInstance(event)) {
            return Optional.empty();
        }
        return Optional.of(Envelope.of(record.headers(), record.timestamp(), type.cast(event)));
    }

    private void poll() {
        while (running.get()) {
            try {
                ConsumerRecords<String, byte[]> batch = consumer.poll(Duration.ofMillis(100));
                synchronized (records) {
                    batch.forEach(records::add);
                }
            } catch (org.apache.kafka.common.errors.WakeupException e) {
                return;
            }
        }
    }

    @Override
    public void close() {
        running.set(false);
        consumer.wakeup();
        try {
            poller.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        consumer.close(Duration.ofSeconds(2));
    }
}
