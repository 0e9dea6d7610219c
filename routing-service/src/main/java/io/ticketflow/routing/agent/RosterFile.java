package io.ticketflow.routing.agent;

import io.ticketflow.events.Department;
import io.ticketflow.events.Presence;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The roster as a YAML file loaded at start-up ({@code ticketflow.routing.roster.file}):
 * <pre>
 * teams:
 *   - id: billing-team
 *     department: CUSTOMER_SERVICE
 *     lead: lead-1
 *     supervisor: sup-1
 * agents:
 *   - id: a-1
 *     name: Li Wei
 *     team: billing-team
 *     department: CUSTOMER_SERVICE
 *     skills: {billing: 4, payment: 3}
 *     capacity: 5
 *     vip-customers: [c-vip-1]
 *     presence: ONLINE   # only applied to an agent the file creates
 * </pre>
 */
record RosterFile(List<TeamEntry> teams, List<AgentEntry> agents) {

    RosterFile {
        teams = teams == null ? List.of() : teams;
        agents = agents == null ? List.of() : agents;
    }

    record TeamEntry(String id, @Nullable String name, @Nullable Department department, String lead, String supervisor) {

        TeamRequest request() {
            return new TeamRequest(name, department, lead, supervisor);
        }
    }

    record AgentEntry(String id, String name, @Nullable String team, Department department,
            @Nullable Map<String, Integer> skills, Integer capacity, @Nullable List<String> vipCustomers,
            @Nullable Presence presence) {

        AgentRequest request() {
            return new AgentRequest(name, team, department, skills, capacity, vipCustomers);
        }
    }
}
