package io.ticketflow.intake.ticket;

import io.ticketflow.events.ReplyAuthor;

/** A reply to write on a ticket; the message is clear text until the event masks it. */
record Reply(ReplyAuthor author, String agentId, String message) {
}
