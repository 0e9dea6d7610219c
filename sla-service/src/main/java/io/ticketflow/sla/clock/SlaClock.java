package io.ticketflow.sla.clock;

import static java.util.Objects.requireNonNull;

import io.ticketflow.events.Department;
import io.ticketflow.events.EventIds;
import io.ticketflow.events.Priority;
import io.ticketflow.events.SlaBreached;
import io.ticketflow.events.SlaClockMet;
import io.ticketflow.events.SlaClockPaused;
import io.ticketflow.events.SlaClockRescheduled;
import io.ticketflow.events.SlaClockResumed;
import io.ticketflow.events.SlaClockStarted;
import io.ticketflow.events.SlaClockStopped;
import io.ticketflow.events.SlaMetric;
import io.ticketflow.events.SlaWarningRaised;
import io.ticketflow.sla.calendar.BusinessCalendar;
import io.ticketflow.sla.calendar.Pause;
import io.ticketflow.sla.calendar.TimeMode;
import io.ticketflow.sla.outbox.OutboxDocument;
import io.ticketflow.sla.outbox.PendingEvent;
import io.ticketflow.sla.policy.SlaPolicy;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One SLA clock of a ticket, e.g. its first-response clock, as stored in the {@code clocks}
 * collection. The id is deterministic (ticket, metric, scope, round), so starting the same clock
 * twice finds the first one. Times are kept to the millisecond, the precision MongoDB stores, so
 * that events, documents and the API agree exactly.
 * <p>
 * Every change is a pure function from one version of the document to the next, carrying the
 * events it decided as pending events; the store writes it only if the document is still at the
 * version it was read at.
 *
 * @param clockId       the document's {@code _id}, see {@link #idOf(String, SlaMetric, String, int)}
 * @param scope         null for the ticket's own clock of the metric; {@code emergency-handling} for the
 *                      P0 milestone, {@code answer:<dept>} / {@code <dept>} for a collaborating department,
 *                      the callback id for a callback
 * @param round         1 for the first clock of its metric and scope; a later clock of the same kind
 *                      (next response, a new info request) has its own round
 * @param calendar      the business calendar the due time was counted on
 * @param budget        the allowance as a duration; one working day is the calendar's working day
 * @param pauses        the finished pauses, whose time is added back to the deadline
 * @param pausedSince   when the current pause began, or null while counting
 * @param warnings      the warning thresholds under the current deadline
 * @param breachedDue   the deadline this clock breached, or null; a rescheduled deadline can breach again
 * @param nextFireAt    when the scheduler must next look at this clock (a warning or the deadline), or
 *                      null when nothing is left to fire; indexed
 * @param version       optimistic lock: a change is written only over the version it was computed from
 * @param pendingEvents decided events not yet acknowledged by Kafka, oldest first
 */
@Document("clocks")
public record SlaClock(
        @Id String clockId,
        String ticketId,
        String ticketNo,
        SlaMetric metric,
        String scope,
        int round,
        Priority priority,
        Department department,
        String calendar,
        Duration budget,
        TimeMode mode,
        Instant startedAt,
        Instant dueAt,
        ClockState state,
        Instant metAt,
        Boolean onTime,
        List<Pause> pauses,
        Instant pausedSince,
        List<ClockWarning> warnings,
        Instant breachedDue,
        Instant nextFireAt,
        Instant endedAt,
        String endReason,
        long version,
        List<PendingEvent> pendingEvents) {

    /** The default warning thresholds in percent of the budget. */
    public static final List<Integer> DEFAULT_WARNINGS = List.of(50, 75, 90);

    public SlaClock {
        requireNonNull(clockId, "clockId");
        requireNonNull(ticketId, "ticketId");
        requireNonNull(ticketNo, "ticketNo");
        requireNonNull(metric, "metric");
        requireNonNull(startedAt, "startedAt");
        requireNonNull(dueAt, "dueAt");
        requireNonNull(state, "state");
        pauses = pauses == null ? List.of() : List.copyOf(pauses);
        warnings = warnings == null ? List.of() : List.copyOf(warnings);
        pendingEvents = pendingEvents == null ? List.of() : List.copyOf(pendingEvents);
    }

    /**
     * Reads a stored clock. A clock written before clocks had a {@code version} (an older release
     * of this service) reads as version 0 instead of failing every query that meets it.
     */
    @PersistenceCreator
    static SlaClock stored(String clockId, String ticketId, String ticketNo, SlaMetric metric, String scope, int round,
            Priority priority, Department department, String calendar, Duration budget, TimeMode mode, Instant startedAt,
            Instant dueAt, ClockState state, Instant metAt, Boolean onTime, List<Pause> pauses, Instant pausedSince,
            List<ClockWarning> warnings, Instant breachedDue, Instant nextFireAt, Instant endedAt, String endReason,
            Long version, List<PendingEvent> pendingEvents) {
        return new SlaClock(clockId, ticketId, ticketNo, metric, scope, round, priority, department, calendar, budget, mode,
                startedAt, dueAt, state, metAt, onTime, pauses, pausedSince, warnings, breachedDue, nextFireAt, endedAt,
                endReason, version == null ? 0 : version, pendingEvents);
    }

    /** The id of a ticket's own clock for a metric and round. */
    public static String idOf(String ticketId, SlaMetric metric, int round) {
        return idOf(ticketId, metric, null, round);
    }

    /** The id of a ticket's clock for a metric, scope and round. */
    public static String idOf(String ticketId, SlaMetric metric, String scope, int round) {
        UUID id = scope == null ? EventIds.of("sla-clock", ticketId, metric, round) : EventIds.of("sla-clock", ticketId, metric, scope, round);
        return id.toString();
    }

    /** What a new clock is: whose, which metric, when it started. */
    public record Start(String ticketId, String ticketNo, SlaMetric metric, String scope, int round, Priority priority,
            Department department, Instant at) {
    }

    /**
     * A new running clock whose due time the policy and calendar decide, holding its
     * {@link SlaClockStarted} as a pending event.
     */
    public static SlaClock start(String ticketId, String ticketNo, SlaMetric metric, Priority priority, Instant at,
            SlaPolicy policy, BusinessCalendar calendar, Instant now) {
        return start(new Start(ticketId, ticketNo, metric, null, 1, priority, null, at), policy.allowance().budgetOn(calendar),
                policy.allowance().mode(), calendar, DEFAULT_WARNINGS, now);
    }

    /** A new running clock with a given budget. */
    public static SlaClock start(Start start, Duration budget, TimeMode mode, BusinessCalendar calendar, List<Integer> warningPercents,
            Instant now) {
        String clockId = idOf(start.ticketId(), start.metric(), start.scope(), start.round());
        Instant startedAt = millis(start.at());
        Instant dueAt = millis(calendar.dueAt(startedAt, budget, mode));
        List<ClockWarning> warnings = new ArrayList<>();
        for (int percent : warningPercents) {
            warnings.add(new ClockWarning(percent, warningAt(calendar, startedAt, budget, mode, List.of(), percent), ClockWarning.State.PENDING));
        }
        SlaClockStarted started = new SlaClockStarted(start.ticketId(), start.ticketNo(), clockId, start.metric(),
                start.priority(), budget, startedAt, dueAt);
        SlaClock clock = new SlaClock(clockId, start.ticketId(), start.ticketNo(), start.metric(), start.scope(), start.round(),
                start.priority(), start.department(), calendar.id(), budget, mode, startedAt, dueAt, ClockState.RUNNING, null, null,
                List.of(), null, warnings, null, null, null, null, 0,
                List.of(PendingEvent.of(startedEventId(clockId), started, now)));
        return clock.rescheduled();
    }

    /** The {@code ce_id} of this clock's {@link SlaClockStarted}. */
    public static UUID startedEventId(String clockId) {
        return EventIds.of("sla-clock-started", clockId);
    }

    /** The {@code ce_id} of this clock's {@link SlaClockMet}. */
    public static UUID metEventId(String clockId) {
        return EventIds.of("sla-clock-met", clockId);
    }

    /** The {@code ce_id} of the breach of a deadline: one per clock and deadline. */
    public static UUID breachEventId(String clockId, Instant dueAt) {
        return EventIds.of("sla-breach", clockId, dueAt);
    }

    /** Whether the clock is still counting or standing still, i.e. not ended. */
    public boolean open() {
        return state == ClockState.RUNNING || state == ClockState.PAUSED;
    }

    /** Whether the clock is counting. */
    public boolean running() {
        return state == ClockState.RUNNING;
    }

    /** Whether this clock stands still while the ticket waits on the customer. */
    public boolean pausable() {
        return scope == null
                && (metric == SlaMetric.FIRST_RESPONSE || metric == SlaMetric.NEXT_RESPONSE || metric == SlaMetric.RESOLUTION);
    }

    /** All the time this clock has stood still, the current pause up to {@code now} included. */
    public Duration pausedTotal(Instant now) {
        Duration total = Duration.ZERO;
        for (Pause pause : pauses) {
            total = total.plus(Duration.between(pause.from(), pause.to()));
        }
        if (pausedSince != null && now.isAfter(pausedSince)) {
            total = total.plus(Duration.between(pausedSince, now));
        }
        return total;
    }

    /** The clock's goal reached at {@code at}: met on time when {@code at} is not after the due time. */
    public SlaClock meet(Instant at, Instant now) {
        if (!open()) {
            throw new IllegalStateException("clock " + clockId + " is already " + state);
        }
        Instant metAt = millis(at);
        boolean onTime = !metAt.isAfter(dueAt);
        SlaClockMet met = new SlaClockMet(ticketId, ticketNo, clockId, metric, startedAt, dueAt, metAt, onTime);
        return new Draft(this).state(ClockState.MET).metAt(metAt).onTime(onTime).ended(metAt, "met")
                .pending(PendingEvent.of(metEventId(clockId), met, now)).build();
    }

    /** The clock ends without its goal met or missed, e.g. the ticket was closed. */
    public SlaClock stop(String reason, Instant at, Instant now) {
        if (!open()) {
            throw new IllegalStateException("clock " + clockId + " is already " + state);
        }
        Instant stoppedAt = millis(at);
        SlaClockStopped stopped = new SlaClockStopped(ticketId, ticketNo, clockId, metric, reason, stoppedAt);
        return new Draft(this).state(ClockState.STOPPED).ended(stoppedAt, reason)
                .pending(PendingEvent.of(EventIds.of("sla-clock-stopped", clockId), stopped, now)).build();
    }

    /** The clock stands still from {@code at}; empty when it is not counting. */
    public Optional<SlaClock> pause(Instant at, Instant now) {
        if (!running()) {
            return Optional.empty();
        }
        Instant pausedAt = millis(at);
        SlaClockPaused paused = new SlaClockPaused(ticketId, ticketNo, clockId, metric, pausedAt);
        Draft draft = new Draft(this).state(ClockState.PAUSED);
        draft.pausedSince = pausedAt;
        draft.nextFireAt = null;
        return Optional.of(draft.pending(PendingEvent.of(EventIds.of("sla-clock-paused", clockId, pausedAt), paused, now)).build());
    }

    /**
     * The clock counts again from {@code at}; the paused time is added back to the deadline
     * (working time only, for a working-time clock). Empty when it was not paused.
     */
    public Optional<SlaClock> resume(Instant at, BusinessCalendar calendar, Instant now) {
        if (state != ClockState.PAUSED) {
            return Optional.empty();
        }
        Instant resumedAt = millis(at).isBefore(pausedSince) ? pausedSince : millis(at);
        List<Pause> allPauses = new ArrayList<>(pauses);
        allPauses.add(new Pause(pausedSince, resumedAt));
        Draft draft = new Draft(this).state(ClockState.RUNNING);
        draft.pauses = allPauses;
        draft.pausedSince = null;
        draft.dueAt = millis(calendar.dueAt(startedAt, budget, mode, allPauses));
        draft.warnings = recountWarnings(calendar, budget, mode, allPauses, draft.dueAt, resumedAt);
        SlaClock resumed = draft.build();
        SlaClockResumed event = new SlaClockResumed(ticketId, ticketNo, clockId, metric, resumedAt, resumed.pausedTotal(resumedAt),
                resumed.dueAt());
        return Optional.of(new Draft(resumed)
                .pending(PendingEvent.of(EventIds.of("sla-clock-resumed", clockId, resumedAt), event, now)).build().rescheduled());
    }

    /**
     * The deadline recounted from the start under a new policy (priority or department changed).
     * Empty when nothing changes.
     */
    public Optional<SlaClock> reschedule(Priority newPriority, Department newDepartment, Duration newBudget, TimeMode newMode,
            BusinessCalendar calendar, String reason, Instant at, Instant now) {
        if (!open()) {
            return Optional.empty();
        }
        Instant newDue = millis(calendar.dueAt(startedAt, newBudget, newMode, pauses));
        if (newDue.equals(dueAt) && newBudget.equals(budget) && newMode == mode && calendar.id().equals(this.calendar)
                && newPriority == priority) {
            return Optional.empty();
        }
        Instant rescheduledAt = millis(at);
        Draft draft = new Draft(this);
        draft.priority = newPriority;
        draft.department = newDepartment;
        draft.budget = newBudget;
        draft.mode = newMode;
        draft.calendar = calendar.id();
        draft.dueAt = newDue;
        draft.warnings = recountWarnings(calendar, newBudget, newMode, pauses, newDue, rescheduledAt);
        SlaClockRescheduled event = new SlaClockRescheduled(ticketId, ticketNo, clockId, metric, newPriority, newBudget, newDue,
                reason, rescheduledAt);
        UUID id = EventIds.of("sla-clock-rescheduled", clockId, newPriority, newBudget, newDue);
        return Optional.of(draft.pending(PendingEvent.of(id, event, now)).build().rescheduled());
    }

    /** Whether the deadline passed at {@code now} without a breach recorded for it. */
    public boolean breachDue(Instant now) {
        return running() && !dueAt.isAfter(now) && !dueAt.equals(breachedDue);
    }

    /**
     * The breach of the current deadline, decided at {@code now}: warnings not yet raised are
     * skipped, the breach is the news. The event id depends only on the clock and the deadline.
     */
    public SlaClock breach(int breachNo, Instant now) {
        if (!breachDue(now)) {
            throw new IllegalStateException("clock " + clockId + " is not due at " + now);
        }
        Draft draft = new Draft(this);
        draft.breachedDue = dueAt;
        draft.warnings = warnings.stream()
                .map(w -> w.pending() ? new ClockWarning(w.percent(), w.at(), ClockWarning.State.SKIPPED) : w).toList();
        SlaBreached breached = new SlaBreached(ticketId, ticketNo, clockId, metric, priority, department, dueAt, millis(now), breachNo);
        return draft.pending(PendingEvent.of(breachEventId(clockId, dueAt), breached, now)).build().rescheduled();
    }

    /**
     * The warning due at {@code now}, if any: the highest threshold passed is raised, lower ones
     * passed at the same time are skipped.
     */
    public Optional<SlaClock> warn(Instant now) {
        if (!running()) {
            return Optional.empty();
        }
        ClockWarning latest = null;
        for (ClockWarning warning : warnings) {
            if (warning.pending() && !warning.at().isAfter(now) && (latest == null || warning.percent() > latest.percent())) {
                latest = warning;
            }
        }
        if (latest == null) {
            return Optional.empty();
        }
        final ClockWarning raised = latest;
        Draft draft = new Draft(this);
        draft.warnings = warnings.stream().map(w -> {
            if (w.percent() == raised.percent()) {
                return new ClockWarning(w.percent(), w.at(), ClockWarning.State.RAISED);
            }
            return w.pending() && !w.at().isAfter(now) ? new ClockWarning(w.percent(), w.at(), ClockWarning.State.SKIPPED) : w;
        }).toList();
        SlaWarningRaised event = new SlaWarningRaised(ticketId, ticketNo, clockId, metric, priority, department, raised.percent(),
                dueAt, millis(now));
        UUID id = EventIds.of("sla-warning", clockId, dueAt, raised.percent());
        return Optional.of(draft.pending(PendingEvent.of(id, event, now)).build().rescheduled());
    }

    /**
     * Whole seconds of wall-clock time left until the due time, rounded down, so negative as soon
     * as the clock is overdue; null once the clock stopped or while it is paused.
     */
    public Long remainingSecondsAt(Instant now) {
        if (!running()) {
            return null;
        }
        return Math.floorDiv(Duration.between(now, dueAt).toMillis(), 1000L);
    }

    /** The clock as the outbox sees it. */
    public OutboxDocument asOutbox() {
        return new OutboxDocument(clockId, ticketNo, pendingEvents);
    }

    /** A copy with the next instant the scheduler must look at it. */
    SlaClock rescheduled() {
        Draft draft = new Draft(this);
        draft.nextFireAt = computeNextFireAt();
        return draft.build();
    }

    private Instant computeNextFireAt() {
        if (!running()) {
            return null;
        }
        Optional<Instant> warning = warnings.stream().filter(ClockWarning::pending).map(ClockWarning::at)
                .min(Comparator.naturalOrder());
        Instant breach = dueAt.equals(breachedDue) ? null : dueAt;
        if (warning.isPresent() && (breach == null || warning.get().isBefore(breach))) {
            return warning.get();
        }
        return breach;
    }

    private List<ClockWarning> recountWarnings(BusinessCalendar calendar, Duration newBudget, TimeMode newMode, List<Pause> newPauses,
            Instant newDue, Instant at) {
        List<ClockWarning> recounted = new ArrayList<>();
        for (ClockWarning warning : warnings) {
            Instant warnAt = warningAt(calendar, startedAt, newBudget, newMode, newPauses, warning.percent());
            ClockWarning.State state = warning.state();
            if (state == ClockWarning.State.PENDING && !warnAt.isAfter(at) && !newDue.isAfter(at)) {
                state = ClockWarning.State.SKIPPED;
            }
            recounted.add(new ClockWarning(warning.percent(), warnAt, state));
        }
        return recounted;
    }

    private static Instant warningAt(BusinessCalendar calendar, Instant startedAt, Duration budget, TimeMode mode, List<Pause> pauses,
            int percent) {
        Duration share = Duration.ofMillis(budget.toMillis() * percent / 100);
        return millis(calendar.dueAt(startedAt, share, mode, pauses));
    }

    private static Instant millis(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MILLIS);
    }

    /** A mutable copy for building the next version. */
    private static final class Draft {
        private final SlaClock from;
        Priority priority;
        Department department;
        String calendar;
        Duration budget;
        TimeMode mode;
        Instant dueAt;
        ClockState state;
        Instant metAt;
        Boolean onTime;
        List<Pause> pauses;
        Instant pausedSince;
        List<ClockWarning> warnings;
        Instant breachedDue;
        Instant nextFireAt;
        Instant endedAt;
        String endReason;
        long version;
        List<PendingEvent> pendingEvents;

        Draft(SlaClock c) {
            from = c;
            priority = c.priority;
            department = c.department;
            calendar = c.calendar;
            budget = c.budget;
            mode = c.mode;
            dueAt = c.dueAt;
            state = c.state;
            metAt = c.metAt;
            onTime = c.onTime;
            pauses = c.pauses;
            pausedSince = c.pausedSince;
            warnings = c.warnings;
            breachedDue = c.breachedDue;
            nextFireAt = c.nextFireAt;
            endedAt = c.endedAt;
            endReason = c.endReason;
            version = c.version;
            pendingEvents = new ArrayList<>(c.pendingEvents);
        }

        Draft state(ClockState value) {
            state = value;
            return this;
        }

        Draft metAt(Instant value) {
            metAt = value;
            return this;
        }

        Draft onTime(boolean value) {
            onTime = value;
            return this;
        }

        Draft ended(Instant at, String reason) {
            endedAt = at;
            endReason = reason;
            nextFireAt = null;
            if (pausedSince != null) {
                List<Pause> all = new ArrayList<>(pauses);
                all.add(new Pause(pausedSince, at.isBefore(pausedSince) ? pausedSince : at));
                pauses = all;
                pausedSince = null;
            }
            return this;
        }

        Draft pending(PendingEvent event) {
            if (pendingEvents.stream().noneMatch(p -> p.eventId().equals(event.eventId()) && p.topic().equals(event.topic()))) {
                pendingEvents.add(event);
            }
            return this;
        }

        SlaClock build() {
            return new SlaClock(from.clockId, from.ticketId, from.ticketNo, from.metric, from.scope, from.round, priority, department,
                    calendar, budget, mode, from.startedAt, dueAt, state, metAt, onTime, pauses, pausedSince, warnings, breachedDue,
                    nextFireAt, endedAt, endReason, version, pendingEvents);
        }
    }
}
