package io.ticketflow.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import io.ticketflow.events.Topic;
import io.ticketflow.events.Topics;
import io.ticketflow.testkit.PoisonRecords;
import io.ticketflow.testkit.PoisonRecords.Kind;
import io.ticketflow.testkit.TicketflowServiceTest;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every topic analytics reads, fed records no producer of ours writes (see {@link Kind}): each consumer
 * group commits past all of them, so it keeps consuming, and each of them is on the dead-letter
 * topic (none is a readable event: the null-key and oversized ones carry a stub that fails validation).
 */
@TicketflowServiceTest
class PoisonRecordsIT {

    static Stream<Arguments> consumed() {
        return Stream.of(
                Arguments.of(Topics.LIFECYCLE, List.of("analytics-service")),
                Arguments.of(Topics.ROUTING, List.of("analytics-service")),
                Arguments.of(Topics.SLA, List.of("analytics-service")),
                Arguments.of(Topics.FEEDBACK, List.of("analytics-service")),
                Arguments.of(Topics.SELF_SERVICE, List.of("analytics-service")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("consumed")
    void poison_goes_to_the_dead_letter_topic_or_is_skipped_and_the_consumer_moves_on(Topic<?> topic, List<String> groups) {
        PoisonRecords.Outcome outcome = PoisonRecords.feed(topic, groups);

        assertThat(outcome.deadLettered()).as("dead-lettered on %s", topic.name())
                .containsOnlyKeys(Kind.values()).doesNotContainValue(false);
    }
}
