package io.ticketflow.intake.ticket;

/**
 * A lifecycle event arrived whose predecessors were never applied: the view cannot take it
 * without losing what they changed. Not retried: it goes to the dead-letter topic for an operator.
 */
public class OutOfOrderEventException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    OutOfOrderEventException(String ticketNo, long version, long sequence) {
        super("ticket " + ticketNo + " is at version " + version + " and cannot apply sequence " + sequence);
    }
}
