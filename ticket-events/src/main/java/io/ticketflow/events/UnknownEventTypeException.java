package io.ticketflow.events;

/** A record whose {@code ce_type} is missing or not one of ours: a poison record. */
public class UnknownEventTypeException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    public UnknownEventTypeException(String ceType) {
        super("unknown or missing ce_type: " + ceType);
    }
}
