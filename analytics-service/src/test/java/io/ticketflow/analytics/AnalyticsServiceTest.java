package io.ticketflow.analytics;

import io.ticketflow.testkit.TicketflowServiceTest;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;

/**
 * analytics-service on the real broker and MongoDB with a {@link TestClock}; every IT of the
 * module uses this one configuration, so they share one Spring context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@TicketflowServiceTest
@Import(TestClock.Config.class)
@TestPropertySource(properties = {
        "ticketflow.analytics.alerts.evaluation-interval=500ms",
        "ticketflow.analytics.kpi.all-time-interval=0s",
        "ticketflow.analytics.alerts.hot-issue-min-tickets=3"})
public @interface AnalyticsServiceTest {
}
