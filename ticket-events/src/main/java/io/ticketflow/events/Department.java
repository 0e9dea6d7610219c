package io.ticketflow.events;

import java.util.Arrays;

/** Departments named in the source documents; each has its own escalation topic. */
public enum Department {
    CUSTOMER_SERVICE("customer-service"),
    TECH("tech"),
    OPERATIONS("operations"),
    LOGISTICS("logistics"),
    RND("rnd"),
    QUALITY("quality"),
    MANAGEMENT("management");

    private final String id;

    Department(String id) {
        this.id = id;
    }

    /** The department's id as used in topic names and APIs, e.g. {@code customer-service}. */
    public String id() {
        return id;
    }

    /** Looks a department up by its id or its enum name, ignoring case. */
    public static Department of(String idOrName) {
        return Arrays.stream(values())
                .filter(d -> d.id.equalsIgnoreCase(idOrName) || d.name().equalsIgnoreCase(idOrName))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown department: " + idOrName));
    }
}
