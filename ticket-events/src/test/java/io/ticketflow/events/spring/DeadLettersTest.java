package io.ticketflow.events.spring;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.ticketflow.events.Topics;
import org.junit.jupiter.api.Test;

class DeadLettersTest {

    @Test
    void every_catalogue_topic_has_a_counter_at_zero_before_the_first_poison_record() {
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        new DeadLetters(meters);

        assertThat(meters.find(DeadLetters.METER).counters()).hasSize(Topics.all().size());
        assertThat(meters.get(DeadLetters.METER).tag("topic", Topics.Names.LIFECYCLE).counter().count()).isZero();
    }

    @Test
    void a_dead_lettered_record_counts_under_its_source_topic_and_a_stranger_under_other() {
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        DeadLetters deadLetters = new DeadLetters(meters);

        deadLetters.counted(Topics.Names.FEEDBACK);
        deadLetters.counted(Topics.Names.FEEDBACK);
        deadLetters.counted("somebody.elses.topic");

        assertThat(meters.get(DeadLetters.METER).tag("topic", Topics.Names.FEEDBACK).counter().count()).isEqualTo(2.0);
        assertThat(meters.get(DeadLetters.METER).tag("topic", "other").counter().count()).isEqualTo(1.0);
        assertThat(meters.get(DeadLetters.METER).tag("topic", Topics.Names.SLA).counter().count()).isZero();
    }
}
