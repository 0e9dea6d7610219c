package io.ticketflow.routing.agent;

import static org.assertj.core.api.Assertions.assertThat;

import io.ticketflow.events.Department;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AgentRequestTest {

    @Test
    void skill_tags_are_stored_lowercased_and_vip_customers_without_duplicates() {
        AgentRequest request = new AgentRequest(" Li Wei ", "billing-team", Department.CUSTOMER_SERVICE,
                Map.of("Billing", 4, "payment", 3), 5, List.of("c-vip-1", "c-vip-1 "));

        AgentProfile profile = request.toProfile();

        assertThat(profile.name()).isEqualTo("Li Wei");
        assertThat(profile.skills()).containsOnly(Map.entry("billing", 4), Map.entry("payment", 3));
        assertThat(profile.vipCustomers()).containsExactly("c-vip-1");
    }

    @Test
    void two_tags_differing_only_in_case_are_refused() {
        AgentRequest clash = new AgentRequest("Li Wei", null, Department.TECH, Map.of("Billing", 4, "billing", 3), 5, null);
        AgentRequest fine = new AgentRequest("Li Wei", null, Department.TECH, Map.of("billing", 4), 5, null);

        assertThat(clash.isSkillTagsDistinct()).isFalse();
        assertThat(fine.isSkillTagsDistinct()).isTrue();
    }
}
