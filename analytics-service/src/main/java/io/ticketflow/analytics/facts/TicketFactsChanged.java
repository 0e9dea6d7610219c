package io.ticketflow.analytics.facts;

/**
 * Published (as a Spring application event, in the recording thread) after an event changed a
 * ticket's facts (never for a duplicate), so figures cached from the facts know they are stale
 * and the live board can show what just happened.
 */
public record TicketFactsChanged(String ticketId, io.ticketflow.events.TicketflowEvent event) {
}
