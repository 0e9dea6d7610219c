package io.ticketflow.intake;

import io.ticketflow.testkit.ServiceBoundaries;
import org.junit.jupiter.api.Test;

class ArchitectureTest {

    @Test
    void intake_depends_on_no_other_service() {
        ServiceBoundaries.assertServiceStandsAlone("intake");
    }
}
