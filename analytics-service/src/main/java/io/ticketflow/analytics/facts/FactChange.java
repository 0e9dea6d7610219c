package io.ticketflow.analytics.facts;

import static io.ticketflow.analytics.facts.FactFields.*;

import io.ticketflow.events.CallbackCompleted;
import io.ticketflow.events.CallbackOpened;
import io.ticketflow.events.RepeatContactDetected;
import io.ticketflow.events.SlaBreached;
import io.ticketflow.events.SlaClockPaused;
import io.ticketflow.events.SlaClockRescheduled;
import io.ticketflow.events.SlaClockResumed;
import io.ticketflow.events.SlaClockStopped;
import io.ticketflow.events.TicketClosed;
import io.ticketflow.events.TicketEscalated;
import io.ticketflow.events.TicketReclassified;
import io.ticketflow.events.TicketReopened;
import io.ticketflow.events.TicketStatus;
import io.ticketflow.events.TicketTransferred;
import io.ticketflow.events.Envelope;
import io.ticketflow.events.RatingReceived;
import io.ticketflow.events.ReplyAuthor;
import io.ticketflow.events.SlaClockMet;
import io.ticketflow.events.SlaClockStarted;
import io.ticketflow.events.SurveySent;
import io.ticketflow.events.TicketAssigned;
import io.ticketflow.events.TicketCreated;
import io.ticketflow.events.TicketEvent;
import io.ticketflow.events.TicketQueued;
import io.ticketflow.events.TicketReplied;
import io.ticketflow.events.TicketResolved;
import io.ticketflow.events.TicketflowEvent;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import org.bson.Document;
import org.springframework.data.mongodb.core.query.Update;

/**
 * What one event changes on its ticket's facts, as a single MongoDB update.
 * <p>
 * Every change is safe to apply in any order, so events of one ticket arriving over different
 * topics need no coordination: "first" moments use {@code $min}, keyed things (ratings by
 * survey, callbacks by id, SLA clocks by id) are {@code $set} under their own key, and plain
 * facts are the same whoever writes them. Counters use {@code $inc}; they stay exact because
 * the update is applied only to a document that has not seen the event yet (see
 * {@link TicketFacts}), and the update itself records the event id.
 *
 * @param ticketId the document the change applies to
 * @param ticketNo the ticket number, for logs
 * @param update   the MongoDB update, including {@code $addToSet appliedEventIds}
 */
record FactChange(String ticketId, String ticketNo, Update update) {

    /** The change an event makes, or empty for an event that is not about one ticket. */
    static Optional<FactChange> of(Envelope<? extends TicketflowEvent> envelope) {
        TicketflowEvent event = envelope.event();
        if (!(event instanceof TicketEvent)) {
            return Optional.empty();
        }
        TicketEvent ticketEvent = (TicketEvent) event;
        Update update = new Update()
                .set(TICKET_NO, ticketEvent.ticketNo())
                // business time, as reports select by it; ce_time may be a redelivery's or a replay's
                .max(LAST_EVENT_AT, date(EventMoments.at(event, envelope.time())))
                .addToSet(APPLIED_EVENT_IDS, envelope.id().toString())
                // pushed exactly once: the update only applies to a document that has not seen the event
                .push(TIMELINE, timelineEntry(envelope));
        describe(event, update);
        return Optional.of(new FactChange(ticketEvent.ticketId(), ticketEvent.ticketNo(), update));
    }

    // Java 17: an instanceof chain stands in for a switch over the sealed hierarchy.
    private static void describe(TicketflowEvent event, Update update) {
        if (event instanceof TicketCreated) {
            created((TicketCreated) event, update);
        } else if (event instanceof TicketReplied) {
            replied((TicketReplied) event, update);
        } else if (event instanceof TicketResolved) {
            resolved((TicketResolved) event, update);
        } else if (event instanceof TicketQueued) {
            update.min(FIRST_QUEUED_AT, date(((TicketQueued) event).queuedAt()));
        } else if (event instanceof TicketAssigned) {
            assigned((TicketAssigned) event, update);
        } else if (event instanceof SlaClockStarted) {
            clockStarted((SlaClockStarted) event, update);
        } else if (event instanceof SlaClockMet) {
            clockMet((SlaClockMet) event, update);
        } else if (event instanceof SurveySent) {
            surveySent((SurveySent) event, update);
        } else if (event instanceof RatingReceived) {
            rated((RatingReceived) event, update);
        } else if (event instanceof CallbackOpened) {
            callbackOpened((CallbackOpened) event, update);
        } else if (event instanceof CallbackCompleted) {
            callbackCompleted((CallbackCompleted) event, update);
        } else if (event instanceof TicketReclassified) {
            reclassified((TicketReclassified) event, update);
        } else if (event instanceof TicketReopened) {
            update.max(REOPENS, ((TicketReopened) event).reopenNo());
        } else if (event instanceof TicketClosed) {
            update.min(CLOSED_AT, date(((TicketClosed) event).occurredAt()));
        } else if (event instanceof RepeatContactDetected) {
            update.set(REPEAT_CONTACT, true);
        } else if (event instanceof TicketTransferred) {
            update.max(TRANSFERS, ((TicketTransferred) event).transferCount());
        } else if (event instanceof SlaClockRescheduled) {
            SlaClockRescheduled e = (SlaClockRescheduled) event;
            clockKnown(e.clockId(), e.metric().name(), update).set(path(SLA_CLOCKS, e.clockId(), DUE_AT), date(e.dueAt()));
        } else if (event instanceof SlaClockResumed) {
            SlaClockResumed e = (SlaClockResumed) event;
            clockKnown(e.clockId(), e.metric().name(), update).set(path(SLA_CLOCKS, e.clockId(), DUE_AT), date(e.dueAt()))
                    .set(path(SLA_CLOCKS, e.clockId(), PAUSED_AT), null);
        } else if (event instanceof SlaClockPaused) {
            SlaClockPaused e = (SlaClockPaused) event;
            clockKnown(e.clockId(), e.metric().name(), update).set(path(SLA_CLOCKS, e.clockId(), PAUSED_AT), date(e.pausedAt()));
        } else if (event instanceof SlaClockStopped) {
            SlaClockStopped e = (SlaClockStopped) event;
            clockKnown(e.clockId(), e.metric().name(), update).min(path(SLA_CLOCKS, e.clockId(), STOPPED_AT), date(e.stoppedAt()));
        } else if (event instanceof SlaBreached) {
            SlaBreached e = (SlaBreached) event;
            clockKnown(e.clockId(), e.metric().name(), update).min(path(SLA_CLOCKS, e.clockId(), BREACHED_AT), date(e.breachedAt()));
        } else if (event instanceof TicketEscalated) {
            escalated((TicketEscalated) event, update);
        }
        // any other ticket event is still recorded as applied, and changes nothing else
    }

    private static Document timelineEntry(Envelope<? extends TicketflowEvent> envelope) {
        TicketflowEvent event = envelope.event();
        TicketStatus status = EventMoments.statusAfter(event);
        return new Document(EVENT_ID, envelope.id().toString())
                .append(EVENT, event.getClass().getSimpleName())
                .append(AT, date(EventMoments.at(event, envelope.time())))
                .append(SEQUENCE, EventMoments.sequence(event))
                .append(STATUS, status == null ? null : status.name())
                .append(DETAIL, EventMoments.detail(event));
    }

    private static Update clockKnown(String clockId, String metric, Update update) {
        return update.set(path(SLA_CLOCKS, clockId, CLOCK_ID), clockId).set(path(SLA_CLOCKS, clockId, METRIC), metric);
    }

    private static void reclassified(TicketReclassified e, Update update) {
        // lifecycle events of one ticket share a partition: the reclassification follows the creation
        update.set(TYPE, e.type().name())
                .set(NATURE, e.nature().name())
                .set(PRIORITY, e.priority().name())
                .set(DEPARTMENT, e.department().id());
    }

    private static void escalated(TicketEscalated e, Update update) {
        update.set(path(ESCALATIONS, e.escalationId(), ESCALATION_ID), e.escalationId())
                .set(path(ESCALATIONS, e.escalationId(), LEVEL), e.level().name())
                .set(path(ESCALATIONS, e.escalationId(), DEPARTMENT), e.department().id())
                .set(path(ESCALATIONS, e.escalationId(), ESCALATED_AT), date(e.escalatedAt()));
    }

    private static void callbackCompleted(CallbackCompleted e, Update update) {
        update.set(path(CALLBACKS, e.callbackId(), CALLBACK_ID), e.callbackId())
                .set(path(CALLBACKS, e.callbackId(), OPENED_AT), date(e.openedAt()))
                .set(path(CALLBACKS, e.callbackId(), RATING), e.rating())
                .set(path(CALLBACKS, e.callbackId(), COMPLETED_AT), date(e.completedAt()))
                .set(path(CALLBACKS, e.callbackId(), OUTCOME), e.outcome().name());
    }

    private static void created(TicketCreated e, Update update) {
        update.set(CHANNEL, e.channel().name())
                .set(TYPE, e.type().name())
                .set(NATURE, e.nature().name())
                .set(PRIORITY, e.priority().name())
                .set(DEPARTMENT, e.department().id())
                .set(VIP, e.vip())
                .set(TAGS, e.tags())
                .set(CREATED_AT, date(e.occurredAt()));
    }

    private static void replied(TicketReplied e, Update update) {
        if (e.author() == ReplyAuthor.AGENT || e.firstResponse()) {
            // the earliest agent reply is the first response, whichever reply is delivered first
            update.min(FIRST_RESPONSE_AT, date(e.occurredAt())).inc(AGENT_REPLIES, 1);
        } else {
            update.inc(CUSTOMER_REPLIES, 1);
        }
    }

    private static void resolved(TicketResolved e, Update update) {
        update.min(RESOLVED_AT, date(e.occurredAt()))
                .max(LAST_RESOLVED_AT, date(e.occurredAt()))
                .max(RESOLUTIONS, e.resolutionNo());
    }

    private static void assigned(TicketAssigned e, Update update) {
        // routing's events of one ticket share a partition, so the last one applied is the latest decision
        update.set(ASSIGNEE, e.agentId())
                .set(TEAM, e.team())
                .set(ASSIGNED_DEPARTMENT, e.department().id())
                .min(FIRST_ASSIGNED_AT, date(e.assignedAt()))
                .inc(ASSIGNMENT_COUNT, 1);
    }

    private static void clockStarted(SlaClockStarted e, Update update) {
        if (e.priority() != null) {
            update.set(path(SLA_CLOCKS, e.clockId(), PRIORITY), e.priority().name());
        }
        update.set(path(SLA_CLOCKS, e.clockId(), CLOCK_ID), e.clockId())
                .set(path(SLA_CLOCKS, e.clockId(), METRIC), e.metric().name())
                .set(path(SLA_CLOCKS, e.clockId(), STARTED_AT), date(e.startedAt()))
                .set(path(SLA_CLOCKS, e.clockId(), DUE_AT), date(e.dueAt()));
    }

    private static void clockMet(SlaClockMet e, Update update) {
        update.set(path(SLA_CLOCKS, e.clockId(), CLOCK_ID), e.clockId())
                .set(path(SLA_CLOCKS, e.clockId(), METRIC), e.metric().name())
                .set(path(SLA_CLOCKS, e.clockId(), MET_AT), date(e.metAt()))
                .set(path(SLA_CLOCKS, e.clockId(), ON_TIME), e.onTime());
        if (e.startedAt() != null) {
            update.set(path(SLA_CLOCKS, e.clockId(), STARTED_AT), date(e.startedAt()));
        }
        if (e.dueAt() != null) {
            update.set(path(SLA_CLOCKS, e.clockId(), DUE_AT), date(e.dueAt()));
        }
    }

    private static void surveySent(SurveySent e, Update update) {
        update.set(path(SURVEYS, e.surveyId(), SURVEY_ID), e.surveyId())
                .set(path(SURVEYS, e.surveyId(), RESOLUTION_NO), e.resolutionNo())
                .set(path(SURVEYS, e.surveyId(), SENT_AT), date(e.sentAt()));
    }

    private static void rated(RatingReceived e, Update update) {
        // keyed by survey: the same answer delivered twice is one rating
        update.set(path(RATINGS, e.surveyId(), SURVEY_ID), e.surveyId())
                .set(path(RATINGS, e.surveyId(), RATING), e.rating())
                .set(path(RATINGS, e.surveyId(), NPS_SCORE), e.npsScore())
                .set(path(RATINGS, e.surveyId(), RATED_AT), date(e.ratedAt()))
                .set(path(RATINGS, e.surveyId(), RECOVERY), e.recovery());
    }

    private static void callbackOpened(CallbackOpened e, Update update) {
        update.set(path(CALLBACKS, e.callbackId(), CALLBACK_ID), e.callbackId())
                .set(path(CALLBACKS, e.callbackId(), SURVEY_ID), e.surveyId())
                .set(path(CALLBACKS, e.callbackId(), RATING), e.rating())
                .set(path(CALLBACKS, e.callbackId(), OPENED_AT), date(e.openedAt()))
                .set(path(CALLBACKS, e.callbackId(), DUE_AT), date(e.dueAt()));
    }

    private static Date date(Instant instant) {
        return instant == null ? null : Date.from(instant);
    }
}
