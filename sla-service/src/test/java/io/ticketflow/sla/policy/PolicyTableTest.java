package io.ticketflow.sla.policy;

import static io.ticketflow.events.Priority.P0;
import static io.ticketflow.events.Priority.P1;
import static io.ticketflow.events.Priority.P2;
import static io.ticketflow.events.Priority.P3;
import static io.ticketflow.events.SlaMetric.FIRST_RESPONSE;
import static io.ticketflow.events.SlaMetric.RESOLUTION;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ticketflow.events.Priority;
import io.ticketflow.events.SlaMetric;
import io.ticketflow.sla.ApplicationYaml;
import io.ticketflow.sla.calendar.BusinessCalendar;
import io.ticketflow.sla.calendar.CalendarProperties;
import io.ticketflow.sla.calendar.TimeMode;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The seed table shipped in application.yml, as the source documents (003 §2) give it. */
class PolicyTableTest {

    private final PolicyTable table = ApplicationYaml.bind("ticketflow.sla.policies", PolicyProperties.class, Map.of()).toTable();
    private final BusinessCalendar calendar = ApplicationYaml.bind("ticketflow.sla", CalendarProperties.class, Map.of())
            .toCalendars().get(table.calendar());

    @Test
    void first_response_per_priority() {
        assertPolicy(FIRST_RESPONSE, P0, Duration.ofMinutes(15), TimeMode.CALENDAR);
        assertPolicy(FIRST_RESPONSE, P1, Duration.ofHours(2), TimeMode.CALENDAR);
        assertPolicy(FIRST_RESPONSE, P2, Duration.ofHours(4), TimeMode.CALENDAR);
        assertPolicy(FIRST_RESPONSE, P3, Duration.ofHours(9), TimeMode.WORKING);
        assertThat(table.policyFor(FIRST_RESPONSE, P3).allowance().workingDays()).isEqualTo(1);
    }

    @Test
    void resolution_per_priority() {
        assertPolicy(RESOLUTION, P0, Duration.ofHours(24), TimeMode.CALENDAR);
        assertPolicy(RESOLUTION, P1, Duration.ofHours(8), TimeMode.CALENDAR);
        assertPolicy(RESOLUTION, P2, Duration.ofHours(8), TimeMode.CALENDAR);
        assertPolicy(RESOLUTION, P3, Duration.ofHours(27), TimeMode.WORKING);
        assertThat(table.policyFor(RESOLUTION, P3).allowance().workingDays()).isEqualTo(3);
    }

    @Test
    void the_table_lists_every_metric_and_priority_on_the_default_calendar() {
        assertThat(table.calendar()).isEqualTo("default");
        assertThat(table.all()).hasSize(18);
        assertThat(table.all().get(0)).extracting(SlaPolicy::metric, SlaPolicy::priority).containsExactly(FIRST_RESPONSE, P0);
    }

    @Test
    void the_cross_department_milestones_and_the_p0_emergency_milestone() {
        assertThat(table.emergencyHandling().allowance()).isEqualTo(Allowance.calendarTime(Duration.ofHours(1)));
        assertThat(table.emergencyHandling().scope()).isEqualTo(SlaPolicy.EMERGENCY_HANDLING);
        assertThat(table.departmentAnswer(io.ticketflow.events.Department.LOGISTICS).orElseThrow().allowance())
                .isEqualTo(Allowance.calendarTime(Duration.ofHours(1)));
        assertThat(table.departmentAnswer(io.ticketflow.events.Department.RND).orElseThrow().allowance())
                .isEqualTo(Allowance.calendarTime(Duration.ofHours(24)));
        assertThat(table.departmentAnswer(io.ticketflow.events.Department.TECH)).isEmpty();
        assertPolicy(SlaMetric.NEEDS_INFO_FOLLOW_UP, P2, Duration.ofHours(9), TimeMode.WORKING);
        assertPolicy(SlaMetric.COLLABORATOR_PROGRESS, P0, Duration.ofHours(2), TimeMode.CALENDAR);
        assertPolicy(SlaMetric.CALLBACK, P3, Duration.ofHours(4), TimeMode.WORKING);
        assertPolicy(SlaMetric.NEXT_RESPONSE, P1, Duration.ofHours(2), TimeMode.CALENDAR);
    }

    @Test
    void a_configured_value_overrides_the_seed() {
        PolicyTable changed = ApplicationYaml.bind("ticketflow.sla.policies", PolicyProperties.class, Map.of(
                "ticketflow.sla.policies.first-response.p1.time", "PT1H",
                "ticketflow.sla.policies.first-response.p1.mode", "working")).toTable();

        assertThat(changed.policyFor(FIRST_RESPONSE, P1).allowance()).isEqualTo(Allowance.workingTime(Duration.ofHours(1)));
        assertThat(changed.policyFor(FIRST_RESPONSE, P2).allowance()).isEqualTo(Allowance.calendarTime(Duration.ofHours(4)));
    }

    @Test
    void a_table_missing_a_priority_is_refused() {
        PolicyProperties incomplete = ApplicationYaml.bindOnly("ticketflow.sla.policies", PolicyProperties.class, Map.of(
                "ticketflow.sla.policies.first-response.p0.time", "PT15M"));

        assertThatThrownBy(incomplete::toTable).hasMessageContaining("no FIRST_RESPONSE policy for P1");
    }

    @Test
    void an_allowance_is_a_positive_time_or_a_number_of_working_days() {
        assertThat(Allowance.workingDays(2).budgetOn(calendar)).isEqualTo(Duration.ofHours(18));
        assertThat(new Allowance(Duration.ofHours(2), null, null).mode()).isEqualTo(TimeMode.CALENDAR);
        assertThat(new Allowance(null, 1, null).mode()).isEqualTo(TimeMode.WORKING);
        assertThatThrownBy(() -> new Allowance(Duration.ofHours(2), 1, null)).hasMessageContaining("exactly one");
        assertThatThrownBy(() -> new Allowance(null, null, null)).hasMessageContaining("exactly one");
        assertThatThrownBy(() -> new Allowance(Duration.ZERO, null, null)).hasMessageContaining("positive");
        assertThatThrownBy(() -> new Allowance(null, 0, null)).hasMessageContaining("at least 1");
        assertThatThrownBy(() -> new Allowance(null, 1, TimeMode.CALENDAR)).hasMessageContaining("working time");
    }

    private void assertPolicy(SlaMetric metric, Priority priority, Duration budget, TimeMode mode) {
        SlaPolicy policy = table.policyFor(metric, priority);
        assertThat(policy.allowance().budgetOn(calendar)).as("%s %s budget", metric, priority).isEqualTo(budget);
        assertThat(policy.allowance().mode()).as("%s %s mode", metric, priority).isEqualTo(mode);
    }
}
