package io.ticketflow.routing.assignment;

import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * How far a waiting ticket's skill requirement has been loosened (see {@link RelaxationProperties}).
 * Plain Java: the level follows from the wait, the SLA due time and now alone, so every instance
 * and every restart computes the same level without storing it.
 */
final class Relaxation {

    private final RelaxationProperties properties;

    Relaxation(RelaxationProperties properties) {
        this.properties = properties;
    }

    /** 0 = strict; {@code min-proficiency + 1} = any agent of the department. */
    int level(Instant queuedAt, @Nullable Instant dueAt, Instant now) {
        Duration waited = Duration.between(queuedAt, now);
        Duration untilDue = dueAt == null ? null : Duration.between(now, dueAt);
        int level = 0;
        for (int i = 0; i < properties.steps().size(); i++) {
            RelaxationProperties.Step step = properties.steps().get(i);
            boolean waitedEnough = waited.compareTo(step.after()) >= 0;
            boolean deadlineNear = untilDue != null && untilDue.compareTo(step.beforeDue()) <= 0;
            if (waitedEnough || deadlineNear) {
                level = i + 1;
            }
        }
        return level;
    }

    /** What an agent must bring at this level. */
    Requirement requirement(int level) {
        int min = properties.minProficiency();
        return new Requirement(min, Math.max(1, min - level), level >= min, level >= min + 1);
    }

    /**
     * @param strictProficiency the proficiency the strict rule asks for every tag
     * @param proficiency       the proficiency every (covered) tag needs now
     * @param missOneTag        one tag of several may be missing
     * @param anyOfDepartment   any agent of the ticket's department qualifies
     */
    record Requirement(int strictProficiency, int proficiency, boolean missOneTag, boolean anyOfDepartment) {

        /** Nothing relaxed. */
        static Requirement strict(int proficiency) {
            return new Requirement(proficiency, proficiency, false, false);
        }
    }
}
