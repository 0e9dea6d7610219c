package io.ticketflow.intake.ticket;

import io.ticketflow.events.Nature;
import io.ticketflow.events.Priority;
import io.ticketflow.events.TicketType;

/** A new type, nature and/or priority (null: keep), with the reason; the reason is clear text until masked. */
record Reclassification(TicketType type, Nature nature, Priority priority, String reason, String changedBy) {
}
