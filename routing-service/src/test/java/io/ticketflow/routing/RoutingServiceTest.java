package io.ticketflow.routing;

import io.ticketflow.testkit.TicketflowServiceTest;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.test.context.TestPropertySource;

/**
 * The routing service as most ITs run it (one shared Spring context): the test roster file is
 * loaded, the sweep runs often, and relaxation steps lie a day away so a ticket waits exactly as
 * long as the scenario says (the scenarios that drive time use their own context).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@TicketflowServiceTest
@TestPropertySource(properties = {
        "ticketflow.routing.roster.file=classpath:test-roster.yml",
        "ticketflow.routing.assignment.sweep-interval=500ms",
        "ticketflow.routing.relaxation.steps[0].after=1d", "ticketflow.routing.relaxation.steps[0].before-due=0s",
        "ticketflow.routing.relaxation.steps[1].after=1d", "ticketflow.routing.relaxation.steps[1].before-due=0s",
        "ticketflow.routing.relaxation.steps[2].after=1d", "ticketflow.routing.relaxation.steps[2].before-due=0s",
        "ticketflow.routing.relaxation.steps[3].after=1d", "ticketflow.routing.relaxation.steps[3].before-due=0s"})
@interface RoutingServiceTest {
}
