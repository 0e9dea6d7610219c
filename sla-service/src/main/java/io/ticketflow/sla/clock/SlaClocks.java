package io.ticketflow.sla.clock;

import io.ticketflow.events.ReplyAuthor;
import io.ticketflow.events.SlaMetric;
import io.ticketflow.events.TicketCreated;
import io.ticketflow.events.TicketReplied;
import io.ticketflow.events.TicketResolved;
import io.ticketflow.sla.calendar.BusinessCalendar;
import io.ticketflow.sla.calendar.BusinessCalendars;
import io.ticketflow.sla.policy.PolicyTable;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Starts and stops tickets' SLA clocks as the ticket's lifecycle unfolds. Each method is safe to
 * repeat with the same event: a clock exists once per ticket, metric and round, and stops once.
 * The methods return the ids of the clocks that may hold events to publish.
 */
@Service
public class SlaClocks {

    /** The clocks every new ticket gets. */
    private static final List<SlaMetric> STARTED_ON_CREATION = List.of(SlaMetric.FIRST_RESPONSE, SlaMetric.RESOLUTION);

    private static final Logger log = LoggerFactory.getLogger(SlaClocks.class);

    private final ClockStore store;
    private final PolicyTable policies;
    private final BusinessCalendars calendars;
    private final Clock clock;

    SlaClocks(ClockStore store, PolicyTable policies, BusinessCalendars calendars, Clock clock) {
        this.store = store;
        this.policies = policies;
        this.calendars = calendars;
        this.clock = clock;
    }

    /** A new ticket: its first-response and resolution clocks start at its creation time. */
    public List<String> ticketCreated(TicketCreated created, UUID eventId) {
        BusinessCalendar calendar = calendars.get(policies.calendar());
        List<String> clockIds = new ArrayList<>();
        for (SlaMetric metric : STARTED_ON_CREATION) {
            SlaClock started = SlaClock.start(created.ticketId(), created.ticketNo(), metric, created.priority(),
                    created.occurredAt(), policies.policyFor(metric, created.priority()), calendar, clock.instant());
            if (store.insertIfAbsent(started)) {
                log.info("sla clock started ticketNo={} metric={} priority={} budget={} mode={} dueAt={} clockId={} eventId={} cause={}",
                        started.ticketNo(), metric, started.priority(), started.budget(), started.mode(), started.dueAt(),
                        started.clockId(), SlaClock.startedEventId(started.clockId()), eventId);
            } else {
                log.debug("sla clock already started ticketNo={} metric={} clockId={} cause={}",
                        started.ticketNo(), metric, started.clockId(), eventId);
            }
            clockIds.add(started.clockId());
        }
        return clockIds;
    }

    /** An agent's reply is the ticket's response: the running first-response clock stops. Customers' replies change nothing. */
    public List<String> ticketReplied(TicketReplied replied, UUID eventId) {
        if (replied.author() != ReplyAuthor.AGENT) {
            log.debug("customer reply leaves the clocks alone ticketNo={} cause={}", replied.ticketNo(), eventId);
            return List.of();
        }
        return stop(replied.ticketId(), replied.ticketNo(), SlaMetric.FIRST_RESPONSE, replied.occurredAt(), eventId)
                .map(List::of).orElse(List.of());
    }

    /** Resolution stops the resolution clock, and the first-response clock too: resolving a ticket answers it. */
    public List<String> ticketResolved(TicketResolved resolved, UUID eventId) {
        List<String> clockIds = new ArrayList<>();
        stop(resolved.ticketId(), resolved.ticketNo(), SlaMetric.FIRST_RESPONSE, resolved.occurredAt(), eventId)
                .ifPresent(clockIds::add);
        stop(resolved.ticketId(), resolved.ticketNo(), SlaMetric.RESOLUTION, resolved.occurredAt(), eventId)
                .ifPresent(clockIds::add);
        return clockIds;
    }

    /** A ticket's clocks, by metric then round; empty for a ticket this service has not seen. */
    public List<SlaClock> clocksOf(String ticketNo) {
        return store.byTicketNo(ticketNo);
    }

    private Optional<String> stop(String ticketId, String ticketNo, SlaMetric metric, Instant at, UUID eventId) {
        Optional<SlaClock> running = store.running(ticketId, metric);
        if (running.isEmpty()) {
            // an unknown ticket, a clock already stopped, or a redelivered event: nothing to do
            log.debug("no running {} clock ticketNo={} cause={}", metric, ticketNo, eventId);
            return Optional.empty();
        }
        SlaClock clock = running.get();
        SlaClock.Met met = clock.meet(at, this.clock.instant());
        if (!store.markMet(clock.clockId(), met)) {
            log.debug("{} clock stopped meanwhile ticketNo={} clockId={} cause={}", metric, ticketNo, clock.clockId(), eventId);
            return Optional.empty();
        }
        log.info("sla clock met ticketNo={} metric={} onTime={} metAt={} dueAt={} clockId={} eventId={} cause={}",
                ticketNo, metric, met.onTime(), met.metAt(), clock.dueAt(), clock.clockId(), met.event().eventId(), eventId);
        return Optional.of(clock.clockId());
    }
}
