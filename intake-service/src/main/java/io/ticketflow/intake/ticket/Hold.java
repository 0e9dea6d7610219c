package io.ticketflow.intake.ticket;

import io.ticketflow.events.HoldReason;

/** Why and by whom a ticket is put on hold; the note is clear text until the event masks it. */
record Hold(HoldReason reason, String agentId, String note) {
}
