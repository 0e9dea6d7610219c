package io.ticketflow.routing.agent;

import io.ticketflow.events.Department;
import io.ticketflow.events.Presence;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * An agent of the roster as stored in the {@value #COLLECTION} collection: who they are, what they
 * are good at, how many tickets they may hold and which ones they hold now.
 *
 * @param skills          skill tag → proficiency 1–5
 * @param capacity        how many tickets the agent may hold at once
 * @param vipCustomers    customers for whom this agent is the dedicated agent
 * @param load            tickets held now; only changed by the atomic reservation and release
 * @param activeTicketIds the ids of the tickets held, the guard that makes a reservation happen once
 * @param activeTicketNos their ticket numbers, for people
 * @param activeWeights   ticket id → the capacity units its reservation took (priority weight)
 * @param presenceVersion +1 for each presence change; part of the change's event id
 */
@Document(Agent.COLLECTION)
public record Agent(
        @Id String agentId,
        String name,
        @Nullable String team,
        Department department,
        Map<String, Integer> skills,
        int capacity,
        List<String> vipCustomers,
        Presence presence,
        int load,
        List<String> activeTicketIds,
        List<String> activeTicketNos,
        Map<String, Integer> activeWeights,
        @Nullable Instant lastAssignedAt,
        long presenceVersion,
        @Nullable Instant presenceChangedAt,
        @Nullable Instant registeredAt,
        @Nullable Instant updatedAt) {

    public static final String COLLECTION = "agents";

    public Agent {
        skills = skills == null ? Map.of() : Map.copyOf(skills);
        vipCustomers = vipCustomers == null ? List.of() : List.copyOf(vipCustomers);
        presence = presence == null ? Presence.OFFLINE : presence;
        activeTicketIds = activeTicketIds == null ? List.of() : List.copyOf(activeTicketIds);
        activeTicketNos = activeTicketNos == null ? List.of() : List.copyOf(activeTicketNos);
        activeWeights = activeWeights == null ? Map.of() : Map.copyOf(activeWeights);
    }

    /** Only online agents receive tickets. */
    public boolean online() {
        return presence == Presence.ONLINE;
    }

    /** True while some of the agent's weighted capacity is unused. */
    public boolean hasFreeCapacity() {
        return load < capacity;
    }

    /**
     * True when a ticket of this weight fits: the load plus the weight stays within capacity, or
     * the agent holds nothing yet (an idle agent may always take one ticket, so a heavy P0 never
     * waits for an agent whose capacity is smaller than its weight).
     */
    public boolean fits(int weight) {
        return capacity > 0 && (load == 0 || load + weight <= capacity);
    }

    /** The capacity units the reservation for this ticket took; 1 for reservations made before weights existed. */
    public int weightOf(String ticketId) {
        return activeWeights.getOrDefault(ticketId, 1);
    }

    /** The agent's proficiency in a skill tag, 0 without that skill. */
    public int proficiency(String tag) {
        return skills.getOrDefault(tag, 0);
    }

    /** True when the agent is the dedicated agent of this customer. */
    public boolean dedicatedTo(@Nullable String customerId) {
        return customerId != null && vipCustomers.contains(customerId);
    }
}
