package io.ticketflow.routing.assignment;

import io.ticketflow.routing.agent.Agent;

/**
 * An agent who could take a ticket, with what ranks them.
 *
 * @param reason         why this agent: {@link SkillMatch#VIP_DEDICATED}, {@link SkillMatch#SKILL_MATCH}, …
 * @param dedicated      the agent is the dedicated agent of the ticket's (VIP) customer
 * @param sameDepartment the agent belongs to the ticket's department
 * @param score          sum of the agent's proficiencies in the ticket's tags
 */
public record Candidate(Agent agent, String reason, boolean dedicated, boolean sameDepartment, int score) {
}
