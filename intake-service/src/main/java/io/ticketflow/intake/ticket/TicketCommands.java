package io.ticketflow.intake.ticket;

import io.ticketflow.events.CallbackCompleted;
import io.ticketflow.events.CallbackOutcome;
import io.ticketflow.events.LifecycleEvent;
import io.ticketflow.events.Nature;
import io.ticketflow.events.PersonalData;
import io.ticketflow.events.Priority;
import io.ticketflow.events.RatingReceived;
import io.ticketflow.events.ReopenRequested;
import io.ticketflow.events.ReplyAuthor;
import io.ticketflow.events.TicketClosed;
import io.ticketflow.events.TicketFlagged;
import io.ticketflow.events.TicketHeld;
import io.ticketflow.events.TicketInfoProvided;
import io.ticketflow.events.TicketReclassified;
import io.ticketflow.events.TicketReopened;
import io.ticketflow.events.TicketReplied;
import io.ticketflow.events.TicketResolved;
import io.ticketflow.events.TicketResumed;
import io.ticketflow.events.TicketStatus;
import io.ticketflow.events.TicketType;
import io.ticketflow.events.spring.EventPublisher;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Commands on an existing ticket. Each one takes the ticket's lease, checks the status rules,
 * publishes its event(s) with sequence = version + 1 (+ 2 …) and waits for Kafka's
 * acknowledgement of each, applies them to the view (so the caller reads its own write) and
 * gives the lease back. A command the rules refuse publishes nothing.
 */
@Service
class TicketCommands {

    /** Who closes a ticket after a satisfied rating, and who reopens one after a callback by default. */
    static final String FEEDBACK_SERVICE = "feedback-service";
    static final String SATISFIED = "customer satisfied";
    static final int SATISFIED_FROM = 4;
    static final String SATISFIED_AFTER_CALLBACK = "customer satisfied after callback";

    private static final Logger log = LoggerFactory.getLogger(TicketCommands.class);

    private final CommandLeases leases;
    private final EventPublisher publisher;
    private final TicketProjection projection;
    private final LifecycleProperties lifecycle;
    private final Clock clock;

    TicketCommands(CommandLeases leases, EventPublisher publisher, TicketProjection projection,
            LifecycleProperties lifecycle, Clock clock) {
        this.leases = leases;
        this.publisher = publisher;
        this.projection = projection;
        this.lifecycle = lifecycle;
        this.clock = clock;
    }

    /**
     * A reply. The customer's reply to a ticket held for the customer also resumes it: the
     * TicketResumed it is owed follows the TicketReplied, under the same lease.
     */
    TicketView reply(String ticketNo, Reply reply) {
        return change(ticketNo, null, ticket -> {
            TicketStatus status = ticket.status();
            TicketLifecycle.onReply(status, reply.author())
                    .orElseThrow(() -> new StatusConflictException(ticketNo, status, "reply"));
            boolean firstResponse = reply.author() == ReplyAuthor.AGENT && ticket.firstRespondedAt() == null;
            return List.of(new TicketReplied(ticket.id(), ticket.ticketNo(), ticket.version() + 1, now(), reply.author(),
                    reply.agentId(), firstResponse, PersonalData.maskText(reply.message())));
        });
    }

    TicketView resolve(String ticketNo, Resolution resolution) {
        return change(ticketNo, null, ticket -> {
            TicketStatus status = ticket.status();
            TicketLifecycle.onResolution(status)
                    .orElseThrow(() -> new StatusConflictException(ticketNo, status, "resolution"));
            return List.of(new TicketResolved(ticket.id(), ticket.ticketNo(), ticket.version() + 1, now(),
                    resolution.agentId(), PersonalData.maskText(resolution.summary()),
                    PersonalData.maskText(resolution.rootCause()), ticket.resolutions() + 1));
        });
    }

    TicketView hold(String ticketNo, Hold hold) {
        return change(ticketNo, null, ticket -> {
            TicketStatus status = ticket.status();
            TicketLifecycle.onHold(status).orElseThrow(() -> new StatusConflictException(ticketNo, status, "hold"));
            return List.of(new TicketHeld(ticket.id(), ticket.ticketNo(), ticket.version() + 1, now(), hold.reason(),
                    hold.agentId(), PersonalData.maskText(hold.note())));
        });
    }

    TicketView resume(String ticketNo, String agentId) {
        return change(ticketNo, null, ticket -> {
            TicketStatus status = ticket.status();
            TicketLifecycle.onResume(status).orElseThrow(() -> new StatusConflictException(ticketNo, status, "resume"));
            return List.of(new TicketResumed(ticket.id(), ticket.ticketNo(), ticket.version() + 1, now(), agentId));
        });
    }

    TicketView reopen(String ticketNo, Reopen reopen) {
        return change(ticketNo, null, ticket -> List.of(reopening(ticket, reopen, now(), null)));
    }

    TicketView close(String ticketNo, Closure closure) {
        return change(ticketNo, null, ticket -> {
            TicketStatus status = ticket.status();
            TicketLifecycle.onClose(status).orElseThrow(() -> new StatusConflictException(ticketNo, status, "closure"));
            return List.of(new TicketClosed(ticket.id(), ticket.ticketNo(), ticket.version() + 1, now(),
                    PersonalData.maskText(closure.reason()), closure.closedBy()));
        });
    }

    /**
     * Raises a flag on an unfinished or resolved ticket, or clears a raised one. Raising a raised
     * flag, or clearing one that is not raised, is a conflict; a closed ticket takes no flags.
     */
    TicketView flag(String ticketNo, Flag flag) {
        return change(ticketNo, null, ticket -> {
            TicketStatus status = ticket.status();
            if (status == TicketStatus.CLOSED) {
                throw new StatusConflictException(ticketNo, status, "flag");
            }
            if (ticket.flagged(flag.flag()) == flag.raised()) {
                throw StatusConflictException.because(ticketNo, status, "Ticket " + ticketNo
                        + (flag.raised() ? " already has " : " does not have ") + flag.flag() + " raised.");
            }
            return List.of(new TicketFlagged(ticket.id(), ticket.ticketNo(), ticket.version() + 1, now(), flag.flag(),
                    flag.raised(), PersonalData.maskText(flag.reason()), flag.flaggedBy()));
        });
    }

    /** Records evidence the customer sent; when nothing is missing any more the ticket opens. */
    TicketView provideInfo(String ticketNo, InfoSupplement supplement) {
        return change(ticketNo, null, ticket -> {
            TicketStatus status = ticket.status();
            if (TicketLifecycle.isDone(status)) {
                throw new StatusConflictException(ticketNo, status, "information");
            }
            if (ticket.missingInfo().isEmpty()) {
                throw StatusConflictException.because(ticketNo, status,
                        "Ticket " + ticketNo + " is not waiting for any information.");
            }
            return List.of(new TicketInfoProvided(ticket.id(), ticket.ticketNo(), ticket.version() + 1, now(),
                    supplement.provided(), supplement.stillMissing(ticket.missingInfo()),
                    PersonalData.maskText(describe(supplement))));
        });
    }

    /** A new type, nature or priority with a reason; the department follows the type. */
    TicketView reclassify(String ticketNo, Reclassification change) {
        return change(ticketNo, null, ticket -> {
            TicketStatus status = ticket.status();
            if (TicketLifecycle.isDone(status)) {
                throw new StatusConflictException(ticketNo, status, "reclassification");
            }
            TicketType type = change.type() == null ? ticket.type() : change.type();
            Nature nature = change.nature() == null ? ticket.nature() : change.nature();
            Priority priority = change.priority() == null ? ticket.priority() : change.priority();
            if (type == ticket.type() && nature == ticket.nature() && priority == ticket.priority()) {
                throw StatusConflictException.because(ticketNo, status,
                        "Ticket " + ticketNo + " already has this type, nature and priority.");
            }
            return List.of(new TicketReclassified(ticket.id(), ticket.ticketNo(), ticket.version() + 1, now(), type,
                    nature, priority, type.owningDepartment(), ticket.type(), ticket.priority(), ticket.department(),
                    PersonalData.maskText(change.reason()), change.changedBy()));
        });
    }

    /**
     * feedback-service found the customer dissatisfied: reopen the ticket, once per callback. A
     * ticket that cannot be reopened (not finished, or past the window) stays as it is.
     */
    void reopenRequested(ReopenRequested request) {
        String key = "reopen:" + request.callbackId();
        change(request.ticketNo(), key, ticket -> {
            if (ticket.decided(key)) {
                log.debug("reopen already done ticketNo={} callbackId={}", ticket.ticketNo(), request.callbackId());
                return List.of();
            }
            Instant now = now();
            if (TicketLifecycle.onReopen(ticket.status(), ticket.finishedAt(), now, lifecycle.reopenWindow()).isEmpty()) {
                log.info("reopen request not applicable ticketNo={} callbackId={} status={}", ticket.ticketNo(),
                        request.callbackId(), ticket.status());
                return List.of();
            }
            String requestedBy = request.requestedBy() == null ? FEEDBACK_SERVICE : request.requestedBy();
            return List.of(reopening(ticket, new Reopen(request.reason(), requestedBy, request.preferredAgentId()), now,
                    request.callbackId()));
        });
    }

    /** A rating of 4-5 on a resolved ticket closes it, once per survey; lower ratings change nothing here. */
    void ratingReceived(RatingReceived rating) {
        if (rating.rating() < SATISFIED_FROM) {
            return;
        }
        String key = "close:" + rating.surveyId();
        change(rating.ticketNo(), key, ticket -> {
            if (ticket.decided(key) || TicketLifecycle.onClose(ticket.status()).isEmpty()) {
                log.debug("rating changes nothing ticketNo={} surveyId={} status={}", ticket.ticketNo(),
                        rating.surveyId(), ticket.status());
                return List.of();
            }
            return List.of(new TicketClosed(ticket.id(), ticket.ticketNo(), ticket.version() + 1, now(), SATISFIED,
                    FEEDBACK_SERVICE));
        });
    }

    /**
     * A callback found the customer satisfied after all: a resolved ticket closes, once per
     * callback; any other status stays as it is.
     */
    void callbackCompleted(CallbackCompleted completed) {
        if (completed.outcome() != CallbackOutcome.SATISFIED) {
            return;
        }
        String key = "close:callback:" + completed.callbackId();
        change(completed.ticketNo(), key, ticket -> {
            if (ticket.decided(key) || TicketLifecycle.onClose(ticket.status()).isEmpty()) {
                log.debug("callback changes nothing ticketNo={} callbackId={} status={}", ticket.ticketNo(),
                        completed.callbackId(), ticket.status());
                return List.of();
            }
            return List.of(new TicketClosed(ticket.id(), ticket.ticketNo(), ticket.version() + 1, now(),
                    SATISFIED_AFTER_CALLBACK, completed.calledBy()));
        });
    }

    private TicketReopened reopening(Ticket ticket, Reopen reopen, Instant now, String callbackId) {
        TicketStatus status = ticket.status();
        if (!TicketLifecycle.canMove(status, TicketStatus.REOPENED)) {
            throw new StatusConflictException(ticket.ticketNo(), status, "reopen");
        }
        if (TicketLifecycle.onReopen(status, ticket.finishedAt(), now, lifecycle.reopenWindow()).isEmpty()) {
            throw StatusConflictException.because(ticket.ticketNo(), status, "Ticket " + ticket.ticketNo()
                    + " was finished more than " + lifecycle.reopenWindow().toDays() + " days ago and cannot be reopened.");
        }
        return new TicketReopened(ticket.id(), ticket.ticketNo(), ticket.version() + 1, now,
                PersonalData.maskText(reopen.reason()), ticket.reopens() + 1, reopen.requestedBy(),
                reopen.preferredAgentId(), callbackId);
    }

    private static String describe(InfoSupplement supplement) {
        List<String> parts = new ArrayList<>();
        if (supplement.orderId() != null) {
            parts.add("orderId " + supplement.orderId());
        }
        if (supplement.errorCode() != null) {
            parts.add("errorCode " + supplement.errorCode());
        }
        if (!supplement.attachments().isEmpty()) {
            parts.add("attachments " + String.join(", ", supplement.attachments().stream()
                    .map(a -> a.name() + " (" + a.size() + " bytes)").toList()));
        }
        if (supplement.note() != null) {
            parts.add("note: " + supplement.note());
        }
        return String.join("; ", parts);
    }

    /**
     * Runs a command of another feature (a repeat link, say) that publishes exactly one event
     * under the ticket's lease, with the next free sequence.
     */
    TicketView change(String ticketNo, Function<Ticket, LifecycleEvent> decide) {
        return change(ticketNo, null, ticket -> List.of(decide.apply(ticket)));
    }

    /**
     * Runs one command under the ticket's lease.
     *
     * @param decisionKey remembered on the ticket together with the first event, or null
     * @param decide      the events to publish, in order, with consecutive sequences from version + 1;
     *                    none when there is nothing to do. A follow-up the result owes
     *                    ({@link Ticket#owedFollowUp()}) is published right after, under the same lease.
     */
    private TicketView change(String ticketNo, String decisionKey, Function<Ticket, List<LifecycleEvent>> decide) {
        CommandLeases.Lease lease = leases.acquire(ticketNo);
        boolean settled = true;
        try {
            Ticket ticket = lease.ticket();
            if (ticket.owedFollowUp().isPresent()) {
                // the next sequence belongs to the follow-up its cause (or the repair) publishes
                throw new TicketBusyException(ticketNo);
            }
            List<LifecycleEvent> events = new ArrayList<>(decide.apply(ticket));
            Ticket after = ticket;
            for (int i = 0; i < events.size(); i++) {
                LifecycleEvent event = events.get(i);
                // one id per ticket and sequence: whatever claims a sequence twice is a duplicate to every consumer
                UUID eventId = LifecycleEventIds.of(ticket.id(), event.sequence());
                settled = false; // from here on Kafka may hold the event even if we hear nothing back
                publisher.publish(eventId, event);
                String key = i == 0 ? decisionKey : null;
                try {
                    after = projection.apply(eventId, event, null, key).ticket();
                    settled = true;
                } catch (RuntimeException viewDown) {
                    // the event is in Kafka, so the change happened; the listener will project it.
                    // Keep the lease until it runs out so no command reads the stale version meanwhile.
                    log.warn("view not updated after publishing ticketNo={} eventId={} cause={}", ticketNo, eventId,
                            viewDown.getClass().getSimpleName());
                    after = after.applying(eventId, event).orElse(after);
                }
                log.info("{} ticketNo={} eventId={} sequence={} status={}", event.getClass().getSimpleName(), ticketNo,
                        eventId, event.sequence(), after.status());
                if (i == events.size() - 1) {
                    after.owedFollowUp().ifPresent(events::add);
                }
            }
            return TicketView.of(after);
        } finally {
            if (settled) {
                release(lease, ticketNo);
            }
        }
    }

    private void release(CommandLeases.Lease lease, String ticketNo) {
        try {
            leases.release(lease);
        } catch (RuntimeException e) {
            // the command is done either way; an unreleased lease simply runs out
            log.warn("lease not released ticketNo={} cause={}", ticketNo, e.getClass().getSimpleName());
        }
    }

    private Instant now() {
        // Mongo keeps milliseconds; events carry the same precision so the view equals the event
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
