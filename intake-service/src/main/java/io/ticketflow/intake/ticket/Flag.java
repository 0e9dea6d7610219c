package io.ticketflow.intake.ticket;

import io.ticketflow.events.TicketFlag;

/** A flag to raise on a ticket or clear from it, with why and by whom; the reason is clear text until the event masks it. */
record Flag(TicketFlag flag, boolean raised, String reason, String flaggedBy) {
}
