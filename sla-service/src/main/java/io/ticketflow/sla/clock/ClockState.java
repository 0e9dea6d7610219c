package io.ticketflow.sla.clock;

/** Where an SLA clock stands. */
public enum ClockState {

    /** Counting down to its due time. */
    RUNNING,

    /** Its goal was reached (first reply, resolution) and it stopped. */
    MET
}
