package io.ticketflow.routing.assignment;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code ticketflow.routing.relaxation.*}: how the skill requirement loosens while a ticket waits.
 * <p>
 * At first an agent must have every tag of the ticket at {@code min-proficiency} or better. Each
 * step loosens it once: the first {@code min-proficiency - 1} steps lower the required
 * proficiency by one (down to 1), the next one lets the agent miss one tag, the last lets any
 * agent of the ticket's department take it. Step <i>i</i> is reached once the ticket waited
 * {@code steps[i].after}, or once its SLA due time is {@code steps[i].before-due} or less away,
 * whichever comes first; so the steps come sooner as the deadline nears.
 *
 * @param minProficiency the proficiency (1–5) every tag needs before any relaxation
 * @param steps          exactly {@code min-proficiency + 1} steps; by default 2 min / 60 min before due,
 *                       then every further 2 min / 15 min nearer the deadline
 */
@ConfigurationProperties("ticketflow.routing.relaxation")
record RelaxationProperties(@DefaultValue("3") int minProficiency, List<Step> steps) {

    /**
     * @param after     reached after this much waiting
     * @param beforeDue reached when the SLA due time is this close (or past)
     */
    record Step(Duration after, Duration beforeDue) {

        Step {
            if (after == null || after.isNegative() || beforeDue == null || beforeDue.isNegative()) {
                throw new IllegalArgumentException("ticketflow.routing.relaxation.steps need after and before-due, not negative");
            }
        }
    }

    RelaxationProperties {
        if (minProficiency < 1 || minProficiency > 5) {
            throw new IllegalArgumentException("ticketflow.routing.relaxation.min-proficiency must be 1-5");
        }
        if (steps == null || steps.isEmpty()) {
            List<Step> defaults = new ArrayList<>();
            for (int i = 0; i <= minProficiency; i++) {
                defaults.add(new Step(Duration.ofMinutes(2L * (i + 1)), Duration.ofMinutes(Math.max(5, 60 - 15L * i))));
            }
            steps = defaults;
        }
        if (steps.size() != minProficiency + 1) {
            throw new IllegalArgumentException("ticketflow.routing.relaxation.steps must have min-proficiency + 1 = "
                    + (minProficiency + 1) + " entries");
        }
        steps = List.copyOf(steps);
    }
}
