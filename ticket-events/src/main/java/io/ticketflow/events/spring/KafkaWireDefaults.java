package io.ticketflow.events.spring;

import io.ticketflow.events.kafka.EventDeserializer;
import io.ticketflow.events.kafka.EventSerializer;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.kafka.support.serializer.ErrorHandlingDeserializer;

/**
 * The Kafka settings every service shares, as lowest-precedence defaults so Spring Boot's own
 * auto-configuration stays in charge and a service can still override any of them:
 * the CloudEvents JSON (de)serialisers behind {@code ErrorHandlingDeserializer}, {@code acks=all}
 * with the idempotent producer, no auto-commit (the container commits after each record's
 * handler has written), earliest offset for new groups, observation on templates and listeners.
 */
public class KafkaWireDefaults implements EnvironmentPostProcessor {

    static final String SOURCE_NAME = "ticketflowKafkaWireDefaults";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        Map<String, Object> defaults = new LinkedHashMap<>();
        defaults.put("spring.kafka.producer.key-serializer", StringSerializer.class.getName());
        defaults.put("spring.kafka.producer.value-serializer", EventSerializer.class.getName());
        defaults.put("spring.kafka.producer.acks", "all");
        defaults.put("spring.kafka.producer.properties.enable.idempotence", "true");
        // max.block + delivery.timeout stay below the publisher's 10 s wait, so a record the
        // publisher gave up on has already failed in the producer and cannot land later
        defaults.put("spring.kafka.producer.properties.max.block.ms", "3000");
        defaults.put("spring.kafka.producer.properties.delivery.timeout.ms", "6500");
        defaults.put("spring.kafka.producer.properties.request.timeout.ms", "5000");
        defaults.put("spring.kafka.producer.properties.linger.ms", "1");
        defaults.put("spring.kafka.consumer.key-deserializer", StringDeserializer.class.getName());
        defaults.put("spring.kafka.consumer.value-deserializer", ErrorHandlingDeserializer.class.getName());
        defaults.put("spring.kafka.consumer.properties.spring.deserializer.value.delegate.class", EventDeserializer.class.getName());
        defaults.put("spring.kafka.consumer.enable-auto-commit", "false");
        defaults.put("spring.kafka.consumer.auto-offset-reset", "earliest");
        defaults.put("spring.kafka.consumer.group-id", "${spring.application.name}");
        defaults.put("spring.kafka.listener.ack-mode", "record");
        defaults.put("spring.kafka.listener.observation-enabled", "true");
        defaults.put("spring.kafka.template.observation-enabled", "true");
        environment.getPropertySources().addLast(new MapPropertySource(SOURCE_NAME, defaults));
    }
}
