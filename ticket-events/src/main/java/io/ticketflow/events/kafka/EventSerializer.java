package io.ticketflow.events.kafka;

import io.ticketflow.events.EventJson;
import io.ticketflow.events.TicketflowEvent;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Writes an event record as its JSON value. Raw bytes pass through unchanged, so the same
 * producer can re-publish a poison record, byte for byte, to its dead-letter topic.
 */
public class EventSerializer implements Serializer<Object> {

    @Override
    public byte[] serialize(String topic, Object data) {
        if (data == null) {
            return null;
        }
        if (data instanceof byte[] bytes) {
            return bytes;
        }
        if (data instanceof TicketflowEvent event) {
            return EventJson.write(event);
        }
        throw new SerializationException("not a ticketflow event: " + data.getClass().getName());
    }

    @Override
    public byte[] serialize(String topic, Headers headers, Object data) {
        return serialize(topic, data);
    }
}
