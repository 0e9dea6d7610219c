package io.ticketflow.routing.queue;

import static org.assertj.core.api.Assertions.assertThat;

import io.ticketflow.events.Department;
import io.ticketflow.events.Priority;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class QueueOrderTest {

    private static final Instant NINE = Instant.parse("2026-11-23T09:00:00Z");

    @Test
    void a_higher_priority_is_served_first_however_late_it_arrived() {
        WaitingTicket earlyP3 = waiting("early-p3", Priority.P3, NINE);
        WaitingTicket lateP0 = waiting("late-p0", Priority.P0, NINE.plusSeconds(3600));
        WaitingTicket p1 = waiting("p1", Priority.P1, NINE.plusSeconds(60));

        assertThat(sorted(earlyP3, lateP0, p1)).containsExactly("late-p0", "p1", "early-p3");
    }

    @Test
    void within_a_priority_the_ticket_waiting_longest_is_served_first() {
        WaitingTicket second = waiting("second", Priority.P2, NINE.plusSeconds(5));
        WaitingTicket first = waiting("first", Priority.P2, NINE);
        WaitingTicket third = waiting("third", Priority.P2, NINE.plusSeconds(10));

        assertThat(sorted(second, third, first)).containsExactly("first", "second", "third");
    }

    @Test
    void within_a_priority_the_earlier_sla_due_time_goes_first_and_an_unknown_due_time_last() {
        WaitingTicket early = waiting("due-early", Priority.P2, NINE.plusSeconds(60), false, NINE.plusSeconds(3600));
        WaitingTicket late = waiting("due-late", Priority.P2, NINE, false, NINE.plusSeconds(7200));
        WaitingTicket unknown = waiting("due-unknown", Priority.P2, NINE.minusSeconds(60), false, null);
        WaitingTicket urgent = waiting("p1", Priority.P1, NINE.plusSeconds(120), false, NINE.plusSeconds(9000));

        assertThat(sorted(unknown, late, early, urgent)).containsExactly("p1", "due-early", "due-late", "due-unknown");
    }

    @Test
    void vip_and_reopened_tickets_go_ahead_within_their_priority_but_not_ahead_of_a_higher_one() {
        WaitingTicket vip = waiting("vip", Priority.P2, NINE.plusSeconds(60), true, NINE.plusSeconds(7200));
        WaitingTicket ordinary = waiting("ordinary", Priority.P2, NINE, false, NINE.plusSeconds(3600));
        WaitingTicket p1 = waiting("p1", Priority.P1, NINE.plusSeconds(120), false, null);

        assertThat(sorted(ordinary, vip, p1)).containsExactly("p1", "vip", "ordinary");
    }

    @Test
    void the_queue_view_lists_every_department_with_its_tickets_in_serving_order() {
        WaitingTicket techP2 = waiting("tech-p2", Priority.P2, NINE);
        WaitingTicket techP0 = waiting("tech-p0", Priority.P0, NINE.plusSeconds(30));
        WaitingTicket ops = new WaitingTicket("id-ops", "ops", Department.OPERATIONS, Priority.P1, List.of("x"), NINE, false, null);

        QueueView view = QueueView.of(List.of(techP2, ops, techP0), NINE.plusSeconds(90));

        assertThat(view.departments()).containsOnlyKeys(
                Arrays.stream(Department.values()).map(Department::name).toArray(String[]::new));
        assertThat(view.departments().get("TECH")).extracting(QueueView.Entry::ticketNo).containsExactly("tech-p0", "tech-p2");
        assertThat(view.departments().get("TECH")).extracting(QueueView.Entry::waitingSeconds).containsExactly(60L, 90L);
        assertThat(view.departments().get("OPERATIONS")).extracting(QueueView.Entry::ticketNo).containsExactly("ops");
        assertThat(view.departments().get("LOGISTICS")).isEmpty();
    }

    private static WaitingTicket waiting(String ticketNo, Priority priority, Instant queuedAt) {
        return new WaitingTicket("id-" + ticketNo, ticketNo, Department.TECH, priority, List.of(), queuedAt, false, null);
    }

    private static WaitingTicket waiting(String ticketNo, Priority priority, Instant queuedAt, boolean expedite, Instant dueAt) {
        return new WaitingTicket("id-" + ticketNo, ticketNo, Department.TECH, priority, List.of(), queuedAt, expedite, dueAt);
    }

    private static List<String> sorted(WaitingTicket... tickets) {
        return Arrays.stream(tickets).sorted(QueueOrder.FIRST_SERVED).map(WaitingTicket::ticketNo).toList();
    }
}
