package io.ticketflow.feedback.callback;

import io.ticketflow.events.RatingReceived;
import io.ticketflow.feedback.outbox.Outbox;
import io.ticketflow.feedback.ticket.TicketAssignment;
import io.ticketflow.feedback.ticket.TicketAssignments;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Opens a callback for every dissatisfied rating, fed by feedback's own {@code ticket.feedback}
 * topic. A redelivered rating finds the callback it opened and at most finishes publishing it.
 */
@Component
public class CallbackOpener {

    private static final Logger log = LoggerFactory.getLogger(CallbackOpener.class);

    private final CallbackTasks callbacks;
    private final Outbox outbox;
    private final TicketAssignments assignments;
    private final CallbackProperties properties;
    private final WorkingHours calendar;
    private final Clock clock;

    CallbackOpener(CallbackTasks callbacks, Outbox outbox, TicketAssignments assignments, CallbackProperties properties,
            Clock clock) {
        this.callbacks = callbacks;
        this.outbox = outbox;
        this.assignments = assignments;
        this.properties = properties;
        this.calendar = properties.calendar();
        this.clock = clock;
    }

    /**
     * Opens the callback a rating calls for, if any.
     *
     * @param causeId the {@code ce_id} of the {@code RatingReceived}, for the log
     */
    public void openFor(RatingReceived rating, UUID causeId) {
        if (!CallbackTask.isDissatisfied(rating.rating())) {
            log.debug("no callback for satisfied rating ticketNo={} surveyId={} rating={} causeId={}", rating.ticketNo(),
                    rating.surveyId(), rating.rating(), causeId);
            return;
        }
        // the lead of the team that held the ticket; the configured owner when routing named none
        Optional<TicketAssignment> assignment = assignments.find(rating.ticketId());
        String owner = assignment.map(TicketAssignment::teamLead).filter(lead -> !lead.isBlank())
                .orElse(properties.callbackOwner());
        String team = assignment.map(TicketAssignment::team).orElse(null);
        Optional<CallbackTask> opened = CallbackTask.openFor(rating, owner, team, calendar, properties.callbackDeadline(),
                clock.instant());
        if (opened.isEmpty()) {
            log.debug("no callback for satisfied rating ticketNo={} surveyId={} rating={} causeId={}", rating.ticketNo(),
                    rating.surveyId(), rating.rating(), causeId);
            return;
        }
        CallbackTask task = opened.get();
        if (callbacks.insert(task)) {
            boolean published = outbox.flush(CallbackTask.COLLECTION, task.callbackId(), task.pending()) == task.pending().size();
            log.info("callback opened ticketNo={} callbackId={} surveyId={} rating={} owner={} team={} dueAt={} eventId={} published={} causeId={}",
                    task.ticketNo(), task.callbackId(), task.surveyId(), task.rating(), task.owner(), task.team(), task.dueAt(),
                    CallbackTask.openedEventId(task.callbackId()), published, causeId);
            return;
        }
        CallbackTask stored = callbacks.byId(task.callbackId())
                .orElseThrow(() -> new IllegalStateException("callback " + task.callbackId() + " neither inserted nor found"));
        log.debug("callback already open ticketNo={} callbackId={} causeId={}", stored.ticketNo(), stored.callbackId(), causeId);
        if (!stored.pending().isEmpty()) {
            outbox.flush(CallbackTask.COLLECTION, stored.callbackId(), stored.pending());
        }
    }
}
