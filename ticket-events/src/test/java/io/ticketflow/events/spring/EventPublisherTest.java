package io.ticketflow.events.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ticketflow.events.AgentPresenceChanged;
import io.ticketflow.events.Presence;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;

class EventPublisherTest {

    @Test
    void a_producer_that_refuses_at_once_because_no_broker_answers_is_a_publish_failure_not_a_crash() throws Exception {
        int nobody;
        try (ServerSocket socket = new ServerSocket(0)) {
            nobody = socket.getLocalPort(); // closed again: nothing listens there
        }
        DefaultKafkaProducerFactory<Object, Object> factory = new DefaultKafkaProducerFactory<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:" + nobody,
                ProducerConfig.MAX_BLOCK_MS_CONFIG, 200,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, org.apache.kafka.common.serialization.StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class));
        KafkaTemplate<Object, Object> template = new KafkaTemplate<>(factory);
        EventPublisher publisher = new EventPublisher(template, Clock.systemUTC(), "test-service", Duration.ofSeconds(2));
        AgentPresenceChanged event = new AgentPresenceChanged("a-1", Presence.ONLINE, Instant.now());

        // the send itself throws (no metadata within max.block.ms); callers must get EventPublishException → 503
        assertThatThrownBy(() -> publisher.publish(event)).isInstanceOf(EventPublishException.class);
        assertThat(publisher.publishAsync(java.util.UUID.randomUUID(), event)).isCompletedExceptionally();
        factory.destroy();
    }
}
