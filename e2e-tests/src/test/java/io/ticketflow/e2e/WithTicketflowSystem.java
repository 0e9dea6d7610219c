package io.ticketflow.e2e;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Gives a test class the running {@link TicketflowSystem} and ties its end to the test engine's:
 * the system is kept in the root store, which JUnit closes when all test classes are done, while
 * the testkit's broker (stopped only at JVM exit) is still there for the services' clean shutdown.
 * Without this, the services outlived the test JVM whenever their shutdown raced the broker's.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(WithTicketflowSystem.Lifecycle.class)
@interface WithTicketflowSystem {

    /** Starts the system once and registers it for closing at the end of the run. */
    final class Lifecycle implements BeforeAllCallback {

        private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(TicketflowSystem.class);

        @Override
        public void beforeAll(ExtensionContext context) {
            context.getRoot().getStore(NAMESPACE)
                    .getOrComputeIfAbsent(TicketflowSystem.class, type -> TicketflowSystem.get(), TicketflowSystem.class);
        }
    }
}
