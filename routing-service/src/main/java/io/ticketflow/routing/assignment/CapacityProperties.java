package io.ticketflow.routing.assignment;

import io.ticketflow.events.Priority;
import java.util.EnumMap;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code ticketflow.routing.capacity.*}: how many capacity units a ticket of each priority takes
 * from its agent. Priorities left out keep their default (P0 3, P1 2, P2 1, P3 1).
 *
 * @param weights priority → units, each 1–100
 */
@ConfigurationProperties("ticketflow.routing.capacity")
record CapacityProperties(Map<Priority, Integer> weights) {

    private static final Map<Priority, Integer> DEFAULTS = Map.of(Priority.P0, 3, Priority.P1, 2, Priority.P2, 1, Priority.P3, 1);

    CapacityProperties {
        Map<Priority, Integer> all = new EnumMap<>(DEFAULTS);
        if (weights != null) {
            all.putAll(weights);
        }
        all.forEach((priority, weight) -> {
            if (weight == null || weight < 1 || weight > 100) {
                throw new IllegalArgumentException("ticketflow.routing.capacity.weights." + priority + " must be 1-100");
            }
        });
        weights = Map.copyOf(all);
    }

    /** The units a ticket of this priority takes. */
    int weightOf(Priority priority) {
        return weights.get(priority);
    }
}
