package io.ticketflow.routing.assignment;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code ticketflow.routing.assignment.*}.
 *
 * @param claimLease    how long one worker may decide about a ticket before another may take over
 * @param sweepInterval how often abandoned decisions are retried and free capacity is offered to the queue
 * @param pullBatch     waiting tickets looked at per agent when capacity appears
 * @param firstTouchWindow how long an agent has to touch a new assignment before it goes to someone else
 * @param firstTouchCheckInterval how often assignments past their first-touch deadline are looked up (indexed)
 */
@ConfigurationProperties("ticketflow.routing.assignment")
record AssignmentProperties(
        @DefaultValue("30s") Duration claimLease,
        @DefaultValue("5s") Duration sweepInterval,
        @DefaultValue("200") int pullBatch,
        @DefaultValue("10m") Duration firstTouchWindow,
        @DefaultValue("10s") Duration firstTouchCheckInterval) {

    AssignmentProperties {
        if (claimLease.isNegative() || claimLease.isZero()) {
            throw new IllegalArgumentException("ticketflow.routing.assignment.claim-lease must be positive");
        }
        if (sweepInterval.isNegative() || sweepInterval.isZero()) {
            throw new IllegalArgumentException("ticketflow.routing.assignment.sweep-interval must be positive");
        }
        if (firstTouchWindow.isNegative() || firstTouchWindow.isZero()) {
            throw new IllegalArgumentException("ticketflow.routing.assignment.first-touch-window must be positive");
        }
        if (firstTouchCheckInterval.isNegative() || firstTouchCheckInterval.isZero()) {
            throw new IllegalArgumentException("ticketflow.routing.assignment.first-touch-check-interval must be positive");
        }
        if (pullBatch < 1) {
            throw new IllegalArgumentException("ticketflow.routing.assignment.pull-batch must be at least 1");
        }
    }
}
