package io.ticketflow.sla.outbox;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** A MongoDB collection whose documents carry {@code pendingEvents}. */
public interface OutboxCollection {

    /** The collection's name, for the log. */
    String name();

    /** The document's pending events now. */
    Optional<OutboxDocument> pendingOf(String id);

    /** Documents holding an event recorded at {@code recordedBefore} or earlier. */
    List<OutboxDocument> pendingSince(Instant recordedBefore, int limit);

    /** Forgets a pending event once Kafka acknowledged it. */
    void clear(String id, PendingEvent event);
}
