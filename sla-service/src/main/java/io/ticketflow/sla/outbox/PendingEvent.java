package io.ticketflow.sla.outbox;

import static java.nio.charset.StandardCharsets.UTF_8;
import static java.util.Objects.requireNonNull;

import io.ticketflow.events.EventJson;
import io.ticketflow.events.EventTypes;
import io.ticketflow.events.Topic;
import io.ticketflow.events.Topics;
import io.ticketflow.events.TicketflowEvent;
import java.time.Instant;
import java.util.UUID;

/**
 * An event decided together with a state change and stored in the same document, waiting to be
 * published (single-document outbox). The payload is the event's wire JSON, so what is published
 * later is exactly what was decided.
 *
 * @param eventId    the deterministic {@code ce_id} it is published with
 * @param type       its {@code ce_type}
 * @param payload    its JSON
 * @param recordedAt when it was stored; the relay leaves fresh entries to the handler that stored them
 * @param topic      the topic it goes to: {@code ticket.sla}, or a department's escalation topic (the
 *                   same event id is then stored once per topic)
 */
public record PendingEvent(String eventId, String type, String payload, Instant recordedAt, String topic) {

    public PendingEvent {
        requireNonNull(eventId, "eventId");
        requireNonNull(type, "type");
        requireNonNull(payload, "payload");
        requireNonNull(recordedAt, "recordedAt");
        topic = topic == null ? Topics.Names.SLA : topic;
    }

    /** The event for {@code ticket.sla}. */
    public static PendingEvent of(UUID id, TicketflowEvent event, Instant recordedAt) {
        return of(id, event, recordedAt, Topics.SLA);
    }

    /** The event for a named topic. */
    public static PendingEvent of(UUID id, TicketflowEvent event, Instant recordedAt, Topic<?> topic) {
        return new PendingEvent(id.toString(), EventTypes.typeOf(event), new String(EventJson.write(event), UTF_8), recordedAt,
                topic.name());
    }

    /** The {@code ce_id} to publish with. */
    public UUID id() {
        return UUID.fromString(eventId);
    }

    /** The event to publish. */
    public TicketflowEvent event() {
        return EventJson.read(type, payload.getBytes(UTF_8));
    }

    /** The catalogue topic it goes to. */
    public Topic<?> destination() {
        return Topics.all().stream().filter(t -> t.name().equals(topic)).findFirst()
                .orElseThrow(() -> new IllegalStateException("no catalogue topic " + topic));
    }
}
