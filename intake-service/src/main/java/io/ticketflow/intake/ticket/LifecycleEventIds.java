package io.ticketflow.intake.ticket;

import io.ticketflow.events.EventIds;
import java.util.UUID;

/**
 * The {@code ce_id} of a lifecycle event: derived from the ticket and the sequence, so a retried
 * or redone step publishes the same id, and two events that claim one sequence are duplicates
 * to every consumer.
 */
public final class LifecycleEventIds {

    private LifecycleEventIds() {
    }

    public static UUID of(String ticketId, long sequence) {
        return EventIds.of("ticket-lifecycle", ticketId, sequence);
    }
}
