package io.ticketflow.intake.ticket;

import static io.ticketflow.events.TicketStatus.ASSIGNED;
import static io.ticketflow.events.TicketStatus.CLOSED;
import static io.ticketflow.events.TicketStatus.IN_PROGRESS;
import static io.ticketflow.events.TicketStatus.NEEDS_INFO;
import static io.ticketflow.events.TicketStatus.NEW;
import static io.ticketflow.events.TicketStatus.OPEN;
import static io.ticketflow.events.TicketStatus.PENDING;
import static io.ticketflow.events.TicketStatus.REOPENED;
import static io.ticketflow.events.TicketStatus.RESOLVED;

import io.ticketflow.events.ReplyAuthor;
import io.ticketflow.events.TicketStatus;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The ticket's status rules: which status may follow which, and where each command takes a
 * ticket. Commands ask first ({@code Optional.empty()} means "not allowed in this status");
 * the view applies events, which are facts, with the same rules.
 *
 * <p>NEW and NEEDS_INFO tickets open, get assigned and worked on (IN_PROGRESS, PENDING while
 * waiting for the customer) until RESOLVED, then CLOSED; a RESOLVED or CLOSED ticket can only be
 * REOPENED, after which it is worked on again.
 */
public final class TicketLifecycle {

    private static final Map<TicketStatus, Set<TicketStatus>> MOVES = moves();

    /** Statuses in which the ticket is finished with for now: no replies, no resolution. */
    private static final Set<TicketStatus> DONE = EnumSet.of(RESOLVED, CLOSED);

    private TicketLifecycle() {
    }

    /** Whether a ticket may go from one status to another (staying put is not a move). */
    public static boolean canMove(TicketStatus from, TicketStatus to) {
        return MOVES.getOrDefault(from, Set.of()).contains(to);
    }

    /** The statuses that may follow the given one. */
    public static Set<TicketStatus> nextOf(TicketStatus from) {
        return MOVES.getOrDefault(from, Set.of());
    }

    /**
     * Where a reply takes the ticket: an agent's reply means work is under way (IN_PROGRESS);
     * a customer's reply to a ticket waiting on the customer (PENDING) puts it back in progress
     * and otherwise leaves the status alone. Empty when the ticket takes no replies.
     */
    public static Optional<TicketStatus> onReply(TicketStatus from, ReplyAuthor author) {
        if (from == null || DONE.contains(from)) {
            return Optional.empty();
        }
        if (author == ReplyAuthor.AGENT) {
            return from == IN_PROGRESS || canMove(from, IN_PROGRESS) ? Optional.of(IN_PROGRESS) : Optional.empty();
        }
        return Optional.of(from == PENDING ? IN_PROGRESS : from);
    }

    /** Where a resolution takes the ticket; empty when it is already resolved or closed. */
    public static Optional<TicketStatus> onResolution(TicketStatus from) {
        return from != null && canMove(from, RESOLVED) ? Optional.of(RESOLVED) : Optional.empty();
    }

    /**
     * The status after routing assigned an agent: a ticket nobody works on yet becomes ASSIGNED;
     * one already in progress (or further) keeps its status. An assignment is never refused:
     * it is routing's decision, recorded here.
     */
    public static TicketStatus onAssignment(TicketStatus from) {
        return from == NEW || from == OPEN ? ASSIGNED : from;
    }

    private static Map<TicketStatus, Set<TicketStatus>> moves() {
        Map<TicketStatus, Set<TicketStatus>> moves = new EnumMap<>(TicketStatus.class);
        moves.put(NEW, EnumSet.of(NEEDS_INFO, OPEN, ASSIGNED, IN_PROGRESS, RESOLVED, CLOSED));
        moves.put(NEEDS_INFO, EnumSet.of(OPEN, ASSIGNED, IN_PROGRESS, RESOLVED, CLOSED));
        moves.put(OPEN, EnumSet.of(NEEDS_INFO, ASSIGNED, IN_PROGRESS, RESOLVED, CLOSED));
        moves.put(ASSIGNED, EnumSet.of(OPEN, NEEDS_INFO, IN_PROGRESS, PENDING, RESOLVED));
        moves.put(IN_PROGRESS, EnumSet.of(ASSIGNED, NEEDS_INFO, PENDING, RESOLVED));
        moves.put(PENDING, EnumSet.of(IN_PROGRESS, RESOLVED, CLOSED));
        moves.put(RESOLVED, EnumSet.of(CLOSED, REOPENED));
        moves.put(CLOSED, EnumSet.of(REOPENED));
        moves.put(REOPENED, EnumSet.of(ASSIGNED, NEEDS_INFO, IN_PROGRESS, PENDING, RESOLVED));
        moves.replaceAll((from, to) -> Collections.unmodifiableSet(to));
        return Collections.unmodifiableMap(moves);
    }
}
