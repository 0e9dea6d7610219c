package io.ticketflow.sla.policy;

import static java.util.Objects.requireNonNull;

import java.util.concurrent.atomic.AtomicReference;

/**
 * The policy table in force: the configured one at start-up, replaced as a whole by
 * {@code PUT /api/v1/sla/policies}. New clocks and recomputed ones use the table in force then;
 * running clocks keep the deadline they were given.
 */
public final class PolicyBook {

    private final AtomicReference<PolicyTable> current;

    public PolicyBook(PolicyTable initial) {
        this.current = new AtomicReference<>(requireNonNull(initial, "initial"));
    }

    /** The table in force. */
    public PolicyTable current() {
        return current.get();
    }

    /** Puts a new table in force. */
    public void replace(PolicyTable table) {
        current.set(requireNonNull(table, "table"));
    }
}
