package io.ticketflow.bench;

import io.ticketflow.events.CloudEventHeaders;
import io.ticketflow.events.EventTypes;
import io.ticketflow.events.SlaClockStarted;
import io.ticketflow.events.SurveySent;
import io.ticketflow.events.TicketAssigned;
import io.ticketflow.events.TicketCreated;
import io.ticketflow.events.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the ticket topics from their ends (no consumer group: it commits nothing and disturbs no
 * service) and keeps, per ticket number, the Kafka timestamp of its TicketCreated, of its first
 * TicketAssigned and of its first SlaClockStarted. Assignments and surveys are handed to the
 * {@link Listener} so agents and customers can act on them.
 */
final class EventWatch implements AutoCloseable {

    interface Listener {
        void assigned(String ticketNo, String agentId);

        void surveySent(String ticketNo, String token);
    }

    static final String CREATED = EventTypes.typeOf(TicketCreated.class);
    static final String ASSIGNED = EventTypes.typeOf(TicketAssigned.class);
    static final String CLOCK_STARTED = EventTypes.typeOf(SlaClockStarted.class);
    static final String SURVEY_SENT = EventTypes.typeOf(SurveySent.class);
    static final List<String> TOPICS = List.of(Topics.Names.LIFECYCLE, Topics.Names.ROUTING, Topics.Names.SLA, Topics.Names.FEEDBACK);

    final Map<String, Long> created = new ConcurrentHashMap<>();
    final Map<String, Long> assigned = new ConcurrentHashMap<>();
    final Map<String, Long> clockStarted = new ConcurrentHashMap<>();
    final AtomicLong createdValueBytes = new AtomicLong();
    final AtomicLong createdRecords = new AtomicLong();
    final AtomicLong recordsSeen = new AtomicLong();

    private final KafkaConsumer<byte[], byte[]> consumer;
    private final Listener listener;
    private final JsonMapper json = JsonMapper.builder().build();
    private final Thread thread;
    private volatile boolean running = true;

    EventWatch(String bootstrap, Listener listener) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "5000");
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, "ticketflow-loadgen-watch");
        this.consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer());
        this.listener = listener;
        List<TopicPartition> partitions = new ArrayList<>();
        for (String topic : TOPICS) {
            consumer.partitionsFor(topic, Duration.ofSeconds(30))
                    .forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
        }
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position); // fix the start now, before the first ticket is sent
        this.thread = new Thread(this::run, "event-watch");
        this.thread.setDaemon(true);
        this.thread.start();
    }

    private void run() {
        try {
            while (running) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(100))) {
                    recordsSeen.incrementAndGet();
                    try {
                        handle(record);
                    } catch (RuntimeException e) {
                        // a record we cannot read is not ours to judge; the services' own DLTs do that
                    }
                }
            }
        } catch (org.apache.kafka.common.errors.WakeupException e) {
            // closing
        } finally {
            consumer.close(Duration.ofSeconds(5));
        }
    }

    private void handle(ConsumerRecord<byte[], byte[]> record) {
        String type = header(record, CloudEventHeaders.TYPE);
        String ticketNo = header(record, CloudEventHeaders.SUBJECT);
        if (type == null || ticketNo == null) {
            return;
        }
        long ts = record.timestamp();
        if (CREATED.equals(type)) {
            created.putIfAbsent(ticketNo, ts);
            createdRecords.incrementAndGet();
            createdValueBytes.addAndGet(record.serializedValueSize());
        } else if (ASSIGNED.equals(type)) {
            if (assigned.putIfAbsent(ticketNo, ts) == null) {
                JsonNode event = json.readTree(record.value());
                listener.assigned(ticketNo, event.path("agentId").asString());
            }
        } else if (CLOCK_STARTED.equals(type)) {
            clockStarted.putIfAbsent(ticketNo, ts);
        } else if (SURVEY_SENT.equals(type)) {
            String link = json.readTree(record.value()).path("link").asString("");
            listener.surveySent(ticketNo, link.substring(link.lastIndexOf('/') + 1)); // blank: ask feedback
        }
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    /** Average serialised value size of the TicketCreated records seen, in bytes. */
    int averageCreatedRecordBytes() {
        long n = createdRecords.get();
        return n == 0 ? 0 : (int) Math.round((double) createdValueBytes.get() / n);
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        consumer.wakeup();
        thread.join(10_000);
    }
}
