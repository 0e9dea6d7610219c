package io.ticketflow.routing.agent;

import io.ticketflow.events.Department;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A team of the roster in the {@value #COLLECTION} collection. Its lead receives GENERAL
 * escalations and callbacks, its supervisor MAJOR escalations; both ride on {@code TicketAssigned}.
 *
 * @param department the department the team works for; a ticket transferred to the team moves there
 */
@Document(Team.COLLECTION)
public record Team(
        @Id String teamId,
        String name,
        @Nullable Department department,
        String lead,
        String supervisor,
        @Nullable Instant updatedAt) {

    public static final String COLLECTION = "teams";
}
