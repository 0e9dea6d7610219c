package io.ticketflow.sla;

import io.ticketflow.testkit.ServiceBoundaries;
import org.junit.jupiter.api.Test;

class ArchitectureTest {

    @Test
    void sla_service_depends_on_no_other_service() {
        ServiceBoundaries.assertServiceStandsAlone("sla");
    }
}
