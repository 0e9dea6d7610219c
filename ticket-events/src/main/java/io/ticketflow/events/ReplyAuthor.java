package io.ticketflow.events;

/** Who wrote a reply on a ticket. */
public enum ReplyAuthor { AGENT, CUSTOMER }
