package io.ticketflow.events;

/** The optional 4M1E factor (人机料法环) of a root cause. */
public enum RootCauseFactor {
    PEOPLE,
    MACHINE,
    MATERIAL,
    METHOD,
    ENVIRONMENT
}
