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
 * An agent qualifies for a ticket when they are the dedicated agent of its customer (VIP), or
 * when they have a skill for at least one of its tags, or, for a ticket without tags, when they
 * belong to its department. Among the qualified agents who are online with free capacity the
 * best is: the VIP's dedicated agent; then an agent of the ticket's own department; then the
 * highest skill score (sum of proficiencies in the ticket's tags); then the least loaded; then
 * the one who waited longest since their last assignment (never assigned counts as longest).
 */
public final class SkillMatch {

    /** The customer's dedicated agent took the ticket. */
    public static final String VIP_DEDICATED = "vip-dedicated";
    /** An agent with a skill for the ticket's tags took it. */
    public static final String SKILL_MATCH = "skill-match";
    /** An untagged ticket went to an agent of its department. */
    public static final String DEPARTMENT_MATCH = "department-match";
    /** A reservation found after a crash was kept although the agent no longer qualifies. */
    public static final String RESERVATION_RECOVERED = "reservation-recovered";

    private static final Comparator<Candidate> BEST_FIRST = comparing(Candidate::dedicated, reverseOrder())
            .thenComparing(Candidate::sameDepartment, reverseOrder())
            .thenComparing(Candidate::score, reverseOrder())
            .thenComparingInt(c -> c.agent().load())
            .thenComparing(c -> c.agent().lastAssignedAt(), nullsFirst(naturalOrder()))
            .thenComparing(c -> c.agent().agentId());

    /** The agents who can take the ticket now (online, free capacity, qualified), best first. */
    public List<Candidate> rank(RoutableTicket ticket, Collection<Agent> agents) {
        return agents.stream()
                .filter(Agent::online)
                .filter(Agent::hasFreeCapacity)
                .map(agent -> assess(ticket, agent))
                .flatMap(Optional::stream)
                .sorted(BEST_FIRST)
                .toList();
    }

    /** Whether the agent qualifies for the ticket at all, whatever their presence and load. */
    public Optional<Candidate> assess(RoutableTicket ticket, Agent agent) {
        boolean dedicated = agent.dedicatedTo(ticket.customerId());
        boolean sameDepartment = agent.department() == ticket.department();
        int score = ticket.tags().stream().mapToInt(agent::proficiency).sum();
        String reason;
        if (dedicated) {
            reason = VIP_DEDICATED;
        } else if (ticket.tags().isEmpty()) {
            if (!sameDepartment) {
                return Optional.empty();
            }
            reason = DEPARTMENT_MATCH;
        } else if (score > 0) {
            reason = SKILL_MATCH;
        } else {
            return Optional.empty();
        }
        return Optional.of(new Candidate(agent, reason, dedicated, sameDepartment, score));
    }
}
