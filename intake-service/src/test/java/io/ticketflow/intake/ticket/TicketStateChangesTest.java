package io.ticketflow.intake.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import io.ticketflow.events.Channel;
import io.ticketflow.events.Department;
import io.ticketflow.events.HoldReason;
import io.ticketflow.events.LifecycleEvent;
import io.ticketflow.events.Nature;
import io.ticketflow.events.Priority;
import io.ticketflow.events.ReplyAuthor;
import io.ticketflow.events.TicketAssigned;
import io.ticketflow.events.TicketClosed;
import io.ticketflow.events.TicketCreated;
import io.ticketflow.events.TicketHeld;
import io.ticketflow.events.TicketInfoProvided;
import io.ticketflow.events.TicketInfoRequested;
import io.ticketflow.events.TicketReclassified;
import io.ticketflow.events.TicketReopened;
import io.ticketflow.events.TicketReplied;
import io.ticketflow.events.TicketResolved;
import io.ticketflow.events.TicketResumed;
import io.ticketflow.events.TicketStatus;
import io.ticketflow.events.TicketType;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The view's state changes for every lifecycle event, and the history they leave. */
class TicketStateChangesTest {

    private static final String ID = "0b9f3c3e-6f7d-4a51-9c1e-3f1b2a4d5e6f";
    private static final String NO = "202611-000077";
    private static final Instant T0 = Instant.parse("2026-11-23T08:00:00Z");

    private static TicketCreated created(TicketStatus status, List<String> missing) {
        return new TicketCreated(ID, NO, 1, T0, Channel.APP, "c-7", "138****5678", false, "Cannot pay", "order missing",
                List.of("billing"), TicketType.FUNCTION, Nature.CONSULTATION, Priority.P2, Department.TECH, status, missing);
    }

    private static Ticket apply(Ticket ticket, LifecycleEvent event) {
        return ticket.applying(UUID.randomUUID(), event).orElseThrow();
    }

    private static Ticket needingInfo() {
        Ticket ticket = apply(Ticket.placeholder(ID, NO), created(TicketStatus.NEEDS_INFO, List.of("errorCode", "orderId")));
        return apply(ticket, new TicketInfoRequested(ID, NO, 2, T0, List.of("errorCode", "orderId")));
    }

    private static Ticket inProgress() {
        Ticket ticket = apply(Ticket.placeholder(ID, NO), created(TicketStatus.NEW, List.of()));
        return apply(ticket, new TicketReplied(ID, NO, 2, T0.plusSeconds(60), ReplyAuthor.AGENT, "a-1", true, "on it"));
    }

    @Test
    void a_needs_info_ticket_awaits_its_info_request_until_it_is_applied() {
        Ticket created = apply(Ticket.placeholder(ID, NO), created(TicketStatus.NEEDS_INFO, List.of("orderId")));
        assertThat(created.awaitingInfoRequest()).isTrue();

        Ticket requested = apply(created, new TicketInfoRequested(ID, NO, 2, T0, List.of("orderId")));

        assertThat(requested.awaitingInfoRequest()).isFalse();
        assertThat(requested.infoRequested()).isTrue();
        assertThat(requested.status()).isEqualTo(TicketStatus.NEEDS_INFO);
        assertThat(requested.history().get(1).detail()).isEqualTo("missing orderId");
        assertThat(apply(Ticket.placeholder(ID, NO), created(TicketStatus.NEW, List.of())).awaitingInfoRequest()).isFalse();
    }

    @Test
    void partial_information_keeps_it_waiting_and_complete_information_opens_it() {
        Ticket partial = apply(needingInfo(), new TicketInfoProvided(ID, NO, 3, T0.plusSeconds(60), List.of("orderId"),
                List.of("errorCode"), "orderId 20261123001"));
        assertThat(partial.status()).isEqualTo(TicketStatus.NEEDS_INFO);
        assertThat(partial.missingInfo()).containsExactly("errorCode");
        assertThat(partial.providedInfo()).containsExactly("orderId");

        Ticket complete = apply(partial, new TicketInfoProvided(ID, NO, 4, T0.plusSeconds(120), List.of("errorCode"),
                List.of(), null));

        assertThat(complete.status()).isEqualTo(TicketStatus.OPEN);
        assertThat(complete.missingInfo()).isEmpty();
        assertThat(complete.providedInfo()).containsExactly("orderId", "errorCode");
        Ticket.HistoryEntry last = complete.history().get(complete.history().size() - 1);
        assertThat(last.from()).isEqualTo(TicketStatus.NEEDS_INFO);
        assertThat(last.to()).isEqualTo(TicketStatus.OPEN);
    }

    @Test
    void complete_information_on_an_assigned_ticket_makes_it_assigned() {
        Ticket assigned = needingInfo().assigning(UUID.randomUUID(),
                new TicketAssigned(ID, NO, "a-9", "team", Department.TECH, 1, "skill-match", T0)).orElseThrow();
        assertThat(assigned.status()).isEqualTo(TicketStatus.NEEDS_INFO);

        Ticket complete = apply(assigned, new TicketInfoProvided(ID, NO, 3, T0.plusSeconds(60),
                List.of("orderId", "errorCode"), List.of(), null));

        assertThat(complete.status()).isEqualTo(TicketStatus.ASSIGNED);
    }

    @Test
    void a_hold_makes_it_pending_with_its_reason_and_resuming_ends_it() {
        Ticket held = apply(inProgress(), new TicketHeld(ID, NO, 3, T0.plusSeconds(120), HoldReason.WAITING_FOR_THIRD_PARTY,
                "a-1", "courier asked"));
        assertThat(held.status()).isEqualTo(TicketStatus.PENDING);
        assertThat(held.holdReason()).isEqualTo(HoldReason.WAITING_FOR_THIRD_PARTY);
        Ticket.HistoryEntry hold = held.history().get(2);
        assertThat(hold.from()).isEqualTo(TicketStatus.IN_PROGRESS);
        assertThat(hold.to()).isEqualTo(TicketStatus.PENDING);
        assertThat(hold.by()).isEqualTo("a-1");
        assertThat(hold.reason()).isEqualTo("WAITING_FOR_THIRD_PARTY");

        Ticket resumed = apply(held, new TicketResumed(ID, NO, 4, T0.plusSeconds(180), "a-1"));

        assertThat(resumed.status()).isEqualTo(TicketStatus.IN_PROGRESS);
        assertThat(resumed.holdReason()).isNull();
    }

    @Test
    void closing_reopening_and_resolving_again_are_counted_and_timed() {
        Ticket resolved = apply(inProgress(), new TicketResolved(ID, NO, 3, T0.plusSeconds(300), "a-1", "fixed", "cache", 1));
        assertThat(resolved.finishedAt()).isEqualTo(T0.plusSeconds(300));
        Ticket closed = apply(resolved, new TicketClosed(ID, NO, 4, T0.plusSeconds(400), "customer satisfied",
                "feedback-service"));
        assertThat(closed.status()).isEqualTo(TicketStatus.CLOSED);
        assertThat(closed.finishedAt()).isEqualTo(T0.plusSeconds(400));

        Ticket reopened = apply(closed, new TicketReopened(ID, NO, 5, T0.plusSeconds(500), "still broken", 1, "customer",
                "a-2"));

        assertThat(reopened.status()).isEqualTo(TicketStatus.REOPENED);
        assertThat(reopened.reopens()).isEqualTo(1);
        assertThat(reopened.preferredAgentId()).isEqualTo("a-2");
        assertThat(reopened.closedAt()).isNull();
        assertThat(reopened.finishedAt()).isNull();
        Ticket.HistoryEntry entry = reopened.history().get(reopened.history().size() - 1);
        assertThat(entry.from()).isEqualTo(TicketStatus.CLOSED);
        assertThat(entry.to()).isEqualTo(TicketStatus.REOPENED);
        assertThat(entry.by()).isEqualTo("customer");
        assertThat(entry.reason()).isEqualTo("still broken");

        Ticket again = apply(reopened, new TicketResolved(ID, NO, 6, T0.plusSeconds(600), "a-2", "really fixed", null, 2));
        assertThat(again.resolutions()).isEqualTo(2);
        assertThat(again.status()).isEqualTo(TicketStatus.RESOLVED);
    }

    @Test
    void a_reclassification_changes_type_nature_priority_and_department_and_says_what_changed() {
        Ticket ticket = apply(inProgress(), new TicketReclassified(ID, NO, 3, T0.plusSeconds(60), TicketType.SERVICE,
                Nature.COMPLAINT, Priority.P1, Department.CUSTOMER_SERVICE, TicketType.FUNCTION, Priority.P2,
                Department.TECH, "customer complains about the agent", "sup-1"));

        assertThat(ticket.type()).isEqualTo(TicketType.SERVICE);
        assertThat(ticket.nature()).isEqualTo(Nature.COMPLAINT);
        assertThat(ticket.priority()).isEqualTo(Priority.P1);
        assertThat(ticket.department()).isEqualTo(Department.CUSTOMER_SERVICE);
        assertThat(ticket.status()).isEqualTo(TicketStatus.IN_PROGRESS);
        Ticket.HistoryEntry entry = ticket.history().get(2);
        assertThat(entry.by()).isEqualTo("sup-1");
        assertThat(entry.reason()).isEqualTo("customer complains about the agent");
        assertThat(entry.detail()).contains("type FUNCTION → SERVICE").contains("priority P2 → P1")
                .contains("department TECH → CUSTOMER_SERVICE");
    }

    @Test
    void a_decision_is_remembered_once() {
        Ticket ticket = inProgress();

        Ticket remembered = ticket.remembering("reopen:cb-1").orElseThrow();

        assertThat(remembered.decided("reopen:cb-1")).isTrue();
        assertThat(remembered.remembering("reopen:cb-1")).isEmpty();
        assertThat(remembered.remembering(null)).isEmpty();
        assertThat(ticket.decided("reopen:cb-1")).isFalse();
    }

    @Test
    void a_needs_info_ticket_owes_exactly_the_request_its_submission_publishes() {
        TicketCreated created = created(TicketStatus.NEEDS_INFO, List.of("errorCode", "orderId"));
        Ticket ticket = apply(Ticket.placeholder(ID, NO), created);

        assertThat(ticket.owedFollowUp()).contains(InfoRequests.requestFor(created));
        assertThat(needingInfo().owedFollowUp()).isEmpty();
    }

    @Test
    void the_customers_answer_to_a_ticket_held_for_them_owes_a_resume_at_the_same_time() {
        Ticket held = apply(inProgress(), new TicketHeld(ID, NO, 3, T0.plusSeconds(120), HoldReason.WAITING_FOR_CUSTOMER,
                "a-1", null));
        Instant answeredAt = T0.plusSeconds(300);

        Ticket answered = apply(held, new TicketReplied(ID, NO, 4, answeredAt, ReplyAuthor.CUSTOMER, null, false, "here"));

        assertThat(answered.status()).isEqualTo(TicketStatus.PENDING);
        assertThat(answered.owedFollowUp()).contains(new TicketResumed(ID, NO, 5, answeredAt, null));
        Ticket resumed = apply(answered, new TicketResumed(ID, NO, 5, answeredAt, null));
        assertThat(resumed.owedFollowUp()).isEmpty();
        assertThat(resumed.status()).isEqualTo(TicketStatus.IN_PROGRESS);
    }

    @Test
    void an_answer_to_a_ticket_waiting_for_a_third_party_or_an_agents_note_owes_nothing() {
        Ticket thirdParty = apply(inProgress(), new TicketHeld(ID, NO, 3, T0.plusSeconds(120),
                HoldReason.WAITING_FOR_THIRD_PARTY, "a-1", null));
        assertThat(apply(thirdParty, new TicketReplied(ID, NO, 4, T0.plusSeconds(300), ReplyAuthor.CUSTOMER, null, false,
                "any news?")).owedFollowUp()).isEmpty();

        Ticket forCustomer = apply(inProgress(), new TicketHeld(ID, NO, 3, T0.plusSeconds(120),
                HoldReason.WAITING_FOR_CUSTOMER, "a-1", null));
        Ticket agentNote = apply(forCustomer, new TicketReplied(ID, NO, 4, T0.plusSeconds(300), ReplyAuthor.AGENT, "a-1",
                false, "reminder sent"));
        assertThat(agentNote.owedFollowUp()).isEmpty();
        assertThat(agentNote.status()).isEqualTo(TicketStatus.PENDING);
    }
}
