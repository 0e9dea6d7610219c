package io.ticketflow.sla.escalation;

import static io.ticketflow.events.EscalationLevel.CRITICAL;
import static io.ticketflow.events.EscalationLevel.GENERAL;
import static io.ticketflow.events.EscalationLevel.MAJOR;
import static org.assertj.core.api.Assertions.assertThat;

import io.ticketflow.events.SlaMetric;
import org.junit.jupiter.api.Test;

/** The ladder: general on a breach, major on a second breach or a P0 system fault, critical above major. */
class EscalationLadderTest {

    private final EscalationLadder ladder = new EscalationLadder(EscalationProperties.defaults());

    @Test
    void a_first_breach_goes_to_the_team_lead() {
        assertThat(ladder.onBreach(null, 1, SlaMetric.FIRST_RESPONSE, false))
                .contains(new EscalationLadder.Step(GENERAL, "breach:FIRST_RESPONSE"));
        assertThat(EscalationLadder.roleOf(GENERAL)).isEqualTo("TEAM_LEAD");
    }

    @Test
    void a_second_breach_goes_to_the_supervisor_and_a_breach_at_major_to_the_manager() {
        assertThat(ladder.onBreach(GENERAL, 2, SlaMetric.RESOLUTION, false)).contains(new EscalationLadder.Step(MAJOR, "second-breach"));
        assertThat(ladder.onBreach(MAJOR, 3, SlaMetric.RESOLUTION, false))
                .contains(new EscalationLadder.Step(CRITICAL, "breach-at-major:RESOLUTION"));
        assertThat(ladder.onBreach(CRITICAL, 4, SlaMetric.RESOLUTION, false)).isEmpty();
        assertThat(EscalationLadder.roleOf(MAJOR)).isEqualTo("SUPERVISOR");
        assertThat(EscalationLadder.roleOf(CRITICAL)).isEqualTo("MANAGER");
    }

    @Test
    void a_p0_system_fault_open_an_hour_goes_straight_to_major() {
        assertThat(ladder.onBreach(null, 1, SlaMetric.RESOLUTION, true))
                .contains(new EscalationLadder.Step(MAJOR, "p0-system-fault-open-1h"));
        // already at major: the breach at major rule wins
        assertThat(ladder.onBreach(MAJOR, 1, SlaMetric.RESOLUTION, true)).map(EscalationLadder.Step::level).contains(CRITICAL);
    }

    @Test
    void routing_requests_and_public_opinion_risk_only_ever_climb() {
        assertThat(ladder.onRequest(GENERAL, MAJOR, "third-transfer")).contains(new EscalationLadder.Step(MAJOR, "third-transfer"));
        assertThat(ladder.onRequest(MAJOR, MAJOR, "third-transfer")).isEmpty();
        assertThat(ladder.onRequest(CRITICAL, GENERAL, "x")).isEmpty();
        assertThat(ladder.onPublicOpinionRisk(null)).contains(new EscalationLadder.Step(CRITICAL, "public-opinion-risk"));
        assertThat(ladder.onPublicOpinionRisk(CRITICAL)).isEmpty();
    }

    @Test
    void the_rules_are_configurable() {
        EscalationLadder strict = new EscalationLadder(new EscalationProperties(MAJOR, CRITICAL, CRITICAL, CRITICAL, CRITICAL, "m"));
        assertThat(strict.onBreach(null, 1, SlaMetric.FIRST_RESPONSE, false)).map(EscalationLadder.Step::level).contains(MAJOR);
        assertThat(strict.onBreach(null, 1, SlaMetric.RESOLUTION, true)).map(EscalationLadder.Step::level).contains(CRITICAL);
    }
}
