package io.ticketflow.routing.assignment;

import static org.assertj.core.api.Assertions.assertThat;

import io.ticketflow.events.Department;
import io.ticketflow.events.Presence;
import io.ticketflow.events.Priority;
import io.ticketflow.routing.agent.Agent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class SkillMatchTest {

    private final SkillMatch skillMatch = new SkillMatch(1);

    @Nested
    class Who_qualifies {

        @Test
        void an_online_agent_with_free_capacity_and_a_skill_for_every_tag() {
            Agent billing = agent("billing-expert").skill("billing", 3).build();
            Agent both = agent("billing-and-refund").skill("billing", 1).skill("refund", 1).build();
            Agent shipping = agent("shipping-expert").skill("shipping", 5).build();

            assertThat(ranked(ticket(Department.TECH, "billing", "refund"), billing, both, shipping))
                    .containsExactly("billing-and-refund");
        }

        @Test
        void nobody_who_is_away_offline_or_without_room_for_one_more_unit() {
            Agent away = agent("away").skill("billing", 5).presence(Presence.AWAY).build();
            Agent offline = agent("offline").skill("billing", 5).presence(Presence.OFFLINE).build();
            Agent full = agent("full").skill("billing", 5).capacity(2).load(2).build();
            Agent free = agent("free").skill("billing", 1).capacity(2).load(1).build();

            assertThat(ranked(ticket(Department.TECH, "billing"), away, offline, full, free)).containsExactly("free");
        }

        @Test
        void for_an_untagged_ticket_any_online_agent_of_its_department_and_nobody_else() {
            Agent tech = agent("tech").department(Department.TECH).build();
            Agent skilledElsewhere = agent("ops").department(Department.OPERATIONS).skill("billing", 5).build();

            List<Candidate> candidates = skillMatch.rank(ticket(Department.TECH), List.of(tech, skilledElsewhere));

            assertThat(candidates).extracting(c -> c.agent().agentId()).containsExactly("tech");
            assertThat(candidates.get(0).reason()).isEqualTo(SkillMatch.DEPARTMENT_MATCH);
        }

        @Test
        void tags_match_whatever_their_case() {
            Agent billing = agent("billing").skill("billing", 2).build();

            assertThat(ranked(ticket(Department.TECH, "Billing"), billing)).containsExactly("billing");
        }

        @Test
        void a_tagged_ticket_nobody_has_a_skill_for_has_no_candidate() {
            Agent tech = agent("tech").department(Department.TECH).skill("network", 5).build();

            assertThat(ranked(ticket(Department.TECH, "billing"), tech)).isEmpty();
        }
    }

    @Nested
    class Ranking {

        @Test
        void the_tickets_own_department_comes_before_a_higher_skill_score() {
            Agent expertElsewhere = agent("expert-ops").department(Department.OPERATIONS).skill("billing", 5).build();
            Agent novice = agent("novice-tech").department(Department.TECH).skill("billing", 1).build();

            assertThat(ranked(ticket(Department.TECH, "billing"), expertElsewhere, novice))
                    .containsExactly("novice-tech", "expert-ops");
        }

        @Test
        void within_the_department_the_higher_skill_score_wins_summed_over_all_tags() {
            Agent strong = agent("strong").skill("billing", 5).skill("refund", 2).build();
            Agent even = agent("even").skill("billing", 3).skill("refund", 3).build();
            Agent weak = agent("weak").skill("billing", 2).skill("refund", 2).build();

            assertThat(ranked(ticket(Department.TECH, "billing", "refund"), weak, even, strong))
                    .containsExactly("strong", "even", "weak");
        }

        @Test
        void with_equal_scores_the_least_loaded_agent_wins() {
            Agent busy = agent("busy").skill("billing", 4).capacity(5).load(3).build();
            Agent quiet = agent("quiet").skill("billing", 4).capacity(5).load(1).build();

            assertThat(ranked(ticket(Department.TECH, "billing"), busy, quiet)).containsExactly("quiet", "busy");
        }

        @Test
        void with_equal_load_the_agent_idle_for_longest_wins_and_never_assigned_counts_as_longest() {
            Agent recent = agent("recent").skill("billing", 4).lastAssignedAt("2026-11-23T10:00:00Z").build();
            Agent earlier = agent("earlier").skill("billing", 4).lastAssignedAt("2026-11-23T08:00:00Z").build();
            Agent never = agent("never").skill("billing", 4).build();

            assertThat(ranked(ticket(Department.TECH, "billing"), recent, earlier, never))
                    .containsExactly("never", "earlier", "recent");
        }
    }

    @Nested
    class Vip_customers {

        @Test
        void go_to_their_dedicated_agent_first_even_over_a_better_skilled_agent_of_the_department() {
            Agent expert = agent("expert").department(Department.TECH).skill("billing", 5).build();
            Agent dedicated = agent("dedicated").department(Department.CUSTOMER_SERVICE).vip("c-vip-1").build();

            List<Candidate> candidates = skillMatch.rank(vipTicket("c-vip-1", "billing"), List.of(expert, dedicated));

            assertThat(candidates).extracting(c -> c.agent().agentId()).containsExactly("dedicated", "expert");
            assertThat(candidates.get(0).reason()).isEqualTo(SkillMatch.VIP_DEDICATED);
        }

        @Test
        void go_to_the_best_other_agent_when_the_dedicated_agent_is_offline_or_full() {
            Agent expert = agent("expert").skill("billing", 5).build();
            Agent offline = agent("dedicated-offline").vip("c-vip-1").presence(Presence.OFFLINE).build();
            Agent full = agent("dedicated-full").vip("c-vip-1").capacity(1).load(1).build();

            assertThat(ranked(vipTicket("c-vip-1", "billing"), expert, offline, full)).containsExactly("expert");
        }

        @Test
        void other_customers_get_no_preference_from_someone_elses_dedicated_agent() {
            Agent dedicated = agent("dedicated").vip("c-vip-1").skill("billing", 1).build();
            Agent expert = agent("expert").skill("billing", 5).build();

            assertThat(ranked(vipTicket("c-other", "billing"), dedicated, expert)).containsExactly("expert", "dedicated");
        }
    }

    @Nested
    class Relaxation_while_waiting {

        private final SkillMatch strict = new SkillMatch(3);

        @Test
        void at_first_every_tag_needs_the_minimum_proficiency() {
            Agent expert = agent("expert").skill("billing", 3).skill("refund", 4).build();
            Agent novice = agent("novice").skill("billing", 2).skill("refund", 5).build();

            assertThat(strict.rank(ticket(Department.TECH, "billing", "refund"), List.of(expert, novice)))
                    .extracting(c -> c.agent().agentId() + ":" + c.reason())
                    .containsExactly("expert:skill-match");
        }

        @Test
        void a_lowered_proficiency_lets_the_novice_in_behind_the_expert_with_a_relaxed_reason() {
            Agent expert = agent("expert").skill("billing", 3).skill("refund", 4).build();
            Agent novice = agent("novice").skill("billing", 2).skill("refund", 2).build();

            List<Candidate> ranked = strict.rank(ticket(Department.TECH, "billing", "refund"), List.of(novice, expert),
                    new Relaxation.Requirement(3, 2, false, false));

            assertThat(ranked).extracting(c -> c.agent().agentId() + ":" + c.reason())
                    .containsExactly("expert:skill-match", "novice:relaxed-skill-match");
        }

        @Test
        void dropping_a_tag_admits_an_agent_missing_one_of_several_tags_but_not_two() {
            Agent missingOne = agent("missing-one").skill("billing", 1).skill("refund", 1).build();
            Agent missingTwo = agent("missing-two").skill("billing", 5).build();
            RoutableTicket ticket = ticket(Department.TECH, "billing", "refund", "invoice");

            assertThat(strict.rank(ticket, List.of(missingOne, missingTwo), new Relaxation.Requirement(3, 1, false, false)))
                    .isEmpty();
            assertThat(strict.rank(ticket, List.of(missingOne, missingTwo), new Relaxation.Requirement(3, 1, true, false)))
                    .extracting(c -> c.agent().agentId()).containsExactly("missing-one");
        }

        @Test
        void the_last_step_admits_any_agent_of_the_department_but_nobody_from_elsewhere() {
            Agent colleague = agent("colleague").department(Department.TECH).skill("network", 5).build();
            Agent elsewhere = agent("elsewhere").department(Department.OPERATIONS).build();

            List<Candidate> ranked = strict.rank(ticket(Department.TECH, "billing"), List.of(colleague, elsewhere),
                    new Relaxation.Requirement(3, 1, true, true));

            assertThat(ranked).extracting(c -> c.agent().agentId() + ":" + c.reason())
                    .containsExactly("colleague:department-fallback");
        }
    }

    @Nested
    class Weighted_capacity {

        @Test
        void a_ticket_fits_when_load_plus_its_weight_stays_within_capacity() {
            Agent agent = agent("a").capacity(5).load(3).build();

            assertThat(agent.fits(2)).isTrue();
            assertThat(agent.fits(3)).isFalse();
        }

        @Test
        void an_idle_agent_takes_one_ticket_heavier_than_their_capacity_but_capacity_zero_takes_nothing() {
            assertThat(agent("idle").capacity(2).load(0).build().fits(3)).isTrue();
            assertThat(agent("closed").capacity(0).load(0).build().fits(1)).isFalse();
        }

        @Test
        void the_default_weights_make_p0_count_more_than_p3_and_can_be_overridden() {
            CapacityProperties defaults = new CapacityProperties(null);
            CapacityProperties tuned = new CapacityProperties(Map.of(Priority.P0, 5));

            assertThat(defaults.weightOf(Priority.P0)).isGreaterThan(defaults.weightOf(Priority.P3));
            assertThat(tuned.weightOf(Priority.P0)).isEqualTo(5);
            assertThat(tuned.weightOf(Priority.P1)).isEqualTo(defaults.weightOf(Priority.P1));
        }
    }

    private List<String> ranked(RoutableTicket ticket, Agent... agents) {
        return skillMatch.rank(ticket, List.of(agents)).stream().map(c -> c.agent().agentId()).toList();
    }

    private static RoutableTicket ticket(Department department, String... tags) {
        return new RoutableTicket("t-1", "202611-000001", department, Priority.P2, List.of(tags), "c-1");
    }

    private static RoutableTicket vipTicket(String customerId, String... tags) {
        return new RoutableTicket("t-1", "202611-000001", Department.TECH, Priority.P1, List.of(tags), customerId);
    }

    static AgentBuilder agent(String id) {
        return new AgentBuilder(id);
    }

    /** An online TECH agent with capacity 5 and no load unless told otherwise. */
    static final class AgentBuilder {
        private final String id;
        private Department department = Department.TECH;
        private final Map<String, Integer> skills = new HashMap<>();
        private int capacity = 5;
        private int load;
        private Presence presence = Presence.ONLINE;
        private Instant lastAssignedAt;
        private final List<String> vip = new ArrayList<>();

        private AgentBuilder(String id) {
            this.id = id;
        }

        AgentBuilder department(Department value) {
            department = value;
            return this;
        }

        AgentBuilder skill(String tag, int proficiency) {
            skills.put(tag, proficiency);
            return this;
        }

        AgentBuilder capacity(int value) {
            capacity = value;
            return this;
        }

        AgentBuilder load(int value) {
            load = value;
            return this;
        }

        AgentBuilder presence(Presence value) {
            presence = value;
            return this;
        }

        AgentBuilder lastAssignedAt(String instant) {
            lastAssignedAt = Instant.parse(instant);
            return this;
        }

        AgentBuilder vip(String customerId) {
            vip.add(customerId);
            return this;
        }

        Agent build() {
            return new Agent(id, "Agent " + id, "team-" + department.id(), department, skills, capacity, vip, presence,
                    load, List.of(), List.of(), Map.of(), lastAssignedAt, 0, null, null, null);
        }
    }
}
