package io.ticketflow.events.kafka;

import io.ticketflow.events.CloudEventHeaders;
import io.ticketflow.events.Envelope;
import io.ticketflow.events.EventJson;
import io.ticketflow.events.TicketflowEvent;
import io.ticketflow.events.UnknownEventTypeException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Reads a record value into the event record named by its {@code ce_type} header. Only the
 * types in {@link io.ticketflow.events.EventTypes} are ever instantiated. Failures name the
 * type and the cause's class, never the payload, so no personal data reaches an error message.
 * Wrap it in Spring Kafka's {@code ErrorHandlingDeserializer} so a poison record reaches the
 * dead-letter topic instead of stopping the consumer.
 */
public class EventDeserializer implements Deserializer<TicketflowEvent> {

    @Override
    public TicketflowEvent deserialize(String topic, byte[] data) {
        throw new SerializationException("ticketflow events need their headers: " + CloudEventHeaders.TYPE);
    }

    @Override
    public TicketflowEvent deserialize(String topic, Headers headers, byte[] data) {
        if (data == null) {
            throw new SerializationException("null value on " + topic);
        }
        String type = Envelope.header(headers, CloudEventHeaders.TYPE);
        try {
            return EventJson.read(type, data);
        } catch (UnknownEventTypeException e) {
            throw new SerializationException(e.getMessage());
        } catch (RuntimeException e) {
            throw new SerializationException("cannot read " + type + " from " + topic + ": " + e.getClass().getSimpleName());
        }
    }
}
