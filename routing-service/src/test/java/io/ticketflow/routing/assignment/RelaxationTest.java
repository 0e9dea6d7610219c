package io.ticketflow.routing.assignment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class RelaxationTest {

    private static final Instant QUEUED = Instant.parse("2026-11-23T09:00:00Z");

    private final Relaxation relaxation = new Relaxation(new RelaxationProperties(3, List.of(
            step(2, 60), step(4, 45), step(6, 30), step(10, 15))));

    @Test
    void a_fresh_ticket_far_from_its_deadline_is_matched_strictly() {
        assertThat(relaxation.level(QUEUED, QUEUED.plus(Duration.ofHours(8)), QUEUED.plusSeconds(30))).isZero();
        assertThat(relaxation.requirement(0)).isEqualTo(new Relaxation.Requirement(3, 3, false, false));
    }

    @Test
    void waiting_lowers_the_proficiency_step_by_step_then_drops_a_tag_then_opens_the_department() {
        assertThat(levelAfterMinutes(2)).isEqualTo(1);
        assertThat(relaxation.requirement(1)).isEqualTo(new Relaxation.Requirement(3, 2, false, false));
        assertThat(levelAfterMinutes(4)).isEqualTo(2);
        assertThat(relaxation.requirement(2)).isEqualTo(new Relaxation.Requirement(3, 1, false, false));
        assertThat(levelAfterMinutes(6)).isEqualTo(3);
        assertThat(relaxation.requirement(3)).isEqualTo(new Relaxation.Requirement(3, 1, true, false));
        assertThat(levelAfterMinutes(10)).isEqualTo(4);
        assertThat(relaxation.requirement(4)).isEqualTo(new Relaxation.Requirement(3, 1, true, true));
    }

    @Test
    void the_steps_come_sooner_as_the_sla_deadline_nears() {
        Instant now = QUEUED.plusSeconds(30);

        assertThat(relaxation.level(QUEUED, now.plus(Duration.ofMinutes(50)), now)).isEqualTo(1);
        assertThat(relaxation.level(QUEUED, now.plus(Duration.ofMinutes(30)), now)).isEqualTo(3);
        assertThat(relaxation.level(QUEUED, now.minus(Duration.ofMinutes(1)), now)).isEqualTo(4);
    }

    @Test
    void without_a_known_deadline_only_the_wait_counts() {
        assertThat(relaxation.level(QUEUED, null, QUEUED.plus(Duration.ofMinutes(3)))).isEqualTo(1);
    }

    @Test
    void the_defaults_have_one_step_per_proficiency_level_plus_two_and_a_wrong_count_is_refused() {
        assertThat(new RelaxationProperties(3, null).steps()).hasSize(4);
        assertThat(new RelaxationProperties(5, null).steps()).hasSize(6);
        assertThatThrownBy(() -> new RelaxationProperties(3, List.of(step(1, 10))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("min-proficiency + 1");
        assertThatThrownBy(() -> new RelaxationProperties(0, null)).isInstanceOf(IllegalArgumentException.class);
    }

    private int levelAfterMinutes(long minutes) {
        return relaxation.level(QUEUED, null, QUEUED.plus(Duration.ofMinutes(minutes)));
    }

    private static RelaxationProperties.Step step(long afterMinutes, long beforeDueMinutes) {
        return new RelaxationProperties.Step(Duration.ofMinutes(afterMinutes), Duration.ofMinutes(beforeDueMinutes));
    }
}
