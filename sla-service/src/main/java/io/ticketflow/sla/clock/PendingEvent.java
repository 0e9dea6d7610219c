package io.ticketflow.sla.clock;

import static java.nio.charset.StandardCharsets.UTF_8;
import static java.util.Objects.requireNonNull;

import io.ticketflow.events.EventJson;
import io.ticketflow.events.EventTypes;
import io.ticketflow.events.TicketflowEvent;
import java.time.Instant;
import java.util.UUID;

/**
 * An event decided together with a clock's state change and stored in the same document, waiting
 * to be published (single-document outbox). The payload is the event's wire JSON, so what is
 * published later is exactly what was decided.
 *
 * @param eventId    the deterministic {@code ce_id} it is published with
 * @param type       its {@code ce_type}
 * @param payload    its JSON
 * @param recordedAt when it was stored; the relay leaves fresh entries to the handler that stored them
 */
public record PendingEvent(String eventId, String type, String payload, Instant recordedAt) {

    public PendingEvent {
        requireNonNull(eventId, "eventId");
        requireNonNull(type, "type");
        requireNonNull(payload, "payload");
        requireNonNull(recordedAt, "recordedAt");
    }

    static PendingEvent of(UUID id, TicketflowEvent event, Instant recordedAt) {
        return new PendingEvent(id.toString(), EventTypes.typeOf(event), new String(EventJson.write(event), UTF_8), recordedAt);
    }

    /** The {@code ce_id} to publish with. */
    public UUID id() {
        return UUID.fromString(eventId);
    }

    /** The event to publish. */
    public TicketflowEvent event() {
        return EventJson.read(type, payload.getBytes(UTF_8));
    }
}
