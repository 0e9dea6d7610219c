package io.ticketflow.events;

/** The ticket's status, owned by intake. */
public enum TicketStatus { NEW, NEEDS_INFO, OPEN, ASSIGNED, IN_PROGRESS, PENDING, RESOLVED, CLOSED, REOPENED }
