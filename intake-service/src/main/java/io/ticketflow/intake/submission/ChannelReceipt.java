package io.ticketflow.intake.submission;

import io.ticketflow.events.TicketStatus;

/** What a channel hears once Kafka holds the ticket; {@code replayed} if the key had been used before. */
public record ChannelReceipt(String ticketId, String ticketNo, TicketStatus status, boolean replayed) {
}
