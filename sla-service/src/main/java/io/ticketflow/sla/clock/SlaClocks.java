package io.ticketflow.sla.clock;

import io.ticketflow.events.CallbackCompleted;
import io.ticketflow.events.CallbackOpened;
import io.ticketflow.events.CollaboratorAdded;
import io.ticketflow.events.CollaboratorProgressReported;
import io.ticketflow.events.Department;
import io.ticketflow.events.HoldReason;
import io.ticketflow.events.Priority;
import io.ticketflow.events.ReplyAuthor;
import io.ticketflow.events.SlaMetric;
import io.ticketflow.events.TicketClosed;
import io.ticketflow.events.TicketCreated;
import io.ticketflow.events.TicketHeld;
import io.ticketflow.events.TicketInfoProvided;
import io.ticketflow.events.TicketInfoRequested;
import io.ticketflow.events.TicketReclassified;
import io.ticketflow.events.TicketReopened;
import io.ticketflow.events.TicketReplied;
import io.ticketflow.events.TicketResolved;
import io.ticketflow.events.TicketResumed;
import io.ticketflow.events.TicketStatus;
import io.ticketflow.sla.calendar.BusinessCalendar;
import io.ticketflow.sla.calendar.BusinessCalendars;
import io.ticketflow.sla.calendar.TimeMode;
import io.ticketflow.sla.policy.PolicyBook;
import io.ticketflow.sla.policy.PolicyTable;
import io.ticketflow.sla.policy.SlaPolicy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Starts, pauses, resumes, recomputes and stops tickets' SLA clocks as the ticket's lifecycle
 * unfolds. Each method is safe to repeat with the same event: a clock exists once per ticket,
 * metric, scope and round, and every change is written only over the version it was computed from.
 * The methods return the ids of the clocks that may hold events to publish.
 */
@Service
public class SlaClocks {

    private static final Logger log = LoggerFactory.getLogger(SlaClocks.class);
    private static final int ATTEMPTS = 10;

    private final ClockStore store;
    private final PolicyBook policies;
    private final BusinessCalendars calendars;
    private final Deadlines deadlines;
    private final DeadlineProperties deadlineProperties;
    private final Clock clock;

    SlaClocks(ClockStore store, PolicyBook policies, BusinessCalendars calendars, Deadlines deadlines,
            DeadlineProperties deadlineProperties, Clock clock) {
        this.store = store;
        this.policies = policies;
        this.calendars = calendars;
        this.deadlines = deadlines;
        this.deadlineProperties = deadlineProperties;
        this.clock = clock;
    }

    /**
     * A new ticket: its first-response and resolution clocks start at its creation time; a P0
     * ticket also gets its emergency-handling milestone, a NEEDS_INFO ticket its follow-up clock.
     */
    public List<String> ticketCreated(TicketCreated created, UUID eventId) {
        PolicyTable table = policies.current();
        List<String> touched = new ArrayList<>();
        SlaClock.Start base = new SlaClock.Start(created.ticketId(), created.ticketNo(), SlaMetric.FIRST_RESPONSE, null, 1,
                created.priority(), created.department(), created.occurredAt());
        start(base, table.policyFor(SlaMetric.FIRST_RESPONSE, created.priority()), eventId).ifPresent(touched::add);
        start(with(base, SlaMetric.RESOLUTION, null, 1, created.occurredAt()), table.policyFor(SlaMetric.RESOLUTION, created.priority()),
                eventId).ifPresent(touched::add);
        if (created.priority() == Priority.P0) {
            start(with(base, SlaMetric.RESOLUTION, SlaPolicy.EMERGENCY_HANDLING, 1, created.occurredAt()), table.emergencyHandling(),
                    eventId).ifPresent(touched::add);
        }
        if (created.status() == TicketStatus.NEEDS_INFO) {
            start(with(base, SlaMetric.NEEDS_INFO_FOLLOW_UP, null, (int) created.sequence(), created.occurredAt()),
                    table.policyFor(SlaMetric.NEEDS_INFO_FOLLOW_UP, created.priority()), eventId).ifPresent(touched::add);
        }
        return touched;
    }

    /**
     * An agent's reply meets the first-response clock or the running next-response clock. A
     * customer's reply resumes paused clocks and, once the first response was given, starts a
     * next-response clock (one per customer reply that finds none running).
     */
    public List<String> ticketReplied(TicketReplied replied, UUID eventId) {
        List<String> touched = new ArrayList<>();
        if (replied.author() == ReplyAuthor.AGENT) {
            meet(replied.ticketId(), SlaMetric.FIRST_RESPONSE, null, replied.occurredAt(), eventId).ifPresent(touched::add);
            meet(replied.ticketId(), SlaMetric.NEXT_RESPONSE, null, replied.occurredAt(), eventId).ifPresent(touched::add);
            return touched;
        }
        touched.addAll(resumeAll(replied.ticketId(), replied.occurredAt(), eventId));
        boolean awaitingAnswer = store.open(replied.ticketId(), SlaMetric.FIRST_RESPONSE, null).isPresent()
                || store.open(replied.ticketId(), SlaMetric.NEXT_RESPONSE, null).isPresent();
        Optional<SlaClock> own = ownClock(replied.ticketId());
        if (!awaitingAnswer && own.isPresent()) {
            SlaClock facts = own.get();
            SlaClock.Start next = new SlaClock.Start(replied.ticketId(), replied.ticketNo(), SlaMetric.NEXT_RESPONSE, null,
                    (int) replied.sequence(), facts.priority(), facts.department(), replied.occurredAt());
            start(next, policies.current().policyFor(SlaMetric.NEXT_RESPONSE, facts.priority()), eventId).ifPresent(touched::add);
        }
        return touched;
    }

    /**
     * Resolution meets the ticket's own clocks (first and next response, resolution, its P0
     * milestone, NEEDS_INFO follow-up) and stops collaborators' clocks; callbacks go on.
     */
    public List<String> ticketResolved(TicketResolved resolved, UUID eventId) {
        List<String> touched = new ArrayList<>();
        for (SlaClock open : store.openOf(resolved.ticketId())) {
            boolean own = open.scope() == null || SlaPolicy.EMERGENCY_HANDLING.equals(open.scope());
            if (open.metric() == SlaMetric.CALLBACK) {
                continue;
            }
            if (own) {
                meet(open, resolved.occurredAt(), eventId).ifPresent(touched::add);
            } else {
                stop(open, "ticket-resolved", resolved.occurredAt(), eventId).ifPresent(touched::add);
            }
        }
        return touched;
    }

    /** A reopened ticket gets a new resolution clock (round = reopen number + 1) under its current policy. */
    public List<String> ticketReopened(TicketReopened reopened, UUID eventId) {
        Optional<SlaClock> own = ownClock(reopened.ticketId());
        if (own.isEmpty()) {
            return List.of();
        }
        SlaClock facts = own.get();
        SlaClock.Start start = new SlaClock.Start(reopened.ticketId(), reopened.ticketNo(), SlaMetric.RESOLUTION, null,
                reopened.reopenNo() + 1, facts.priority(), facts.department(), reopened.occurredAt());
        return start(start, policies.current().policyFor(SlaMetric.RESOLUTION, facts.priority()), eventId).map(List::of)
                .orElse(List.of());
    }

    /** A closed ticket's clocks stop, whatever they measure. */
    public List<String> ticketClosed(TicketClosed closed, UUID eventId) {
        List<String> touched = new ArrayList<>();
        for (SlaClock open : store.openOf(closed.ticketId())) {
            stop(open, "ticket-closed", closed.occurredAt(), eventId).ifPresent(touched::add);
        }
        return touched;
    }

    /** Held on the customer: the ticket's own response and resolution clocks stand still. */
    public List<String> ticketHeld(TicketHeld held, UUID eventId) {
        if (held.reason() != HoldReason.WAITING_FOR_CUSTOMER) {
            return List.of();
        }
        return pauseAll(held.ticketId(), held.occurredAt(), eventId);
    }

    /** Work goes on: paused clocks count again. */
    public List<String> ticketResumed(TicketResumed resumed, UUID eventId) {
        return resumeAll(resumed.ticketId(), resumed.occurredAt(), eventId);
    }

    /**
     * The customer is asked for missing information: the ticket waits on them, so its own clocks
     * pause, and the NEEDS_INFO follow-up clock starts (unless one runs already).
     */
    public List<String> infoRequested(TicketInfoRequested requested, UUID eventId) {
        List<String> touched = new ArrayList<>(pauseAll(requested.ticketId(), requested.occurredAt(), eventId));
        if (store.open(requested.ticketId(), SlaMetric.NEEDS_INFO_FOLLOW_UP, null).isEmpty()) {
            Optional<SlaClock> own = ownClock(requested.ticketId());
            Priority priority = own.map(SlaClock::priority).orElse(null);
            Department department = own.map(SlaClock::department).orElse(null);
            SlaClock.Start start = new SlaClock.Start(requested.ticketId(), requested.ticketNo(), SlaMetric.NEEDS_INFO_FOLLOW_UP,
                    null, (int) requested.sequence(), priority, department, requested.occurredAt());
            start(start, policies.current().policyFor(SlaMetric.NEEDS_INFO_FOLLOW_UP, priority), eventId).ifPresent(touched::add);
        }
        return touched;
    }

    /** The customer answered: paused clocks resume; once nothing is missing the follow-up clock is met. */
    public List<String> infoProvided(TicketInfoProvided provided, UUID eventId) {
        List<String> touched = new ArrayList<>(resumeAll(provided.ticketId(), provided.occurredAt(), eventId));
        if (provided.stillMissing().isEmpty()) {
            meet(provided.ticketId(), SlaMetric.NEEDS_INFO_FOLLOW_UP, null, provided.occurredAt(), eventId).ifPresent(touched::add);
        }
        return touched;
    }

    /**
     * A new priority or department: the ticket's own open clocks are recounted from their start
     * under the new policy and the new department's calendar. Becoming P0 starts the
     * emergency-handling milestone (from the reclassification); leaving P0 stops it.
     */
    public List<String> reclassified(TicketReclassified changed, UUID eventId) {
        PolicyTable table = policies.current();
        BusinessCalendar calendar = calendarFor(changed.department());
        List<String> touched = new ArrayList<>();
        for (SlaClock open : store.openOf(changed.ticketId())) {
            if (SlaPolicy.EMERGENCY_HANDLING.equals(open.scope())) {
                if (changed.priority() != Priority.P0) {
                    stop(open, "reclassified", changed.occurredAt(), eventId).ifPresent(touched::add);
                }
                continue;
            }
            if (open.scope() != null) {
                continue;
            }
            SlaPolicy policy = table.policyFor(open.metric(), changed.priority());
            Duration budget = policy.allowance().budgetOn(calendar);
            TimeMode mode = policy.allowance().mode();
            String reason = "reclassified " + changed.previousPriority() + "->" + changed.priority()
                    + (changed.previousDepartment() == changed.department() ? "" : " " + changed.previousDepartment() + "->" + changed.department());
            change(open, c -> c.reschedule(changed.priority(), changed.department(), budget, mode, calendar, reason,
                    changed.occurredAt(), clock.instant()), "rescheduled", eventId).ifPresent(touched::add);
        }
        if (changed.priority() == Priority.P0 && changed.previousPriority() != Priority.P0) {
            SlaClock.Start milestone = new SlaClock.Start(changed.ticketId(), changed.ticketNo(), SlaMetric.RESOLUTION,
                    SlaPolicy.EMERGENCY_HANDLING, 1, Priority.P0, changed.department(), changed.occurredAt());
            start(milestone, table.emergencyHandling(), eventId).ifPresent(touched::add);
        }
        return touched;
    }

    /**
     * A collaborating department joins: its progress clock starts (a report every 2 h by
     * default), and, where the department has an answer time (logistics 1 h, R&amp;D 24 h), its
     * answer clock.
     */
    public List<String> collaboratorAdded(CollaboratorAdded added, UUID eventId) {
        List<String> touched = new ArrayList<>();
        Optional<SlaClock> own = ownClock(added.ticketId());
        Priority priority = own.map(SlaClock::priority).orElse(null);
        String scope = added.department().id();
        if (store.open(added.ticketId(), SlaMetric.COLLABORATOR_PROGRESS, scope).isEmpty()) {
            SlaClock.Start progress = new SlaClock.Start(added.ticketId(), added.ticketNo(), SlaMetric.COLLABORATOR_PROGRESS, scope, 1,
                    priority, added.department(), added.addedAt());
            start(progress, policies.current().policyFor(SlaMetric.COLLABORATOR_PROGRESS, priority), eventId).ifPresent(touched::add);
        }
        policies.current().departmentAnswer(added.department()).ifPresent(answer -> {
            SlaClock.Start start = new SlaClock.Start(added.ticketId(), added.ticketNo(), SlaMetric.RESOLUTION, answer.scope(), 1,
                    priority, added.department(), added.addedAt());
            start(start, answer, eventId).ifPresent(touched::add);
        });
        return touched;
    }

    /**
     * A progress report meets the department's progress clock and starts the next one, unless
     * its part is finished; a finished report also meets the department's answer clock.
     */
    public List<String> progressReported(CollaboratorProgressReported report, UUID eventId) {
        List<String> touched = new ArrayList<>();
        String scope = report.department().id();
        Optional<SlaClock> open = store.open(report.ticketId(), SlaMetric.COLLABORATOR_PROGRESS, scope);
        if (open.isPresent()) {
            SlaClock current = open.get();
            meet(current, report.reportedAt(), eventId).ifPresent(touched::add);
            if (!report.finished()) {
                SlaClock.Start next = new SlaClock.Start(report.ticketId(), report.ticketNo(), SlaMetric.COLLABORATOR_PROGRESS, scope,
                        current.round() + 1, current.priority(), report.department(), report.reportedAt());
                start(next, policies.current().policyFor(SlaMetric.COLLABORATOR_PROGRESS, current.priority()), eventId)
                        .ifPresent(touched::add);
            }
        }
        if (report.finished()) {
            meet(report.ticketId(), SlaMetric.RESOLUTION, PolicyTable.answerScope(report.department()), report.reportedAt(), eventId)
                    .ifPresent(touched::add);
        }
        return touched;
    }

    /** A callback starts its clock: due at the callback's own due time, or after the callback policy. */
    public List<String> callbackOpened(CallbackOpened opened, UUID eventId) {
        Optional<SlaClock> own = ownClock(opened.ticketId());
        SlaClock.Start start = new SlaClock.Start(opened.ticketId(), opened.ticketNo(), SlaMetric.CALLBACK, opened.callbackId(), 1,
                own.map(SlaClock::priority).orElse(null), own.map(SlaClock::department).orElse(null), opened.openedAt());
        if (opened.dueAt() != null && opened.dueAt().isAfter(opened.openedAt())) {
            BusinessCalendar calendar = calendarFor(start.department());
            return start(start, Duration.between(opened.openedAt(), opened.dueAt()), TimeMode.CALENDAR, calendar, eventId)
                    .map(List::of).orElse(List.of());
        }
        return start(start, policies.current().policyFor(SlaMetric.CALLBACK, start.priority()), eventId).map(List::of)
                .orElse(List.of());
    }

    /** A completed callback meets its clock. */
    public List<String> callbackCompleted(CallbackCompleted completed, UUID eventId) {
        return meet(completed.ticketId(), SlaMetric.CALLBACK, completed.callbackId(), completed.completedAt(), eventId)
                .map(List::of).orElse(List.of());
    }

    /** A ticket's clocks, by metric, scope, then round; empty for a ticket this service has not seen. */
    public List<SlaClock> clocksOf(String ticketNo) {
        return store.byTicketNo(ticketNo);
    }

    /** Running clocks, the nearest deadline first. */
    public List<SlaClock> atRisk(int limit) {
        return store.runningByDeadline(limit);
    }

    /** The calendar a department counts on: its own (a calendar with the department's id) or the policy calendar. */
    public BusinessCalendar calendarFor(Department department) {
        if (department != null) {
            Optional<BusinessCalendar> own = calendars.find(department.id());
            if (own.isPresent()) {
                return own.get();
            }
        }
        return calendars.get(policies.current().calendar());
    }

    private static SlaClock.Start with(SlaClock.Start base, SlaMetric metric, String scope, int round, Instant at) {
        return new SlaClock.Start(base.ticketId(), base.ticketNo(), metric, scope, round, base.priority(), base.department(), at);
    }

    /** The ticket's first resolution clock, which knows its priority and department. */
    private Optional<SlaClock> ownClock(String ticketId) {
        Optional<SlaClock> open = store.open(ticketId, SlaMetric.RESOLUTION, null);
        if (open.isPresent()) {
            return open;
        }
        return store.byId(SlaClock.idOf(ticketId, SlaMetric.RESOLUTION, 1));
    }

    private Optional<String> start(SlaClock.Start start, SlaPolicy policy, UUID eventId) {
        BusinessCalendar calendar = calendarFor(start.department());
        return start(start, policy.allowance().budgetOn(calendar), policy.allowance().mode(), calendar, eventId);
    }

    private Optional<String> start(SlaClock.Start start, Duration budget, TimeMode mode, BusinessCalendar calendar, UUID eventId) {
        SlaClock started = SlaClock.start(start, budget, mode, calendar, deadlineProperties.warningPercents(), clock.instant());
        if (store.insertIfAbsent(started)) {
            log.info("sla clock started ticketNo={} metric={} scope={} priority={} budget={} mode={} dueAt={} clockId={} eventId={} cause={}",
                    started.ticketNo(), started.metric(), started.scope(), started.priority(), started.budget(), started.mode(),
                    started.dueAt(), started.clockId(), SlaClock.startedEventId(started.clockId()), eventId);
            deadlines.offer(started);
        } else {
            log.debug("sla clock already started ticketNo={} metric={} clockId={} cause={}", started.ticketNo(), started.metric(),
                    started.clockId(), eventId);
        }
        return Optional.of(started.clockId());
    }

    private Optional<String> meet(String ticketId, SlaMetric metric, String scope, Instant at, UUID eventId) {
        Optional<SlaClock> open = store.open(ticketId, metric, scope);
        if (open.isEmpty()) {
            // an unknown ticket, a clock already stopped, or a redelivered event: nothing to do
            log.debug("no open {} clock scope={} ticketId={} cause={}", metric, scope, ticketId, eventId);
            return Optional.empty();
        }
        return meet(open.get(), at, eventId);
    }

    private Optional<String> meet(SlaClock open, Instant at, UUID eventId) {
        return change(open, c -> c.open() ? Optional.of(c.meet(at, clock.instant())) : Optional.empty(), "met", eventId);
    }

    private Optional<String> stop(SlaClock open, String reason, Instant at, UUID eventId) {
        return change(open, c -> c.open() ? Optional.of(c.stop(reason, at, clock.instant())) : Optional.empty(), "stopped", eventId);
    }

    private List<String> pauseAll(String ticketId, Instant at, UUID eventId) {
        List<String> touched = new ArrayList<>();
        for (SlaClock open : store.openOf(ticketId)) {
            if (open.pausable()) {
                change(open, c -> c.pause(at, clock.instant()), "paused", eventId).ifPresent(touched::add);
            }
        }
        return touched;
    }

    private List<String> resumeAll(String ticketId, Instant at, UUID eventId) {
        List<String> touched = new ArrayList<>();
        List<SlaClock> open = new ArrayList<>(store.openOf(ticketId));
        open.sort(Comparator.comparing(SlaClock::clockId));
        for (SlaClock paused : open) {
            if (paused.state() == ClockState.PAUSED) {
                BusinessCalendar calendar = calendars.find(paused.calendar()).orElseGet(() -> calendarFor(paused.department()));
                change(paused, c -> c.resume(at, calendar, clock.instant()), "resumed", eventId).ifPresent(touched::add);
            }
        }
        return touched;
    }

    /** Applies a change over the version read; re-reads and decides again when another writer was first. */
    private Optional<String> change(SlaClock read, Function<SlaClock, Optional<SlaClock>> decision, String what, UUID eventId) {
        SlaClock current = read;
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Optional<SlaClock> next = decision.apply(current);
            if (next.isEmpty()) {
                return Optional.empty();
            }
            if (store.replace(current, next.get())) {
                SlaClock written = next.get();
                log.info("sla clock {} ticketNo={} metric={} scope={} state={} dueAt={} clockId={} eventId={} cause={}", what,
                        written.ticketNo(), written.metric(), written.scope(), written.state(), written.dueAt(), written.clockId(),
                        written.pendingEvents().isEmpty() ? null : written.pendingEvents().get(written.pendingEvents().size() - 1).eventId(),
                        eventId);
                deadlines.offer(written);
                return Optional.of(written.clockId());
            }
            Optional<SlaClock> reread = store.byId(read.clockId());
            if (reread.isEmpty()) {
                return Optional.empty();
            }
            current = reread.get();
        }
        throw new IllegalStateException("clock " + read.clockId() + " kept changing under " + ATTEMPTS + " attempts");
    }
}
