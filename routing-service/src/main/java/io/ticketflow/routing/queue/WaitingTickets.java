package io.ticketflow.routing.queue;

import io.ticketflow.events.Department;
import java.util.List;
import java.util.Map;

/** Where the queue reads the tickets that wait for an agent; the assignment records provide them. */
public interface WaitingTickets {

    /** Every waiting ticket, in no particular order. */
    List<WaitingTicket> waiting();

    /** How many tickets wait per department; departments without waiting tickets may be absent. */
    Map<Department, Long> countByDepartment();
}
