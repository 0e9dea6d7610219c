package io.ticketflow.intake.ticket;

/** A request to reopen a finished ticket; the reason is clear text until the event masks it. */
record Reopen(String reason, String requestedBy, String preferredAgentId) {
}
