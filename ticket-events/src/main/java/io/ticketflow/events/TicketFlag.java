package io.ticketflow.events;

/** Flags that change how a ticket is handled. */
public enum TicketFlag {
    /** 舆情风险: the ticket may become public; escalates to CRITICAL */
    PUBLIC_OPINION_RISK
}
