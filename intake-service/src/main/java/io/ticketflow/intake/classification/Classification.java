package io.ticketflow.intake.classification;

import static java.util.Objects.requireNonNull;

import io.ticketflow.events.Department;
import io.ticketflow.events.Nature;
import io.ticketflow.events.Priority;
import io.ticketflow.events.TicketType;

/** What the rules made of a submission, and why. */
public record Classification(TicketType type, Nature nature, Priority priority, ClassifiedBy classifiedBy) {

    public Classification {
        requireNonNull(type, "type");
        requireNonNull(nature, "nature");
        requireNonNull(priority, "priority");
        requireNonNull(classifiedBy, "classifiedBy");
    }

    /** The department that owns tickets of this type. */
    public Department department() {
        return type.owningDepartment();
    }
}
