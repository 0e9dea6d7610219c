package io.ticketflow.events;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The CloudEvents {@code ce_type} of an event record, e.g. {@code ticketflow.ticket.created.v1}.
 * A changed shape gets a new {@code .vN}; consumers accept N and N-1.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface CloudEventType {
    String value();
}
