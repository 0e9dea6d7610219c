package io.ticketflow.routing.queue;

import java.util.Comparator;

/**
 * The order in which waiting tickets are served: higher priority first (P0 before P3); within a
 * priority VIP and reopened tickets first; then the earliest SLA due time (tickets whose due time
 * is not known yet after those with one); then first come, first served. The ticket number breaks
 * ties so the order is total.
 */
public final class QueueOrder {

    /** P0 first, then expedited, then the earliest due, then the longest waiting. */
    public static final Comparator<WaitingTicket> FIRST_SERVED = Comparator
            .comparing(WaitingTicket::priority)
            .thenComparing(WaitingTicket::expedite, Comparator.reverseOrder())
            .thenComparing(WaitingTicket::dueAt, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(WaitingTicket::queuedAt)
            .thenComparing(WaitingTicket::ticketNo);

    private QueueOrder() {
    }
}
