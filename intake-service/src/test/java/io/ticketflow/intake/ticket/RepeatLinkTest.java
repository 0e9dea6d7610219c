package io.ticketflow.intake.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import io.ticketflow.events.Channel;
import io.ticketflow.events.Department;
import io.ticketflow.events.Nature;
import io.ticketflow.events.Priority;
import io.ticketflow.events.RepeatContactDetected;
import io.ticketflow.events.TicketCreated;
import io.ticketflow.events.TicketResolved;
import io.ticketflow.events.TicketStatus;
import io.ticketflow.events.TicketType;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** How a repeat and a resolution summary show on the ticket view. */
class RepeatLinkTest {

    private static final String ID = "0c9b6a1e-5d2f-4a3b-8c7d-6e5f4a3b2c1d";
    private static final String NO = "202611-000077";
    private static final Instant T0 = Instant.parse("2026-11-23T08:00:00Z");

    @Test
    void a_repeat_within_24_hours_links_the_earlier_ticket_and_is_in_the_history() {
        Ticket ticket = created().applying(UUID.randomUUID(), repeat(true)).orElseThrow();

        assertThat(ticket.repeatOf()).isEqualTo("202611-000070");
        assertThat(ticket.version()).isEqualTo(2);
        assertThat(ticket.status()).isEqualTo(TicketStatus.NEW);
        assertThat(TicketView.of(ticket).history()).extracting(TicketView.Event::event)
                .containsExactly("TicketCreated", "RepeatContactDetected");
    }

    @Test
    void an_older_repeat_is_in_the_history_without_a_link() {
        Ticket ticket = created().applying(UUID.randomUUID(), repeat(false)).orElseThrow();

        assertThat(ticket.repeatOf()).isNull();
        assertThat(ticket.history()).extracting(Ticket.HistoryEntry::event).contains("RepeatContactDetected");
    }

    @Test
    void the_same_repeat_again_changes_nothing() {
        Ticket once = created().applying(UUID.randomUUID(), repeat(true)).orElseThrow();

        assertThat(once.applying(UUID.randomUUID(), repeat(true))).isEmpty();
    }

    @Test
    void the_latest_resolution_summary_is_kept_for_the_knowledge_base() {
        Ticket resolved = created().applying(UUID.randomUUID(),
                new TicketResolved(ID, NO, 2, T0.plusSeconds(60), "a-1", "Cleared the cache", null, 1)).orElseThrow();

        assertThat(resolved.resolutionSummary()).isEqualTo("Cleared the cache");
    }

    private static Ticket created() {
        return Ticket.placeholder(ID, NO).applying(UUID.randomUUID(), new TicketCreated(ID, NO, 1, T0, Channel.APP,
                "c-1", null, false, "App crashes", "Crash E1001", List.of(), TicketType.FUNCTION, Nature.CONSULTATION,
                Priority.P2, Department.TECH, TicketStatus.NEW, List.of())).orElseThrow();
    }

    private static RepeatContactDetected repeat(boolean within24h) {
        return new RepeatContactDetected(ID, NO, 2, T0.plusSeconds(1), "earlier-id", "202611-000070", within24h, 2,
                "type+subject");
    }
}
