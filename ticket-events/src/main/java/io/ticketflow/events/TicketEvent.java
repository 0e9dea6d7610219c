package io.ticketflow.events;

/** An event about one ticket, keyed by its id so all of a ticket's events stay ordered. */
public interface TicketEvent {

    /** The ticket's stable id (a UUID), the key on every {@code ticket.*} topic. */
    String ticketId();

    /** The ticket number shown to people, {@code YYYYMM-NNNNNN}. */
    String ticketNo();
}
