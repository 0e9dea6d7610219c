package io.ticketflow.intake.ticket;

import io.ticketflow.events.RepeatContactDetected;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import org.springframework.stereotype.Component;

/**
 * Links a ticket to an earlier one of the same customer on the same issue. The link is a
 * lifecycle event like any other: it goes through the ticket's command lease and takes the next
 * free sequence, whatever other event (an information request, say) came before it.
 */
@Component
public class TicketLinks {

    private final TicketCommands commands;
    private final Clock clock;

    TicketLinks(TicketCommands commands, Clock clock) {
        this.commands = commands;
        this.clock = clock;
    }

    /**
     * Publishes RepeatContactDetected for the ticket unless one was already published for it.
     *
     * @return true if this call published it
     * @throws TicketNotFoundException if there is no such ticket
     * @throws TicketBusyException     if a command holds the ticket
     */
    public boolean repeatOf(String ticketNo, Repeat repeat) {
        try {
            commands.change(ticketNo, ticket -> {
                if (ticket.history().stream().anyMatch(h -> RepeatContactDetected.class.getSimpleName().equals(h.event()))) {
                    throw new AlreadyLinked();
                }
                return new RepeatContactDetected(ticket.id(), ticket.ticketNo(), ticket.version() + 1,
                        clock.instant().truncatedTo(ChronoUnit.MILLIS), repeat.earlierTicketId(),
                        repeat.earlierTicketNo(), repeat.within24h(), repeat.contactsIn30Days(), repeat.matchedOn());
            });
            return true;
        } catch (AlreadyLinked e) {
            return false;
        }
    }

    /** What the repeat detection found. */
    public record Repeat(String earlierTicketId, String earlierTicketNo, boolean within24h, int contactsIn30Days,
            String matchedOn) {
    }

    private static final class AlreadyLinked extends RuntimeException {
        AlreadyLinked() {
            super(null, null, false, false);
        }
    }
}
