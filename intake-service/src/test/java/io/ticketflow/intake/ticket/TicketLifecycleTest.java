package io.ticketflow.intake.ticket;

import static io.ticketflow.events.TicketStatus.ASSIGNED;
import static io.ticketflow.events.TicketStatus.CLOSED;
import static io.ticketflow.events.TicketStatus.IN_PROGRESS;
import static io.ticketflow.events.TicketStatus.NEEDS_INFO;
import static io.ticketflow.events.TicketStatus.NEW;
import static io.ticketflow.events.TicketStatus.OPEN;
import static io.ticketflow.events.TicketStatus.PENDING;
import static io.ticketflow.events.TicketStatus.REOPENED;
import static io.ticketflow.events.TicketStatus.RESOLVED;
import static org.assertj.core.api.Assertions.assertThat;

import io.ticketflow.events.ReplyAuthor;
import io.ticketflow.events.TicketStatus;
import java.util.EnumSet;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

class TicketLifecycleTest {

    @Test
    void an_agents_reply_puts_a_ticket_in_progress() {
        for (TicketStatus from : EnumSet.of(NEW, NEEDS_INFO, OPEN, ASSIGNED, IN_PROGRESS, PENDING, REOPENED)) {
            assertThat(TicketLifecycle.onReply(from, ReplyAuthor.AGENT)).as("agent reply on %s", from).contains(IN_PROGRESS);
        }
    }

    @Test
    void a_customers_reply_resumes_a_pending_ticket_and_leaves_others_alone() {
        assertThat(TicketLifecycle.onReply(PENDING, ReplyAuthor.CUSTOMER)).contains(IN_PROGRESS);
        assertThat(TicketLifecycle.onReply(NEW, ReplyAuthor.CUSTOMER)).contains(NEW);
        assertThat(TicketLifecycle.onReply(ASSIGNED, ReplyAuthor.CUSTOMER)).contains(ASSIGNED);
        assertThat(TicketLifecycle.onReply(NEEDS_INFO, ReplyAuthor.CUSTOMER)).contains(NEEDS_INFO);
    }

    @ParameterizedTest
    @EnumSource(value = TicketStatus.class, names = {"RESOLVED", "CLOSED"})
    void a_resolved_or_closed_ticket_takes_no_reply_and_no_resolution(TicketStatus done) {
        assertThat(TicketLifecycle.onReply(done, ReplyAuthor.AGENT)).isEmpty();
        assertThat(TicketLifecycle.onReply(done, ReplyAuthor.CUSTOMER)).isEmpty();
        assertThat(TicketLifecycle.onResolution(done)).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(value = TicketStatus.class, names = {"NEW", "NEEDS_INFO", "OPEN", "ASSIGNED", "IN_PROGRESS", "PENDING", "REOPENED"})
    void any_open_ticket_can_be_resolved(TicketStatus open) {
        assertThat(TicketLifecycle.onResolution(open)).contains(RESOLVED);
    }

    @Test
    void an_assignment_marks_only_unworked_tickets_assigned() {
        assertThat(TicketLifecycle.onAssignment(NEW)).isEqualTo(ASSIGNED);
        assertThat(TicketLifecycle.onAssignment(OPEN)).isEqualTo(ASSIGNED);
        assertThat(TicketLifecycle.onAssignment(IN_PROGRESS)).isEqualTo(IN_PROGRESS);
        assertThat(TicketLifecycle.onAssignment(NEEDS_INFO)).isEqualTo(NEEDS_INFO);
        assertThat(TicketLifecycle.onAssignment(RESOLVED)).isEqualTo(RESOLVED);
    }

    @Test
    void a_finished_ticket_can_only_be_closed_or_reopened() {
        assertThat(TicketLifecycle.nextOf(RESOLVED)).containsExactlyInAnyOrder(CLOSED, REOPENED);
        assertThat(TicketLifecycle.nextOf(CLOSED)).containsExactly(REOPENED);
        assertThat(TicketLifecycle.canMove(REOPENED, IN_PROGRESS)).isTrue();
        assertThat(TicketLifecycle.canMove(CLOSED, RESOLVED)).isFalse();
    }

    @Test
    void nothing_moves_back_to_new_and_no_status_moves_to_itself() {
        for (TicketStatus from : TicketStatus.values()) {
            assertThat(TicketLifecycle.canMove(from, NEW)).as("%s -> NEW", from).isFalse();
            assertThat(TicketLifecycle.canMove(from, from)).as("%s -> itself", from).isFalse();
        }
    }

    @Test
    void every_status_has_a_way_on() {
        for (TicketStatus from : TicketStatus.values()) {
            assertThat(TicketLifecycle.nextOf(from)).as("moves from %s", from).isNotEmpty();
        }
    }
}
