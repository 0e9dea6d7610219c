package io.ticketflow.routing.assignment;

import io.ticketflow.events.Department;
import io.ticketflow.events.TicketCreated;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code ticketflow.routing.departments.*}: which department's queue a ticket joins. The type
 * decides (intake puts the type's owning department on {@code TicketCreated}) unless one of the
 * ticket's tags is listed here; the first listed tag in the ticket's tag order wins.
 *
 * @param byTag issue tag (any case) → department, e.g. {@code logistics: LOGISTICS}
 */
@ConfigurationProperties("ticketflow.routing.departments")
record DepartmentProperties(Map<String, Department> byTag) {

    DepartmentProperties {
        Map<String, Department> normalised = new LinkedHashMap<>();
        if (byTag != null) {
            byTag.forEach((tag, department) -> normalised.put(tag.strip().toLowerCase(Locale.ROOT), department));
        }
        byTag = Map.copyOf(normalised);
    }

    /** The department whose queue the ticket joins. */
    Department owning(TicketCreated created) {
        for (String tag : created.tags()) {
            Department override = tag == null ? null : byTag.get(tag.strip().toLowerCase(Locale.ROOT));
            if (override != null) {
                return override;
            }
        }
        return created.department();
    }
}
