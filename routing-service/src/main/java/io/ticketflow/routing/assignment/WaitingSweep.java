package io.ticketflow.routing.assignment;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;

/**
 * Runs {@link Dispatcher#sweep()} at start-up and every {@code ticketflow.routing.assignment.sweep-interval},
 * so a waiting ticket is retried after a restart or a lost trigger.
 */
@Component
class WaitingSweep implements SchedulingConfigurer {

    private static final Logger log = LoggerFactory.getLogger(WaitingSweep.class);

    private final Dispatcher dispatcher;
    private final AssignmentProperties properties;

    WaitingSweep(Dispatcher dispatcher, AssignmentProperties properties) {
        this.dispatcher = dispatcher;
        this.properties = properties;
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        registrar.addFixedDelayTask(this::sweepQuietly, properties.sweepInterval());
    }

    private void sweepQuietly() {
        try {
            dispatcher.sweep();
        } catch (RuntimeException e) {
            log.warn("sweep failed, next run in {} cause={}", properties.sweepInterval(), e.getClass().getSimpleName());
        }
    }
}
