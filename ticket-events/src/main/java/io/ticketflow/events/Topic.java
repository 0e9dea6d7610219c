package io.ticketflow.events;

import static java.util.Objects.requireNonNull;

/**
 * One topic of the catalogue: its name, what its key is, the event types it carries and the
 * single service that writes it.
 *
 * @param name      the Kafka topic name
 * @param keyMeaning what the record key is, e.g. {@code ticket id}
 * @param valueType the sealed interface listing the topic's event types
 * @param owner     the only service that publishes to it
 */
public record Topic<V extends TicketflowEvent>(String name, String keyMeaning, Class<V> valueType, String owner) {

    public Topic {
        requireNonNull(name, "name");
        requireNonNull(valueType, "valueType");
        requireNonNull(owner, "owner");
    }

    /** The dead-letter topic that takes this topic's poison records. */
    public String deadLetter() {
        return Topics.deadLetter(name);
    }
}
