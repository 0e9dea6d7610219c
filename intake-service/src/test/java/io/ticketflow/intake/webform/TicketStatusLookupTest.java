package io.ticketflow.intake.webform;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TicketStatusLookupTest {

    @Test
    void emails_compare_without_case_and_phone_numbers_by_their_digits() {
        assertThat(TicketStatusLookup.normalise(" Li.Na@Example.COM ")).isEqualTo("li.na@example.com");
        assertThat(TicketStatusLookup.normalise("138 1234-5678")).isEqualTo(TicketStatusLookup.normalise("13812345678"));
        assertThat(TicketStatusLookup.normalise("13812345678")).isNotEqualTo(TicketStatusLookup.normalise("13812345679"));
    }

    @Test
    void internal_events_are_not_shown_to_the_customer() {
        assertThat(TicketStatusLookup.PUBLIC_EVENTS).contains("TicketCreated", "TicketResolved")
                .doesNotContain("TicketReclassified", "RepeatContactDetected");
    }
}
