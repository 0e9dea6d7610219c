package io.ticketflow.sla.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ticketflow.events.Priority;
import io.ticketflow.sla.ApplicationYaml;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Who gets mail: the address book first, then the pattern; off unless enabled. */
class NotifyPropertiesTest {

    @Test
    void shipped_defaults_send_nothing_and_would_mail_p0_and_p1_warnings() {
        NotifyProperties shipped = ApplicationYaml.bind("ticketflow.sla.notify", NotifyProperties.class, Map.of());
        assertThat(shipped.enabled()).isFalse();
        assertThat(shipped.warningPriorities()).containsExactly(Priority.P0, Priority.P1);
        assertThat(shipped.attempts()).isEqualTo(3);
        assertThat(shipped.backoff()).isEqualTo(Duration.ofSeconds(2));
        assertThat(shipped.addressOf("lead-1")).isEmpty();
    }

    @Test
    void the_address_book_wins_over_the_pattern() {
        NotifyProperties notify = ApplicationYaml.bind("ticketflow.sla.notify", NotifyProperties.class, Map.of(
                "ticketflow.sla.notify.address-book.lead-1", "zhou.li@example.com",
                "ticketflow.sla.notify.address-pattern", "{id}@example.com"));
        assertThat(notify.addressOf("lead-1")).contains("zhou.li@example.com");
        assertThat(notify.addressOf("sup-9")).contains("sup-9@example.com");
        assertThat(notify.addressOf(null)).isEmpty();
        assertThat(notify.addressOf(" ")).isEmpty();
    }

    @Test
    void at_least_one_attempt() {
        assertThatThrownBy(() -> new NotifyProperties(true, "a@b", Map.of(), "", List.of(), 0, Duration.ofSeconds(1)))
                .hasMessageContaining("attempts");
    }
}
