package io.ticketflow.testkit;

import io.ticketflow.events.Envelope;
import io.ticketflow.events.EventJson;
import io.ticketflow.events.TicketflowEvent;
import io.ticketflow.events.Topics;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Sends records straight to the test broker, as another service or a misbehaving producer
 * would: well-formed events with a chosen {@code ce_id}, or poison bytes with any headers.
 */
public final class RawRecords implements AutoCloseable {

    private final KafkaProducer<String, byte[]> producer;

    public RawRecords() {
        this(TestInfrastructure.get().kafkaBootstrapServers());
    }

    public RawRecords(String bootstrapServers) {
        producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new ByteArraySerializer());
    }

    /** Publishes an event with its full envelope and the given id (reuse an id to test deduplication). */
    public void publish(UUID id, TicketflowEvent event) {
        Envelope<TicketflowEvent> envelope = Envelope.of(id, "/ticketflow/testkit", Instant.now(), event);
        send(Topics.of(event).name(), event.key(), envelope.toHeaders(), EventJson.write(event));
    }

    /** Sends any bytes with any headers, and waits for the acknowledgement. */
    public void send(String topic, String key, Headers headers, byte[] value) {
        try {
            producer.send(new ProducerRecord<>(topic, null, key, value, headers == null ? new RecordHeaders() : headers)).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("send failed", e.getCause());
        }
    }

    @Override
    public void close() {
        producer.close();
    }
}
