package io.ticketflow.routing.assignment;

/** Where a ticket stands in routing; also the action of a history entry. */
enum AssignmentStatus {
    /** Waiting for an agent. */
    QUEUED,
    /** An agent holds it. */
    ASSIGNED,
    /** Resolved: the agent's capacity was given back. */
    RELEASED
}
