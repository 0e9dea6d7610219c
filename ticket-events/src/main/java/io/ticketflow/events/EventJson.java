package io.ticketflow.events;

import java.util.Objects;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.cfg.DateTimeFeature;

/**
 * The JSON form of events on the wire: records as JSON objects, instants as RFC 3339 strings,
 * durations as ISO-8601 strings. Unknown properties are ignored so that an added optional
 * field does not break older consumers.
 */
public final class EventJson {

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .disable(DateTimeFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DateTimeFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();

    private EventJson() {
    }

    /** The shared, immutable mapper for event payloads. */
    public static JsonMapper mapper() {
        return MAPPER;
    }

    /** Serialises an event to UTF-8 JSON. */
    public static byte[] write(TicketflowEvent event) {
        return MAPPER.writeValueAsBytes(Objects.requireNonNull(event, "event"));
    }

    /** Reads an event of a known {@code ce_type}. */
    public static TicketflowEvent read(String ceType, byte[] json) {
        Class<? extends TicketflowEvent> type = EventTypes.classOf(ceType)
                .orElseThrow(() -> new UnknownEventTypeException(ceType));
        return MAPPER.readValue(json, type);
    }
}
