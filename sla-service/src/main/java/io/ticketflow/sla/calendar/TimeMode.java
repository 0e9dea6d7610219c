package io.ticketflow.sla.calendar;

/** How an SLA budget is counted. */
public enum TimeMode {

    /** Every elapsed minute counts, nights, weekends and holidays included. */
    CALENDAR,

    /** Only the business calendar's opening hours count. */
    WORKING
}
