package io.ticketflow.events.spring;

/** Kafka did not acknowledge an event in time: the caller must not report success. */
public class EventPublishException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public EventPublishException(String message, Throwable cause) {
        super(message, cause);
    }
}
