package io.ticketflow.events.spring;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code ticketflow.events.*}: how topics are created and how hard a service tries before a
 * record goes to its dead-letter topic.
 *
 * @param partitions     partitions of every topic (all topics alike, so a ticket's events are co-partitioned)
 * @param replicas       replication factor; 3 on a real cluster, 1 on the local single broker
 * @param publishTimeout how long a publisher waits for Kafka's acknowledgement before giving up
 * @param retryInterval  back-off between attempts of a failing handler
 * @param retryAttempts  attempts of a failing handler before its record goes to the dead-letter topic
 * @param transientFailures exception classes (and their subclasses, anywhere in the cause chain) that
 *                       mean "try again later", in addition to the built-in list (database or broker
 *                       unreachable, a missing acknowledgement): such records are retried with
 *                       exponential back-off up to {@code transientMaxInterval} between attempts,
 *                       without end, and never dead-lettered
 * @param transientMaxInterval the longest pause between two attempts of a transient failure
 */
@Validated
@ConfigurationProperties("ticketflow.events")
public record EventsProperties(
        @DefaultValue("6") int partitions,
        @DefaultValue("1") short replicas,
        @DefaultValue("10s") Duration publishTimeout,
        @DefaultValue("200ms") Duration retryInterval,
        @DefaultValue("3") int retryAttempts,
        @DefaultValue({}) java.util.List<String> transientFailures,
        @DefaultValue("30s") Duration transientMaxInterval) {

    public EventsProperties {
        if (partitions < 1) {
            throw new IllegalArgumentException("ticketflow.events.partitions must be at least 1");
        }
        if (replicas < 1) {
            throw new IllegalArgumentException("ticketflow.events.replicas must be at least 1");
        }
        transientFailures = transientFailures == null ? java.util.List.of() : java.util.List.copyOf(transientFailures);
        if (retryAttempts < 1) {
            throw new IllegalArgumentException("ticketflow.events.retry-attempts must be at least 1");
        }
    }
}
