package io.ticketflow.events;

/** How a callback task ended. */
public enum CallbackOutcome {
    /** the customer is satisfied now: the ticket closes */
    SATISFIED,
    /** the customer needs more: the ticket reopens */
    REOPEN,
    /** every allowed attempt failed to reach the customer */
    UNREACHABLE
}
