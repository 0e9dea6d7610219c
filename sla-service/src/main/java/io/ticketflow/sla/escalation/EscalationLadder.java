package io.ticketflow.sla.escalation;

import io.ticketflow.events.EscalationLevel;
import io.ticketflow.events.SlaMetric;
import java.util.Optional;

/**
 * The escalation ladder, plain rules: GENERAL (team lead) on a breach; MAJOR (supervisor) on a
 * second breach, a P0 system fault still open after its first hour, or routing's request (third
 * transfer); CRITICAL (manager) on a breach while at MAJOR or a public-opinion risk. A ticket only
 * climbs: a trigger that would not lift it above its current level changes nothing.
 */
public final class EscalationLadder {

    private final EscalationProperties rules;

    public EscalationLadder(EscalationProperties rules) {
        this.rules = rules;
    }

    /**
     * A step up the ladder.
     *
     * @param trigger why, as {@code TicketEscalated.trigger} says it
     */
    public record Step(EscalationLevel level, String trigger) {
    }

    /** A breach of a clock; {@code breachNo} counts the ticket's breaches, this one included. */
    public Optional<Step> onBreach(EscalationLevel current, int breachNo, SlaMetric metric, boolean p0SystemFault) {
        Step step;
        if (current == EscalationLevel.MAJOR) {
            step = new Step(rules.breachAtMajor(), "breach-at-major:" + metric);
        } else if (breachNo >= 2) {
            step = new Step(rules.repeatedBreach(), "second-breach");
        } else {
            step = new Step(rules.firstBreach(), "breach:" + metric);
        }
        if (p0SystemFault && rules.p0SystemFault().compareTo(step.level()) >= 0) {
            step = new Step(rules.p0SystemFault(), "p0-system-fault-open-1h");
        }
        return above(current, step);
    }

    /** Routing asked for an escalation, e.g. on the third transfer. */
    public Optional<Step> onRequest(EscalationLevel current, EscalationLevel requested, String trigger) {
        return above(current, new Step(requested, trigger));
    }

    /** Intake flagged the ticket as a public-opinion risk. */
    public Optional<Step> onPublicOpinionRisk(EscalationLevel current) {
        return above(current, new Step(rules.publicOpinionRisk(), "public-opinion-risk"));
    }

    /** Who must act at a level. */
    public static String roleOf(EscalationLevel level) {
        if (level == EscalationLevel.GENERAL) {
            return "TEAM_LEAD";
        } else if (level == EscalationLevel.MAJOR) {
            return "SUPERVISOR";
        }
        return "MANAGER";
    }

    private static Optional<Step> above(EscalationLevel current, Step step) {
        return current == null || step.level().compareTo(current) > 0 ? Optional.of(step) : Optional.empty();
    }
}
