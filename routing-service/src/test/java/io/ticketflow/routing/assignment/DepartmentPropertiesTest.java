package io.ticketflow.routing.assignment;

import static org.assertj.core.api.Assertions.assertThat;

import io.ticketflow.events.Channel;
import io.ticketflow.events.Department;
import io.ticketflow.events.Nature;
import io.ticketflow.events.Priority;
import io.ticketflow.events.TicketCreated;
import io.ticketflow.events.TicketStatus;
import io.ticketflow.events.TicketType;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DepartmentPropertiesTest {

    private final DepartmentProperties departments = new DepartmentProperties(
            Map.of("Logistics", Department.LOGISTICS, "defect", Department.QUALITY));

    @Test
    void the_type_decides_when_no_tag_is_listed() {
        assertThat(departments.owning(created(TicketType.FUNCTION, Department.TECH, "billing"))).isEqualTo(Department.TECH);
    }

    @Test
    void a_listed_tag_overrides_the_type_whatever_its_case_and_the_first_listed_tag_wins() {
        assertThat(departments.owning(created(TicketType.SERVICE, Department.CUSTOMER_SERVICE, "billing", "LOGISTICS", "defect")))
                .isEqualTo(Department.LOGISTICS);
    }

    private static TicketCreated created(TicketType type, Department department, String... tags) {
        return new TicketCreated("t-1", "202611-000001", 1, Instant.parse("2026-11-23T09:00:00Z"), Channel.WEB, "c-1", null,
                false, "s", "d", List.of(tags), type, Nature.COMPLAINT, Priority.P2, department, TicketStatus.NEW, List.of());
    }
}
