package io.ticketflow.events.spring;

import io.ticketflow.events.Topics;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.TopicConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.ExponentialBackOff;
import org.springframework.util.backoff.FixedBackOff;

/**
 * What every service gets by depending on {@code ticket-events}: every catalogue topic and its
 * dead-letter topic declared with the same partition count, an {@link EventPublisher}, a
 * {@link Clock}, and the error handler: a record whose handler fails for good is retried a bounded
 * number of times and then sent to {@code <topic>-dlt} with its original headers, and counted in
 * {@code ticketflow_dead_letters_total{topic}}; a transient
 * failure (database or broker unreachable) is retried with back-off until it passes, so an outage
 * never dead-letters good events.
 */
@AutoConfiguration(after = KafkaAutoConfiguration.class)
@EnableConfigurationProperties(EventsProperties.class)
public class TicketflowEventsAutoConfiguration {

    private static final Logger log = LoggerFactory.getLogger(TicketflowEventsAutoConfiguration.class);

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    KafkaAdmin.NewTopics ticketflowTopics(EventsProperties properties) {
        Map<String, String> configs = properties.replicas() > 1
                ? Map.of(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, "2")
                : Map.of();
        List<NewTopic> topics = Topics.allNamesWithDeadLetters().stream()
                .map(name -> new NewTopic(name, properties.partitions(), properties.replicas()).configs(configs))
                .toList();
        return new KafkaAdmin.NewTopics(topics.toArray(NewTopic[]::new));
    }

    @Bean
    @ConditionalOnMissingBean
    EventPublisher eventPublisher(KafkaTemplate<Object, Object> template, Clock clock, EventsProperties properties,
            @Value("${spring.application.name}") String serviceName) {
        return new EventPublisher(template, clock, serviceName, properties.publishTimeout());
    }

    @Bean
    @ConditionalOnMissingBean(CommonErrorHandler.class)
    DefaultErrorHandler deadLetteringErrorHandler(KafkaTemplate<Object, Object> template, EventsProperties properties,
            ObjectProvider<MeterRegistry> meters) {
        DeadLetters deadLetters = new DeadLetters(meters.getIfAvailable(SimpleMeterRegistry::new));
        DeadLetterPublishingRecoverer recoverer = new DeadLetterPublishingRecoverer(template,
                (record, exception) -> new TopicPartition(Topics.deadLetter(record.topic()), record.partition()));
        recoverer.setExceptionHeadersCreator(new MaskedExceptionHeaders());
        DefaultErrorHandler handler = new DefaultErrorHandler((record, exception) -> {
            log.warn("dead-lettering record topic={} partition={} offset={} cause={}", record.topic(),
                    record.partition(), record.offset(), exception.getClass().getSimpleName());
            recoverer.accept(record, exception);
            deadLetters.counted(record.topic());
        }, new FixedBackOff(properties.retryInterval().toMillis(), properties.retryAttempts() - 1L));
        TransientFailures transientFailures = new TransientFailures(java.util.stream.Stream.concat(
                TransientFailures.DEFAULTS.stream(), properties.transientFailures().stream()).toList());
        handler.setBackOffFunction((record, exception) -> {
            if (!transientFailures.isTransient(exception)) {
                return null; // the bounded back-off above, then the dead-letter topic
            }
            ExponentialBackOff untilItWorks = new ExponentialBackOff(properties.retryInterval().toMillis(), 2.0);
            untilItWorks.setMaxInterval(properties.transientMaxInterval().toMillis());
            return untilItWorks;
        });
        handler.setCommitRecovered(true);
        return handler;
    }
}
