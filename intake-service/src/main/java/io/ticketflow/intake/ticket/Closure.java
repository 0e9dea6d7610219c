package io.ticketflow.intake.ticket;

/** Closing a resolved ticket; the reason is clear text until the event masks it. */
record Closure(String reason, String closedBy) {
}
