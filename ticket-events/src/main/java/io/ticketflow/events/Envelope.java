package io.ticketflow.events;

import static java.nio.charset.StandardCharsets.UTF_8;
import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * An event with its CloudEvents attributes.
 *
 * @param id      {@code ce_id}, the deduplication key
 * @param source  {@code ce_source}
 * @param type    {@code ce_type}
 * @param time    {@code ce_time}
 * @param subject {@code ce_subject}
 * @param event   the record
 */
public record Envelope<E extends TicketflowEvent>(UUID id, String source, String type, Instant time, String subject, E event) {

    public Envelope {
        requireNonNull(id, "id");
        requireNonNull(source, "source");
        requireNonNull(type, "type");
        requireNonNull(time, "time");
        requireNonNull(event, "event");
    }

    /** Wraps an event for publishing. */
    public static <E extends TicketflowEvent> Envelope<E> of(UUID id, String source, Instant time, E event) {
        return new Envelope<>(id, source, EventTypes.typeOf(event), time, event.eventSubject(), event);
    }

    /** Reads the envelope of a consumed record. A record without {@code ce_id} is rejected. */
    public static <E extends TicketflowEvent> Envelope<E> of(ConsumerRecord<String, ? extends E> record) {
        return of(record.headers(), record.timestamp(), record.value());
    }

    /**
     * Reads the envelope from a record's headers around an event already read from its value;
     * the record timestamp stands in for a missing {@code ce_time}. A record without {@code ce_id}
     * is rejected.
     */
    public static <E extends TicketflowEvent> Envelope<E> of(Headers headers, long timestamp, E event) {
        String id = header(headers, CloudEventHeaders.ID);
        if (id == null) {
            throw new IllegalArgumentException("record without " + CloudEventHeaders.ID);
        }
        String time = header(headers, CloudEventHeaders.TIME);
        String source = header(headers, CloudEventHeaders.SOURCE);
        String type = header(headers, CloudEventHeaders.TYPE);
        return new Envelope<>(
                UUID.fromString(id),
                source == null ? "unknown" : source,
                type == null ? EventTypes.typeOf(event) : type,
                time == null ? Instant.ofEpochMilli(timestamp) : Instant.parse(time),
                header(headers, CloudEventHeaders.SUBJECT),
                event);
    }

    /** The binary-mode headers of this envelope. */
    public Headers toHeaders() {
        RecordHeaders headers = new RecordHeaders();
        headers.add(CloudEventHeaders.ID, id.toString().getBytes(UTF_8));
        headers.add(CloudEventHeaders.SOURCE, source.getBytes(UTF_8));
        headers.add(CloudEventHeaders.TYPE, type.getBytes(UTF_8));
        headers.add(CloudEventHeaders.SPEC_VERSION, CloudEventHeaders.SPEC_VERSION_1_0.getBytes(UTF_8));
        headers.add(CloudEventHeaders.TIME, time.toString().getBytes(UTF_8));
        if (subject != null) {
            headers.add(CloudEventHeaders.SUBJECT, subject.getBytes(UTF_8));
        }
        headers.add(CloudEventHeaders.CONTENT_TYPE, CloudEventHeaders.JSON.getBytes(UTF_8));
        return headers;
    }

    /** The last value of a header as text, or null. */
    public static String header(Headers headers, String name) {
        Header header = headers.lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), UTF_8);
    }
}
