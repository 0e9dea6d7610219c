package io.ticketflow.sla.clock;

/** Where an SLA clock stands. */
public enum ClockState {

    /** Counting down to its due time (also after a breach, until its goal is reached late). */
    RUNNING,

    /** Standing still while the ticket waits on the customer. */
    PAUSED,

    /** Its goal was reached (first reply, resolution) and it stopped. */
    MET,

    /** It ended without its goal being met or missed, e.g. the ticket was closed. */
    STOPPED
}
