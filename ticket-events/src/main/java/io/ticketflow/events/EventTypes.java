package io.ticketflow.events;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The registry of event types, read from the sealed hierarchy: every permitted record with its
 * {@link CloudEventType}. Only these types are ever deserialised, which is stricter than a
 * list of trusted packages.
 */
public final class EventTypes {

    private static final Map<String, Class<? extends TicketflowEvent>> BY_TYPE = scan();

    private EventTypes() {
    }

    /** The {@code ce_type} of an event class. */
    public static String typeOf(Class<? extends TicketflowEvent> eventClass) {
        CloudEventType type = eventClass.getAnnotation(CloudEventType.class);
        if (type == null) {
            throw new IllegalArgumentException(eventClass.getName() + " has no @CloudEventType");
        }
        return type.value();
    }

    /** The {@code ce_type} of an event. */
    public static String typeOf(TicketflowEvent event) {
        return typeOf(event.getClass());
    }

    /** The record class for a {@code ce_type}, if it is one of ours. */
    public static Optional<Class<? extends TicketflowEvent>> classOf(String ceType) {
        return Optional.ofNullable(ceType).map(BY_TYPE::get);
    }

    /** Every known {@code ce_type} with its record class, in declaration order. */
    public static Map<String, Class<? extends TicketflowEvent>> all() {
        return BY_TYPE;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Class<? extends TicketflowEvent>> scan() {
        Map<String, Class<? extends TicketflowEvent>> byType = new LinkedHashMap<>();
        leaves(TicketflowEvent.class).forEach(c -> {
            Class<? extends TicketflowEvent> eventClass = (Class<? extends TicketflowEvent>) c;
            Class<?> previous = byType.put(typeOf(eventClass), eventClass);
            if (previous != null) {
                throw new IllegalStateException("ce_type used twice: " + typeOf(eventClass));
            }
        });
        return Collections.unmodifiableMap(byType);
    }

    private static Stream<Class<?>> leaves(Class<?> type) {
        Class<?>[] permitted = type.getPermittedSubclasses();
        if (permitted == null) {
            return Stream.of(type);
        }
        return Arrays.stream(permitted).flatMap(EventTypes::leaves);
    }
}
