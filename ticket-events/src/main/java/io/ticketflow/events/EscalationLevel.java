package io.ticketflow.events;

/** The escalation ladder: each rung reaches a more senior role. */
public enum EscalationLevel {
    /** the team lead */
    GENERAL,
    /** the supervisor */
    MAJOR,
    /** the manager */
    CRITICAL
}
