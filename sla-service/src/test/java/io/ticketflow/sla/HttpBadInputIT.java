package io.ticketflow.sla;

import io.ticketflow.testkit.HttpBadInputContract;
import io.ticketflow.testkit.TicketflowServiceTest;

/** Bad bodies on every JSON endpoint of sla-service: a 4xx problem each, nothing stored ({@link HttpBadInputContract}). */
@TicketflowServiceTest
class HttpBadInputIT extends HttpBadInputContract {

    @Override
    protected int jsonEndpoints() {
        return 2;
    }
}
