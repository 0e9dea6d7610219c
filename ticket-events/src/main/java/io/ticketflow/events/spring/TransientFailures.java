package io.ticketflow.events.spring;

import java.util.List;
import java.util.Set;

/**
 * Tells a failure that will pass (the database or the broker is briefly unreachable) from one
 * that never will (a record the handler cannot process). The first kind is retried until it
 * succeeds, so an outage never sends good events to a dead-letter topic; only the second kind is
 * dead-lettered. Classes are matched by name along the cause chain and each class's supertypes,
 * so this module needs neither Spring Data nor the MongoDB driver on its classpath.
 */
final class TransientFailures {

    /** The failures that retry without end, unless configured otherwise. */
    static final List<String> DEFAULTS = List.of(
            "org.springframework.dao.TransientDataAccessException",
            "org.springframework.dao.DataAccessResourceFailureException",
            "com.mongodb.MongoSocketException",
            "com.mongodb.MongoTimeoutException",
            "com.mongodb.MongoNodeIsRecoveringException",
            "com.mongodb.MongoNotPrimaryException",
            "org.apache.kafka.common.errors.RetriableException",
            EventPublishException.class.getName());

    private final Set<String> classNames;

    TransientFailures(List<String> classNames) {
        this.classNames = Set.copyOf(classNames);
    }

    boolean isTransient(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            for (Class<?> c = t.getClass(); c != null; c = c.getSuperclass()) {
                if (classNames.contains(c.getName())) {
                    return true;
                }
            }
        }
        return false;
    }
}
