package io.ticketflow.routing;

import io.ticketflow.testkit.ServiceBoundaries;
import org.junit.jupiter.api.Test;

class ArchitectureTest {

    @Test
    void routing_depends_on_no_other_service() {
        ServiceBoundaries.assertServiceStandsAlone("routing");
    }
}
