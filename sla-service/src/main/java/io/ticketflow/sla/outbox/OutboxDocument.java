package io.ticketflow.sla.outbox;

import java.util.List;

/**
 * A document holding events to publish: a clock or a ticket's escalation record.
 *
 * @param id       the document's {@code _id}
 * @param ticketNo for the log
 * @param pending  its pending events, oldest first
 */
public record OutboxDocument(String id, String ticketNo, List<PendingEvent> pending) {

    public OutboxDocument {
        pending = pending == null ? List.of() : List.copyOf(pending);
    }
}
