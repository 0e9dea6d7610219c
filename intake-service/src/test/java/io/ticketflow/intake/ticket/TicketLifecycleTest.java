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
    void an_agents_reply_puts_a_ticket_in_progress_but_does_not_end_a_hold() {
        for (TicketStatus from : EnumSet.of(NEW, NEEDS_INFO, OPEN, ASSIGNED, IN_PROGRESS, REOPENED)) {
            assertThat(TicketLifecycle.onReply(from, ReplyAuthor.AGENT)).as("agent reply on %s", from).contains(IN_PROGRESS);
        }
        assertThat(TicketLifecycle.onReply(PENDING, ReplyAuthor.AGENT)).contains(PENDING);
    }

    @Test
    void a_customers_reply_leaves_the_status_alone_resuming_is_an_event_of_its_own() {
        assertThat(TicketLifecycle.onReply(PENDING, ReplyAuthor.CUSTOMER)).contains(PENDING);
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
        assertThat(TicketLifecycle.onAssignment(REOPENED)).isEqualTo(ASSIGNED);
        assertThat(TicketLifecycle.onAssignment(PENDING)).isEqualTo(PENDING);
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

    @Test
    void the_happy_path_is_a_chain_of_allowed_moves() {
        TicketStatus[] path = {NEW, NEEDS_INFO, OPEN, ASSIGNED, IN_PROGRESS, PENDING, IN_PROGRESS, RESOLVED, CLOSED, REOPENED,
                ASSIGNED, IN_PROGRESS, RESOLVED, REOPENED, RESOLVED};
        for (int i = 1; i < path.length; i++) {
            assertThat(TicketLifecycle.canMove(path[i - 1], path[i])).as("%s -> %s", path[i - 1], path[i]).isTrue();
        }
    }

    @ParameterizedTest
    @EnumSource(value = TicketStatus.class, names = {"ASSIGNED", "IN_PROGRESS", "REOPENED"})
    void a_ticket_being_worked_on_can_be_held(TicketStatus from) {
        assertThat(TicketLifecycle.onHold(from)).contains(PENDING);
    }

    @ParameterizedTest
    @EnumSource(value = TicketStatus.class, names = {"NEW", "NEEDS_INFO", "OPEN", "PENDING", "RESOLVED", "CLOSED"})
    void a_ticket_nobody_works_on_or_already_held_or_finished_cannot_be_held(TicketStatus from) {
        assertThat(TicketLifecycle.onHold(from)).isEmpty();
    }

    @Test
    void only_a_held_ticket_resumes() {
        for (TicketStatus from : TicketStatus.values()) {
            assertThat(TicketLifecycle.onResume(from)).as("resume from %s", from)
                    .isEqualTo(from == PENDING ? java.util.Optional.of(IN_PROGRESS) : java.util.Optional.empty());
        }
    }

    @Test
    void only_a_resolved_ticket_closes() {
        for (TicketStatus from : TicketStatus.values()) {
            assertThat(TicketLifecycle.onClose(from)).as("close from %s", from)
                    .isEqualTo(from == RESOLVED ? java.util.Optional.of(CLOSED) : java.util.Optional.empty());
        }
    }

    @Test
    void a_finished_ticket_reopens_within_the_window_and_not_after() {
        java.time.Instant finished = java.time.Instant.parse("2026-11-01T00:00:00Z");
        java.time.Duration window = java.time.Duration.ofDays(30);
        for (TicketStatus from : EnumSet.of(RESOLVED, CLOSED)) {
            assertThat(TicketLifecycle.onReopen(from, finished, finished.plus(window), window)).contains(REOPENED);
            assertThat(TicketLifecycle.onReopen(from, finished, finished.plus(window).plusMillis(1), window)).isEmpty();
        }
        for (TicketStatus from : EnumSet.complementOf(EnumSet.of(RESOLVED, CLOSED))) {
            assertThat(TicketLifecycle.onReopen(from, finished, finished, window)).as("reopen from %s", from).isEmpty();
        }
    }

    @Test
    void complete_information_opens_a_needs_info_ticket_or_makes_it_assigned_when_it_has_an_agent() {
        assertThat(TicketLifecycle.onInfoComplete(NEEDS_INFO, false)).isEqualTo(OPEN);
        assertThat(TicketLifecycle.onInfoComplete(NEEDS_INFO, true)).isEqualTo(ASSIGNED);
        assertThat(TicketLifecycle.onInfoComplete(IN_PROGRESS, true)).isEqualTo(IN_PROGRESS);
    }

    @Test
    void illegal_moves_are_refused() {
        assertThat(TicketLifecycle.canMove(OPEN, PENDING)).isFalse();
        assertThat(TicketLifecycle.canMove(NEW, CLOSED)).isFalse();
        assertThat(TicketLifecycle.canMove(IN_PROGRESS, CLOSED)).isFalse();
        assertThat(TicketLifecycle.canMove(PENDING, CLOSED)).isFalse();
        assertThat(TicketLifecycle.canMove(IN_PROGRESS, REOPENED)).isFalse();
        assertThat(TicketLifecycle.canMove(CLOSED, IN_PROGRESS)).isFalse();
    }

    @Test
    void the_status_machine_is_exactly_the_documented_table() {
        java.util.Map<TicketStatus, EnumSet<TicketStatus>> table = new java.util.EnumMap<>(TicketStatus.class);
        table.put(NEW, EnumSet.of(NEEDS_INFO, OPEN, ASSIGNED, IN_PROGRESS, RESOLVED));
        table.put(NEEDS_INFO, EnumSet.of(OPEN, ASSIGNED, IN_PROGRESS, RESOLVED));
        table.put(OPEN, EnumSet.of(ASSIGNED, IN_PROGRESS, RESOLVED));
        table.put(ASSIGNED, EnumSet.of(IN_PROGRESS, PENDING, RESOLVED));
        table.put(IN_PROGRESS, EnumSet.of(PENDING, RESOLVED));
        table.put(PENDING, EnumSet.of(IN_PROGRESS, RESOLVED));
        table.put(RESOLVED, EnumSet.of(CLOSED, REOPENED));
        table.put(CLOSED, EnumSet.of(REOPENED));
        table.put(REOPENED, EnumSet.of(ASSIGNED, IN_PROGRESS, PENDING, RESOLVED));
        for (TicketStatus from : TicketStatus.values()) {
            for (TicketStatus to : TicketStatus.values()) {
                assertThat(TicketLifecycle.canMove(from, to)).as("%s -> %s", from, to)
                        .isEqualTo(table.get(from).contains(to));
            }
        }
    }
}
