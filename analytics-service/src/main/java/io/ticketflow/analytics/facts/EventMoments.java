package io.ticketflow.analytics.facts;

import io.ticketflow.events.CallbackCompleted;
import io.ticketflow.events.CallbackOpened;
import io.ticketflow.events.LifecycleEvent;
import io.ticketflow.events.PersonalData;
import io.ticketflow.events.RatingReceived;
import io.ticketflow.events.SlaBreached;
import io.ticketflow.events.SlaClockMet;
import io.ticketflow.events.SlaClockStarted;
import io.ticketflow.events.TicketAssigned;
import io.ticketflow.events.TicketClosed;
import io.ticketflow.events.TicketCreated;
import io.ticketflow.events.TicketEscalated;
import io.ticketflow.events.TicketHeld;
import io.ticketflow.events.TicketInfoProvided;
import io.ticketflow.events.TicketInfoRequested;
import io.ticketflow.events.TicketQueued;
import io.ticketflow.events.TicketReclassified;
import io.ticketflow.events.TicketReopened;
import io.ticketflow.events.TicketReplied;
import io.ticketflow.events.TicketResolved;
import io.ticketflow.events.TicketResumed;
import io.ticketflow.events.TicketStatus;
import io.ticketflow.events.TicketTransferred;
import io.ticketflow.events.TicketflowEvent;
import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * What the timeline needs to know about any event: when it happened in the business sense, which
 * status it leaves the ticket in, and a one-line, personal-data-free description.
 */
final class EventMoments {

    /** Instants that are deadlines, not moments the event happened. */
    private static final Set<String> DEADLINES = Set.of("dueAt", "expiresAt");

    private EventMoments() {
    }

    /**
     * The moment the event happened: the last {@link Instant} component of the record that is no
     * deadline (every contract record names it {@code occurredAt}, {@code assignedAt},
     * {@code metAt}, ... and lists it after the instants it refers back to, such as
     * {@code startedAt} or {@code openedAt}); the envelope's {@code ce_time} when there is none.
     */
    static Instant at(TicketflowEvent event, Instant fallback) {
        Instant found = null;
        RecordComponent[] components = event.getClass().getRecordComponents();
        if (components == null) {
            return fallback;
        }
        for (RecordComponent component : components) {
            if (component.getType() == Instant.class && !DEADLINES.contains(component.getName())) {
                try {
                    Instant value = (Instant) component.getAccessor().invoke(event);
                    if (value != null) {
                        found = value;
                    }
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException("cannot read " + component.getName() + " of " + event.getClass(), e);
                }
            }
        }
        return found == null ? fallback : found;
    }

    /** The lifecycle sequence number, or null for an event of another topic. */
    static @Nullable Long sequence(TicketflowEvent event) {
        if (event instanceof TicketCreated) {
            return ((TicketCreated) event).sequence();
        }
        if (!(event instanceof LifecycleEvent)) {
            return null;
        }
        try {
            RecordComponent[] components = event.getClass().getRecordComponents();
            for (RecordComponent component : components) {
                if (component.getName().equals("sequence")) {
                    return ((Number) component.getAccessor().invoke(event)).longValue();
                }
            }
            return null;
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot read the sequence of " + event.getClass(), e);
        }
    }

    /** The status the event leaves its ticket in, or null when it does not move the status. */
    static @Nullable TicketStatus statusAfter(TicketflowEvent event) {
        if (event instanceof TicketCreated) {
            return ((TicketCreated) event).status();
        } else if (event instanceof TicketInfoRequested) {
            return TicketStatus.NEEDS_INFO;
        } else if (event instanceof TicketInfoProvided) {
            return ((TicketInfoProvided) event).stillMissing().isEmpty() ? TicketStatus.OPEN : TicketStatus.NEEDS_INFO;
        } else if (event instanceof TicketAssigned) {
            return TicketStatus.ASSIGNED;
        } else if (event instanceof TicketReplied) {
            return ((TicketReplied) event).author() == io.ticketflow.events.ReplyAuthor.AGENT ? TicketStatus.IN_PROGRESS : null;
        } else if (event instanceof TicketHeld) {
            return TicketStatus.PENDING;
        } else if (event instanceof TicketResumed) {
            return TicketStatus.IN_PROGRESS;
        } else if (event instanceof TicketResolved) {
            return TicketStatus.RESOLVED;
        } else if (event instanceof TicketReopened) {
            return TicketStatus.REOPENED;
        } else if (event instanceof TicketClosed) {
            return TicketStatus.CLOSED;
        }
        return null;
    }

    /** A short description for the timeline; free text is masked, message bodies are left out. */
    static @Nullable String detail(TicketflowEvent event) {
        if (event instanceof TicketCreated) {
            TicketCreated e = (TicketCreated) event;
            return e.channel() + " " + e.type() + " " + e.nature() + " " + e.priority() + " " + e.department().id();
        } else if (event instanceof TicketQueued) {
            TicketQueued e = (TicketQueued) event;
            return e.department().id() + " " + e.priority();
        } else if (event instanceof TicketAssigned) {
            TicketAssigned e = (TicketAssigned) event;
            return e.agentId() + (e.team() == null ? "" : " (" + e.team() + ")");
        } else if (event instanceof TicketTransferred) {
            TicketTransferred e = (TicketTransferred) event;
            return e.fromDepartment().id() + " -> " + e.toDepartment().id() + ": " + PersonalData.maskText(e.reason());
        } else if (event instanceof TicketReplied) {
            TicketReplied e = (TicketReplied) event;
            return e.author() + (e.agentId() == null ? "" : " " + e.agentId());
        } else if (event instanceof TicketHeld) {
            return String.valueOf(((TicketHeld) event).reason());
        } else if (event instanceof TicketResolved) {
            TicketResolved e = (TicketResolved) event;
            return "resolution " + e.resolutionNo() + (e.agentId() == null ? "" : " by " + e.agentId());
        } else if (event instanceof TicketReopened) {
            TicketReopened e = (TicketReopened) event;
            return "reopen " + e.reopenNo() + ": " + PersonalData.maskText(e.reason());
        } else if (event instanceof TicketReclassified) {
            TicketReclassified e = (TicketReclassified) event;
            return e.previousType() + " " + e.previousPriority() + " -> " + e.type() + " " + e.priority();
        } else if (event instanceof SlaClockStarted) {
            SlaClockStarted e = (SlaClockStarted) event;
            return e.metric() + " due " + e.dueAt();
        } else if (event instanceof SlaClockMet) {
            SlaClockMet e = (SlaClockMet) event;
            return e.metric() + (e.onTime() ? " on time" : " late");
        } else if (event instanceof SlaBreached) {
            SlaBreached e = (SlaBreached) event;
            return e.metric() + " due " + e.dueAt();
        } else if (event instanceof TicketEscalated) {
            TicketEscalated e = (TicketEscalated) event;
            return e.level() + " " + e.department().id() + " " + e.targetRole();
        } else if (event instanceof RatingReceived) {
            RatingReceived e = (RatingReceived) event;
            return e.rating() + " stars" + (e.npsScore() == null ? "" : ", NPS " + e.npsScore());
        } else if (event instanceof CallbackOpened) {
            return "after a rating of " + ((CallbackOpened) event).rating();
        } else if (event instanceof CallbackCompleted) {
            return String.valueOf(((CallbackCompleted) event).outcome());
        }
        return null;
    }
}
