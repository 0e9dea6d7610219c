package io.ticketflow.feedback.outbox;

import static java.nio.charset.StandardCharsets.UTF_8;
import static java.util.Objects.requireNonNull;

import io.ticketflow.events.EventJson;
import io.ticketflow.events.EventTypes;
import io.ticketflow.events.FeedbackEvent;
import io.ticketflow.events.TicketflowEvent;
import java.time.Instant;
import java.util.UUID;

/**
 * An event kept in the same document as the state change that caused it, until Kafka has
 * acknowledged it (single-document outbox, DESIGN §3.1). The payload is the event's wire JSON,
 * so what the relay publishes later is byte for byte what the decision produced.
 *
 * @param eventId the event's {@code ce_id}, deterministic so a republished event is a duplicate
 * @param type    the event's {@code ce_type}
 * @param payload the event as JSON
 * @param since   when the event was stored; the relay leaves young events to their own publisher
 */
public record PendingEvent(String eventId, String type, String payload, Instant since) {

    public PendingEvent {
        requireNonNull(eventId, "eventId");
        requireNonNull(type, "type");
        requireNonNull(payload, "payload");
        requireNonNull(since, "since");
    }

    /** Stores an event of ours, to be published with the given id. */
    public static PendingEvent of(UUID eventId, FeedbackEvent event, Instant since) {
        return new PendingEvent(eventId.toString(), EventTypes.typeOf(event), new String(EventJson.write(event), UTF_8), since);
    }

    /** The {@code ce_id} to publish with. */
    UUID uuid() {
        return UUID.fromString(eventId);
    }

    /** The event itself. */
    TicketflowEvent decode() {
        return EventJson.read(type, payload.getBytes(UTF_8));
    }
}
