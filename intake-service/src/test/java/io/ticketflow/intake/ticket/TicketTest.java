package io.ticketflow.intake.ticket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ticketflow.events.Channel;
import io.ticketflow.events.Department;
import io.ticketflow.events.Nature;
import io.ticketflow.events.PersonalData;
import io.ticketflow.events.Priority;
import io.ticketflow.events.ReplyAuthor;
import io.ticketflow.events.TicketAssigned;
import io.ticketflow.events.TicketCreated;
import io.ticketflow.events.TicketReplied;
import io.ticketflow.events.TicketResolved;
import io.ticketflow.events.TicketStatus;
import io.ticketflow.events.TicketType;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** The view's state changes, one event at a time: the same code both the listener and the command path run. */
class TicketTest {

    private static final String ID = "7d6c1f4e-8a53-4b5e-9a40-2f1f0c0d9e11";
    private static final String NO = "202611-000042";
    private static final Instant T0 = Instant.parse("2026-11-23T08:00:00Z");

    private static TicketCreated created(String clearContact, String clearDescription) {
        // the way intake builds the event: personal data masked before it leaves the submission
        return new TicketCreated(ID, NO, 1, T0, Channel.WEB, "c-1001", PersonalData.maskContact(clearContact), false,
                "Cannot pay", PersonalData.maskText(clearDescription), List.of("billing"), TicketType.FUNCTION,
                Nature.CONSULTATION, Priority.P1, Department.TECH, TicketStatus.NEW, List.of());
    }

    private static Ticket createdTicket() {
        return Ticket.placeholder(ID, NO).applying(UUID.randomUUID(), created("13812345678", "Payment fails E1001")).orElseThrow();
    }

    private static TicketReplied reply(long sequence, ReplyAuthor author, boolean first) {
        return new TicketReplied(ID, NO, sequence, T0.plusSeconds(60 * sequence), author,
                author == ReplyAuthor.AGENT ? "a-1" : null, first, "hello");
    }

    @Test
    void the_view_shows_the_contact_masked_and_never_the_clear_value() {
        Ticket ticket = Ticket.placeholder(ID, NO)
                .applying(UUID.randomUUID(), created("13812345678", "Call me on 13812345678 or alice@example.com"))
                .orElseThrow();

        TicketView view = TicketView.of(ticket);

        assertThat(view.contact()).isEqualTo("138****5678");
        assertThat(view.description()).contains("138****5678").contains("a***@example.com");
        String json = JsonMapper.builder().build().writeValueAsString(view);
        assertThat(json).doesNotContain("13812345678").doesNotContain("alice@example.com");
    }

    @Test
    void an_email_contact_is_masked_too() {
        Ticket ticket = Ticket.placeholder(ID, NO).applying(UUID.randomUUID(), created("alice@example.com", "x")).orElseThrow();

        assertThat(TicketView.of(ticket).contact()).isEqualTo("a***@example.com");
    }

    @Test
    void creation_fills_the_ticket_at_version_one_with_its_history() {
        UUID eventId = UUID.randomUUID();
        Ticket ticket = Ticket.placeholder(ID, NO).applying(eventId, created("13812345678", "x")).orElseThrow();

        TicketView view = TicketView.of(ticket);
        assertThat(view.version()).isEqualTo(1);
        assertThat(view.status()).isEqualTo(TicketStatus.NEW);
        assertThat(view.createdAt()).isEqualTo(T0);
        assertThat(view.assignee()).isNull();
        assertThat(view.history()).containsExactly(new TicketView.Event("TicketCreated", T0, eventId.toString(), null,
                TicketStatus.NEW, "c-1001", null, "via WEB"));
        assertThat(TicketView.summaryOf(ticket).history()).isNull();
    }

    @Test
    void an_event_already_applied_changes_nothing() {
        Ticket ticket = createdTicket();

        assertThat(ticket.applying(UUID.randomUUID(), created("13812345678", "x"))).isEmpty();
        Ticket replied = ticket.applying(UUID.randomUUID(), reply(2, ReplyAuthor.AGENT, true)).orElseThrow();
        assertThat(replied.applying(UUID.randomUUID(), reply(2, ReplyAuthor.AGENT, true))).isEmpty();
    }

    @Test
    void an_event_whose_predecessors_are_missing_is_refused() {
        Ticket ticket = createdTicket();

        assertThatThrownBy(() -> ticket.applying(UUID.randomUUID(), reply(3, ReplyAuthor.AGENT, true)))
                .isInstanceOf(OutOfOrderEventException.class)
                .hasMessageContaining("version 1").hasMessageContaining("sequence 3");
    }

    @Test
    void the_first_agent_reply_is_the_first_response_and_puts_the_ticket_in_progress() {
        Ticket ticket = createdTicket()
                .applying(UUID.randomUUID(), reply(2, ReplyAuthor.CUSTOMER, false)).orElseThrow()
                .applying(UUID.randomUUID(), reply(3, ReplyAuthor.AGENT, true)).orElseThrow()
                .applying(UUID.randomUUID(), reply(4, ReplyAuthor.AGENT, false)).orElseThrow();

        assertThat(ticket.status()).isEqualTo(TicketStatus.IN_PROGRESS);
        assertThat(ticket.firstRespondedAt()).isEqualTo(T0.plusSeconds(180));
        assertThat(ticket.version()).isEqualTo(4);
        assertThat(ticket.history()).extracting(Ticket.HistoryEntry::event)
                .containsExactly("TicketCreated", "TicketReplied", "TicketReplied", "TicketReplied");
    }

    @Test
    void a_resolution_resolves_and_counts() {
        Ticket ticket = createdTicket().applying(UUID.randomUUID(),
                new TicketResolved(ID, NO, 2, T0.plusSeconds(600), "a-1", "fixed", null, 1)).orElseThrow();

        assertThat(ticket.status()).isEqualTo(TicketStatus.RESOLVED);
        assertThat(ticket.resolvedAt()).isEqualTo(T0.plusSeconds(600));
        assertThat(ticket.resolutions()).isEqualTo(1);
    }

    @Test
    void only_a_newer_assignment_counts() {
        Ticket ticket = createdTicket()
                .assigning(UUID.randomUUID(), assigned("a-2", 2)).orElseThrow();

        assertThat(ticket.assigning(UUID.randomUUID(), assigned("a-1", 1))).isEmpty();
        assertThat(ticket.assigning(UUID.randomUUID(), assigned("a-2", 2))).isEmpty();
        assertThat(ticket.assignee()).isEqualTo("a-2");
        assertThat(ticket.status()).isEqualTo(TicketStatus.ASSIGNED);
        assertThat(ticket.assigning(UUID.randomUUID(), assigned("a-3", 3)).orElseThrow().assignee()).isEqualTo("a-3");
    }

    @Test
    void an_assignment_that_overtakes_the_creation_is_kept_and_applied_on_creation() {
        UUID assignmentId = UUID.randomUUID();
        Ticket placeholder = Ticket.placeholder(ID, NO).assigning(assignmentId, assigned("a-7", 1)).orElseThrow();
        assertThat(placeholder.exists()).isFalse();

        Ticket ticket = placeholder.applying(UUID.randomUUID(), created("13812345678", "x")).orElseThrow();

        assertThat(ticket.exists()).isTrue();
        assertThat(ticket.assignee()).isEqualTo("a-7");
        assertThat(ticket.status()).isEqualTo(TicketStatus.ASSIGNED);
        assertThat(ticket.history()).extracting(Ticket.HistoryEntry::event).containsExactly("TicketCreated", "TicketAssigned");
    }

    @Test
    void an_assignment_leaves_a_ticket_in_progress_in_progress() {
        Ticket ticket = createdTicket().applying(UUID.randomUUID(), reply(2, ReplyAuthor.AGENT, true)).orElseThrow()
                .assigning(UUID.randomUUID(), assigned("a-1", 1)).orElseThrow();

        assertThat(ticket.status()).isEqualTo(TicketStatus.IN_PROGRESS);
        assertThat(ticket.assignee()).isEqualTo("a-1");
    }

    private static TicketAssigned assigned(String agentId, int assignmentNo) {
        return new TicketAssigned(ID, NO, agentId, "team-a", Department.TECH, assignmentNo, "skill-match", T0.plusSeconds(30));
    }
}
