package io.ticketflow.intake.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.ticketflow.events.spring.EventPublishException;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

class ProblemHandlerTest {

    @Test
    void kafka_not_acknowledging_is_a_503_with_retry_after() {
        ResponseEntity<ProblemDetail> response = new ProblemHandler().kafkaUnavailable(
                new EventPublishException("Kafka did not acknowledge ticketflow.ticket.created.v1", new TimeoutException()));

        assertThat(response.getStatusCode().value()).isEqualTo(503);
        assertThat(response.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("5");
        assertThat(response.getBody().getStatus()).isEqualTo(503);
        assertThat(response.getBody().getDetail()).contains("Retry");
    }

    @Test
    void an_unexpected_failure_is_a_500_that_tells_nothing_of_its_cause() {
        ResponseEntity<ProblemDetail> response = new ProblemHandler().unexpected(new IllegalStateException("13812345678"));

        assertThat(response.getStatusCode().value()).isEqualTo(500);
        assertThat(response.getBody().getDetail()).doesNotContain("13812345678");
    }
}
