package io.ticketflow.routing.assignment;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;

/**
 * Every {@code ticketflow.routing.assignment.first-touch-check-interval}, asks MongoDB for the
 * assignments whose first-touch deadline has passed, with one range query on the
 * {@code (status, touchDueAt)} index (touched assignments no longer carry a deadline, so the
 * query never scans the assignments that are fine), and reassigns them.
 */
@Component
class FirstTouchWatch implements SchedulingConfigurer {

    private static final Logger log = LoggerFactory.getLogger(FirstTouchWatch.class);

    private final Dispatcher dispatcher;
    private final AssignmentProperties properties;

    FirstTouchWatch(Dispatcher dispatcher, AssignmentProperties properties) {
        this.dispatcher = dispatcher;
        this.properties = properties;
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        registrar.addFixedDelayTask(this::checkQuietly, properties.firstTouchCheckInterval());
    }

    private void checkQuietly() {
        try {
            dispatcher.reassignUntouched();
        } catch (RuntimeException e) {
            log.warn("first-touch check failed, next run in {} cause={}", properties.firstTouchCheckInterval(),
                    e.getClass().getSimpleName());
        }
    }
}
