package io.ticketflow.intake.messaging;

import io.ticketflow.intake.ticket.OutOfOrderEventException;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.listener.DefaultErrorHandler;

/**
 * Intake's one addition to the shared error handler of ticket-events: an event whose predecessors
 * are missing from the ticket view cannot succeed by retrying, so it is dead-lettered at once.
 * Storage failures and concurrent view updates are transient (listed under
 * {@code ticketflow.events.transient-failures}) and are retried until they pass, as everywhere.
 * The handler is the one ticket-events configures; without it this fails at start-up on purpose.
 */
@Configuration(proxyBeanMethods = false)
class ProjectionRetries {

    ProjectionRetries(DefaultErrorHandler errorHandler) {
        errorHandler.addNotRetryableExceptions(OutOfOrderEventException.class);
    }
}
