package io.ticketflow.feedback.outbox;

import static java.util.Objects.requireNonNull;

/**
 * A Mongo collection whose documents carry a {@code pending} list of {@link PendingEvent}s.
 * Declare one as a bean and the {@link OutboxRelay} watches it.
 *
 * @param name the collection name
 */
public record OutboxCollection(String name) {

    /** The array field every outbox document keeps its pending events in. */
    public static final String PENDING = "pending";

    public OutboxCollection {
        requireNonNull(name, "name");
    }
}
