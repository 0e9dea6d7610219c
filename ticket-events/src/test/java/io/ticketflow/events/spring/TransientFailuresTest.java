package io.ticketflow.events.spring;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.kafka.common.errors.NotEnoughReplicasException;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.listener.ListenerExecutionFailedException;

class TransientFailuresTest {

    private final TransientFailures failures = new TransientFailures(TransientFailures.DEFAULTS);

    @Test
    void an_unreachable_broker_or_a_missing_acknowledgement_is_worth_waiting_for() {
        assertThat(failures.isTransient(new ListenerExecutionFailedException("listener failed",
                new EventPublishException("no ack", new NotEnoughReplicasException("isr"))))).isTrue();
        assertThat(failures.isTransient(new NotEnoughReplicasException("isr"))).isTrue();
    }

    @Test
    void a_record_that_cannot_be_processed_is_not() {
        assertThat(failures.isTransient(new ListenerExecutionFailedException("listener failed",
                new IllegalStateException("cannot handle")))).isFalse();
        assertThat(failures.isTransient(new SerializationException("bad json"))).isFalse();
    }

    @Test
    void configured_names_match_subclasses_anywhere_in_the_cause_chain() {
        TransientFailures custom = new TransientFailures(java.util.List.of(RuntimeException.class.getName()));
        assertThat(custom.isTransient(new Exception("outer", new IllegalArgumentException("inner")))).isTrue();
        assertThat(custom.isTransient(new Exception("checked only"))).isFalse();
    }
}
