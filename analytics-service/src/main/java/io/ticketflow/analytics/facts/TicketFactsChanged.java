package io.ticketflow.analytics.facts;

/**
 * Published (as a Spring application event, in the recording thread) after an event changed a
 * ticket's facts, so figures cached from the facts know they are stale.
 */
public record TicketFactsChanged(String ticketId) {
}
