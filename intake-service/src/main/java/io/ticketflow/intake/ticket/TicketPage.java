package io.ticketflow.intake.ticket;

import java.util.List;

/** One page of a ticket search. */
public record TicketPage(List<TicketView> items, int page, int size, long total) {
}
