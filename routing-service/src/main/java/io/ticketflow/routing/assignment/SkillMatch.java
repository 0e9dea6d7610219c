package io.ticketflow.routing.assignment;

import static java.util.Comparator.comparing;
import static java.util.Comparator.naturalOrder;
import static java.util.Comparator.nullsFirst;
import static java.util.Comparator.reverseOrder;

import io.ticketflow.routing.agent.Agent;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Who should take a ticket. Plain Java, no I/O.
 * <p>
 * An agent qualifies for a ticket when they are the dedicated agent of its customer (VIP); for
 * a ticket without tags, when they belong to its department; otherwise when they have every tag
 * at the required proficiency. While the ticket waits the {@link Relaxation.Requirement} loosens:
 * a lower proficiency, then one tag may be missing, then any agent of the department. Among the
 * qualified agents who are online with free capacity the best is: the VIP's dedicated agent;
 * then an agent of the ticket's own department; then the highest skill score (sum of
 * proficiencies over all the ticket's tags); then the least loaded; then the one who waited
 * longest since their last assignment (never assigned counts as longest).
 */
public final class SkillMatch {

    /** The customer's dedicated agent took the ticket. */
    public static final String VIP_DEDICATED = "vip-dedicated";
    /** An agent with every tag at the strict proficiency took it. */
    public static final String SKILL_MATCH = "skill-match";
    /** An agent who qualifies only under a relaxed requirement took it. */
    public static final String RELAXED_SKILL_MATCH = "relaxed-skill-match";
    /** An untagged ticket went to an agent of its department. */
    public static final String DEPARTMENT_MATCH = "department-match";
    /** After the last relaxation step, any agent of the department took it. */
    public static final String DEPARTMENT_FALLBACK = "department-fallback";
    /** A reservation found after a crash was kept although the agent no longer qualifies. */
    public static final String RESERVATION_RECOVERED = "reservation-recovered";

    private static final Comparator<Candidate> BEST_FIRST = comparing(Candidate::dedicated, reverseOrder())
            .thenComparing(Candidate::sameDepartment, reverseOrder())
            .thenComparing(Candidate::score, reverseOrder())
            .thenComparingInt(c -> c.agent().load())
            .thenComparing(c -> c.agent().lastAssignedAt(), nullsFirst(naturalOrder()))
            .thenComparing(c -> c.agent().agentId());

    private final int strictProficiency;

    /** Strict matching asks for every tag at this proficiency. */
    public SkillMatch(int strictProficiency) {
        this.strictProficiency = strictProficiency;
    }

    /** The agents who can take the ticket now under the strict requirement, best first. */
    public List<Candidate> rank(RoutableTicket ticket, Collection<Agent> agents) {
        return rank(ticket, agents, Relaxation.Requirement.strict(strictProficiency));
    }

    /** The agents who can take the ticket now (online, free capacity, qualified), best first. */
    List<Candidate> rank(RoutableTicket ticket, Collection<Agent> agents, Relaxation.Requirement requirement) {
        return agents.stream()
                .filter(Agent::online)
                .filter(Agent::hasFreeCapacity)
                .map(agent -> assess(ticket, agent, requirement))
                .flatMap(Optional::stream)
                .sorted(BEST_FIRST)
                .toList();
    }

    /** Whether the agent qualifies under the strict requirement, whatever their presence and load. */
    public Optional<Candidate> assess(RoutableTicket ticket, Agent agent) {
        return assess(ticket, agent, Relaxation.Requirement.strict(strictProficiency));
    }

    /** Whether the agent qualifies under this requirement, whatever their presence and load. */
    Optional<Candidate> assess(RoutableTicket ticket, Agent agent, Relaxation.Requirement requirement) {
        boolean dedicated = agent.dedicatedTo(ticket.customerId());
        boolean sameDepartment = agent.department() == ticket.department();
        int score = ticket.tags().stream().mapToInt(agent::proficiency).sum();
        int tags = ticket.tags().size();
        String reason;
        if (dedicated) {
            reason = VIP_DEDICATED;
        } else if (tags == 0) {
            if (!sameDepartment) {
                return Optional.empty();
            }
            reason = DEPARTMENT_MATCH;
        } else if (covered(ticket, agent, requirement.strictProficiency()) == tags) {
            reason = SKILL_MATCH;
        } else if (covered(ticket, agent, requirement.proficiency()) == tags
                || requirement.missOneTag() && covered(ticket, agent, 1) >= Math.max(1, tags - 1)) {
            reason = RELAXED_SKILL_MATCH;
        } else if (requirement.anyOfDepartment() && sameDepartment) {
            reason = DEPARTMENT_FALLBACK;
        } else {
            return Optional.empty();
        }
        return Optional.of(new Candidate(agent, reason, dedicated, sameDepartment, score));
    }

    private static long covered(RoutableTicket ticket, Agent agent, int proficiency) {
        return ticket.tags().stream().filter(tag -> agent.proficiency(tag) >= proficiency).count();
    }
}
