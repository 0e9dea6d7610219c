package io.ticketflow.routing.agent;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.ticketflow.events.Department;
import io.ticketflow.events.Presence;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ByteArrayResource;

class RosterFileTest {

    private final Validator validator = Validation.buildDefaultValidatorFactory().getValidator();

    @Test
    void a_roster_file_gives_teams_and_agents_with_skills_capacity_vip_customers_and_presence() {
        RosterFile file = RosterLoader.read(yaml("""
                teams:
                  - id: billing-team
                    department: CUSTOMER_SERVICE
                    lead: lead-1
                    supervisor: sup-1
                agents:
                  - id: a-1
                    name: Li Wei
                    team: billing-team
                    department: CUSTOMER_SERVICE
                    skills: {billing: 4, payment: 3}
                    capacity: 5
                    vip-customers: [c-vip-1]
                    presence: ONLINE
                """));

        assertThat(file.teams()).singleElement().satisfies(team -> {
            assertThat(team.id()).isEqualTo("billing-team");
            assertThat(team.lead()).isEqualTo("lead-1");
            assertThat(team.department()).isEqualTo(Department.CUSTOMER_SERVICE);
        });
        assertThat(file.agents()).singleElement().satisfies(agent -> {
            assertThat(agent.skills()).containsEntry("billing", 4).containsEntry("payment", 3);
            assertThat(agent.capacity()).isEqualTo(5);
            assertThat(agent.vipCustomers()).containsExactly("c-vip-1");
            assertThat(agent.presence()).isEqualTo(Presence.ONLINE);
        });
        assertThat(RosterLoader.problems(file, validator)).isEmpty();
    }

    @Test
    void every_bad_entry_is_named_so_the_start_fails_with_a_clear_message() {
        RosterFile file = RosterLoader.read(yaml("""
                teams:
                  - id: t-1
                    lead: l
                agents:
                  - id: ok-agent
                    name: Fine
                    department: TECH
                    capacity: 2
                  - id: bad agent
                    name: ""
                    department: TECH
                    skills: {network: 9}
                    capacity: -1
                """));

        assertThat(RosterLoader.problems(file, validator))
                .anyMatch(p -> p.startsWith("teams[0].supervisor"))
                .anyMatch(p -> p.startsWith("agents[1].id"))
                .anyMatch(p -> p.startsWith("agents[1].name"))
                .anyMatch(p -> p.startsWith("agents[1].capacity"))
                .anyMatch(p -> p.startsWith("agents[1].skills"))
                .noneMatch(p -> p.startsWith("agents[0]"));
    }

    private static ByteArrayResource yaml(String text) {
        return new ByteArrayResource(text.getBytes(UTF_8));
    }
}
