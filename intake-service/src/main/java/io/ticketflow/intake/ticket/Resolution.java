package io.ticketflow.intake.ticket;

/** How a ticket was resolved; summary and root cause are clear text until the event masks them. */
record Resolution(String agentId, String summary, String rootCause) {
}
