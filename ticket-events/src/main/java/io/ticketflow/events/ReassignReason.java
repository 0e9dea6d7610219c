package io.ticketflow.events;

/** Why routing took a ticket away from its agent. */
public enum ReassignReason {
    /** the agent went OFFLINE with the ticket open */
    AGENT_OFFLINE,
    /** the agent did not touch a new assignment within the first-touch window */
    FIRST_TOUCH_TIMEOUT,
    /** the agent was removed from the roster */
    AGENT_REMOVED
}
