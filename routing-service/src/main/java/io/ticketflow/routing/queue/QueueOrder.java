package io.ticketflow.routing.queue;

import java.util.Comparator;

/**
 * The order in which waiting tickets are served: higher priority first (P0 before P3), then
 * first come, first served. The ticket number breaks ties so the order is total.
 */
public final class QueueOrder {

    /** P0 first, then the longest waiting. */
    public static final Comparator<WaitingTicket> FIRST_SERVED = Comparator
            .comparing(WaitingTicket::priority)
            .thenComparing(WaitingTicket::queuedAt)
            .thenComparing(WaitingTicket::ticketNo);

    private QueueOrder() {
    }
}
