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
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The ticket's status machine: which status may follow which, and where each command takes a
 * ticket. Commands ask first ({@code Optional.empty()} means "not allowed in this status");
 * the view applies events, which are facts, with the same rules.
 *
 * <pre>
 * NEW ─┬─────────────► OPEN ──► ASSIGNED ──► IN_PROGRESS ──► PENDING ⇄ IN_PROGRESS ──► RESOLVED ──► CLOSED
 *      └─► NEEDS_INFO ─┘                                                                  │  ▲           │
 *                                                                          REOPENED ◄─────┘  └───────────┘ (within the window)
 * </pre>
 *
 * <ul>
 * <li>A ticket is created NEW, or NEEDS_INFO when evidence is missing; the info completing it
 *     makes it OPEN (ASSIGNED if routing already chose an agent).</li>
 * <li>Routing's assignment makes a NEW, OPEN or REOPENED ticket ASSIGNED.</li>
 * <li>An agent's reply puts an unfinished ticket IN_PROGRESS, except a PENDING one: only
 *     {@code /resume} (or the customer's reply to a ticket waiting for the customer) ends a hold.</li>
 * <li>A hold (PENDING) is taken on an ASSIGNED, IN_PROGRESS or REOPENED ticket.</li>
 * <li>Any unfinished ticket can be resolved (first-contact resolution included).</li>
 * <li>Only a RESOLVED ticket is closed; a RESOLVED or CLOSED one is REOPENED within the window.</li>
 * </ul>
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

    /** Whether the ticket is resolved or closed. */
    public static boolean isDone(TicketStatus status) {
        return DONE.contains(status);
    }

    /**
     * Where a reply takes the ticket: an agent's reply means work is under way (IN_PROGRESS)
     * unless the ticket is on hold (PENDING stays PENDING); a customer's reply leaves the status
     * alone (resuming a ticket that waited for the customer is a TicketResumed of its own).
     * Empty when the ticket takes no replies.
     */
    public static Optional<TicketStatus> onReply(TicketStatus from, ReplyAuthor author) {
        if (from == null || DONE.contains(from)) {
            return Optional.empty();
        }
        if (author == ReplyAuthor.AGENT && from != PENDING && canMove(from, IN_PROGRESS)) {
            return Optional.of(IN_PROGRESS);
        }
        return Optional.of(from);
    }

    /** Where a resolution takes the ticket; empty when it is already resolved or closed. */
    public static Optional<TicketStatus> onResolution(TicketStatus from) {
        return from != null && canMove(from, RESOLVED) ? Optional.of(RESOLVED) : Optional.empty();
    }

    /** Where a hold takes the ticket (PENDING); empty when it is not being worked on. */
    public static Optional<TicketStatus> onHold(TicketStatus from) {
        return from != null && canMove(from, PENDING) ? Optional.of(PENDING) : Optional.empty();
    }

    /** Where resuming takes the ticket (IN_PROGRESS); empty unless it is on hold. */
    public static Optional<TicketStatus> onResume(TicketStatus from) {
        return from == PENDING ? Optional.of(IN_PROGRESS) : Optional.empty();
    }

    /** Where closing takes the ticket (CLOSED); empty unless it is resolved. */
    public static Optional<TicketStatus> onClose(TicketStatus from) {
        return from != null && canMove(from, CLOSED) ? Optional.of(CLOSED) : Optional.empty();
    }

    /**
     * Where a reopen takes the ticket (REOPENED): only a RESOLVED or CLOSED ticket, and only
     * while no more than {@code window} has passed since it was resolved or closed.
     *
     * @param finishedAt when it entered its current status (resolution or closure)
     */
    public static Optional<TicketStatus> onReopen(TicketStatus from, Instant finishedAt, Instant now, Duration window) {
        if (from == null || !canMove(from, REOPENED)) {
            return Optional.empty();
        }
        return withinReopenWindow(finishedAt, now, window) ? Optional.of(REOPENED) : Optional.empty();
    }

    /** Whether a ticket finished at {@code finishedAt} may still be reopened at {@code now}. */
    public static boolean withinReopenWindow(Instant finishedAt, Instant now, Duration window) {
        return finishedAt == null || !now.isAfter(finishedAt.plus(window));
    }

    /**
     * Where the missing information takes the ticket once nothing is missing any more: a
     * NEEDS_INFO ticket becomes OPEN, or ASSIGNED when it already has an agent; any other
     * status stays.
     */
    public static TicketStatus onInfoComplete(TicketStatus from, boolean assigned) {
        if (from != NEEDS_INFO) {
            return from;
        }
        return assigned ? ASSIGNED : OPEN;
    }

    /**
     * The status after routing assigned an agent: a ticket nobody works on yet (NEW, OPEN, or
     * REOPENED) becomes ASSIGNED; one waiting for information or already in progress keeps its
     * status. An assignment is never refused: it is routing's decision, recorded here.
     */
    public static TicketStatus onAssignment(TicketStatus from) {
        return from == NEW || from == OPEN || from == REOPENED ? ASSIGNED : from;
    }

    private static Map<TicketStatus, Set<TicketStatus>> moves() {
        Map<TicketStatus, Set<TicketStatus>> moves = new EnumMap<>(TicketStatus.class);
        moves.put(NEW, EnumSet.of(NEEDS_INFO, OPEN, ASSIGNED, IN_PROGRESS, RESOLVED));
        moves.put(NEEDS_INFO, EnumSet.of(OPEN, ASSIGNED, IN_PROGRESS, RESOLVED));
        moves.put(OPEN, EnumSet.of(ASSIGNED, IN_PROGRESS, RESOLVED));
        moves.put(ASSIGNED, EnumSet.of(IN_PROGRESS, PENDING, RESOLVED));
        moves.put(IN_PROGRESS, EnumSet.of(PENDING, RESOLVED));
        moves.put(PENDING, EnumSet.of(IN_PROGRESS, RESOLVED));
        moves.put(RESOLVED, EnumSet.of(CLOSED, REOPENED));
        moves.put(CLOSED, EnumSet.of(REOPENED));
        moves.put(REOPENED, EnumSet.of(ASSIGNED, IN_PROGRESS, PENDING, RESOLVED));
        moves.replaceAll((from, to) -> Collections.unmodifiableSet(to));
        return Collections.unmodifiableMap(moves);
    }
}
