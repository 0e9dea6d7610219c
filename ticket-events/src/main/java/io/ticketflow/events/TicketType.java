package io.ticketflow.events;

/** The four ticket types of the source template; each has an owning department. */
public enum TicketType {
    /** product fault, stuck flow, system error */
    FUNCTION(Department.TECH),
    /** attitude, slow response, broken promise */
    SERVICE(Department.CUSTOMER_SERVICE),
    /** cumbersome procedure, unclear rules, cross-department blockage */
    PROCESS(Department.OPERATIONS),
    /** suggestion, consultation, complaint that fits nowhere else */
    OTHER(Department.CUSTOMER_SERVICE);

    private final Department owner;

    TicketType(Department owner) {
        this.owner = owner;
    }

    /** The department that owns tickets of this type unless a tag says otherwise. */
    public Department owningDepartment() {
        return owner;
    }
}
