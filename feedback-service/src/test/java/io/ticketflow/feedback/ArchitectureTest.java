package io.ticketflow.feedback;

import io.ticketflow.testkit.ServiceBoundaries;
import org.junit.jupiter.api.Test;

class ArchitectureTest {

    @Test
    void feedback_shares_nothing_with_other_services_but_the_event_contracts() {
        ServiceBoundaries.assertServiceStandsAlone("feedback");
    }
}
