package io.ticketflow.sla.clock;

import java.time.Instant;

/** Numbers a ticket's breaches: the same clock deadline always gets the same number. */
public interface BreachCounter {

    /** The number of this breach among the ticket's breaches, 1 for the first. */
    int recordBreach(String ticketId, String ticketNo, String clockId, Instant dueAt);
}
